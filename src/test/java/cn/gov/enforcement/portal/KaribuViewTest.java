package cn.gov.enforcement.portal;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Browserless view tests with Karibu-Testing on the whole application context (real database and
 * search node). Spring Security's filter chain does not run here, so {@link #signIn} puts the user
 * both into Spring Security's context (for method security) and into the fake request (for Vaadin's
 * view access control).
 */
public abstract class KaribuViewTest extends IntegrationTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("cn.gov.enforcement.portal");
    }

    @BeforeEach
    void setUpVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * The header's language switch as a browser lives it: the switch remembers the language in a cookie and reloads the
     * page, and the reloaded page is in the language of the cookie the browser sends. Karibu's reload sends no cookie,
     * so the fake request is given it first; {@code MainLayout.switchLanguage} alone reloads in Simplified Chinese.
     */
    protected static void switchLanguageAsABrowser(Locale locale) {
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        String cookie = cn.gov.enforcement.portal.platform.LanguagePreference.COOKIE;
        jakarta.servlet.http.Cookie[] others = request.getCookies() == null ? new jakarta.servlet.http.Cookie[0]
                : Arrays.stream(request.getCookies()).filter(c -> !cookie.equals(c.getName()))
                        .toArray(jakarta.servlet.http.Cookie[]::new);
        request.setCookiesInt(others);
        request.addCookie(new jakarta.servlet.http.Cookie(cookie,
                cn.gov.enforcement.portal.platform.LanguagePreference.tag(locale)));
        cn.gov.enforcement.portal.ui.MainLayout.switchLanguage(UI.getCurrent(), locale);
    }

    /** Signs in as the given principal (a {@link UserDetails} or a plain name) with the given roles. */
    protected void signIn(Object principal, String... roles) {
        List<SimpleGrantedAuthority> authorities =
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        Authentication auth = new UsernamePasswordAuthenticationToken(principal, null, authorities);
        SecurityContextHolder.setContext(new org.springframework.security.core.context.SecurityContextImpl(auth));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((p, role) -> authorities.stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }
}
