package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The portal runs Vaadin's production bundle only: Vaadin's development tools (the dev server, Copilot, the
 * license checker) stay out of its classpath and so out of the jar, and with them the libraries they brought.
 */
class ProductionClasspathTest {

    @Test
    void vaadinDevelopmentToolsAreNotOnTheClasspath() {
        List<String> present = List.of(
                        "com.vaadin.base.devserver.DevModeHandlerManagerImpl",
                        "com.vaadin.copilot.ApplicationInitializer",
                        "com.vaadin.pro.licensechecker.LicenseChecker")
                .stream()
                .filter(ProductionClasspathTest::loadable)
                .toList();
        assertThat(present).as("development-only classes on the classpath").isEmpty();
        assertThat(loadable("com.vaadin.flow.server.VaadinServlet")).isTrue();
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, ProductionClasspathTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
