package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;

import cn.gov.enforcement.portal.platform.Translations;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import page leaving: at a normal stop the sessions are destroyed after the application context is closed, and
 * a detach that still asked for translations logged an ERROR with a long stack trace (ApplicationContext … has been
 * closed already) at every stop after the page had been opened.
 */
class RegulationImportViewTest {

    /** The portal's translations until {@link #closed}: then every look-up fails as it does at shutdown. */
    public static class ClosingTranslations extends Translations {
        static volatile boolean closed;

        @Override
        public String getTranslation(String key, Locale locale, Object... params) {
            if (closed) {
                throw new IllegalStateException("ApplicationContext has been closed already");
            }
            return super.getTranslation(key, locale, params);
        }
    }

    @BeforeEach
    void setUp() {
        ClosingTranslations.closed = false;
        System.setProperty("vaadin.i18n.provider", ClosingTranslations.class.getName());
        try {
            MockVaadin.setup(new Routes());
        } catch (IllegalStateException incompatible) {
            Assumptions.abort("Skipped: Karibu-Testing does not support this Vaadin version: " + incompatible.getMessage());
        }
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        ClosingTranslations.closed = false;
        MockVaadin.tearDown();
        System.clearProperty("vaadin.i18n.provider");
    }

    @Test
    void leaving_the_page_asks_for_no_translation_and_coming_back_shows_the_empty_list() {
        RegulationImportView view = new RegulationImportView(mock(RegulationImportJobs.class), new RegulationSettings("", 100));
        UI.getCurrent().add(view);
        String noFiles = LocatorJ._get(Paragraph.class, spec -> spec.withId("regulation-import-files")).getText();
        assertThat(noFiles).isNotBlank();

        // Vaadin hands an exception in a detach listener to the session's error handler (DefaultErrorHandler: the ERROR)
        java.util.List<Throwable> errors = new java.util.ArrayList<>();
        com.vaadin.flow.server.VaadinSession.getCurrent().setErrorHandler(e -> errors.add(e.getThrowable()));
        ClosingTranslations.closed = true;
        assertThatCode(() -> UI.getCurrent().remove(view)).as("the detach at shutdown").doesNotThrowAnyException();
        assertThat(errors).as("errors of the detach").isEmpty();

        ClosingTranslations.closed = false;
        UI.getCurrent().add(view);
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("regulation-import-files")).getText())
                .isEqualTo(noFiles);
    }
}
