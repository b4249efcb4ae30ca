package cn.gov.enforcement.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HomeViewIT extends KaribuViewTest {

    @Test
    void home_page_explains_the_portal_in_chinese_and_lists_only_real_services() {
        UI.getCurrent().navigate("");
        assertThat(_get(H1.class).getText()).isEqualTo("让执法更有温度，让企业和群众少走弯路");
        var links = _find(HomeView.class).get(0).getChildren().count();
        assertThat(links).isGreaterThan(0);
        // every service card links to a route that exists
        for (Anchor a : _find(Anchor.class)) {
            String href = a.getHref();
            if (href.startsWith("http") || href.startsWith("#") || href.startsWith("mailto") || href.startsWith("tel")) {
                continue;
            }
            assertThat(com.vaadin.flow.router.RouteConfiguration.forApplicationScope()
                            .getRoute(href.equals(".") ? "" : href))
                    .as("route for link " + href).isPresent();
        }
    }

    @Test
    void the_navigation_hides_administration_from_the_public() {
        UI.getCurrent().navigate("");
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref)).doesNotContain("admin/users");
    }

    @Test
    void the_home_page_speaks_english_when_asked() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("login"); // leave the home page so that it is built again
        UI.getCurrent().navigate("");
        assertThat(_get(H1.class).getText()).isEqualTo("Enforcement that helps businesses and citizens get it right");
    }
}
