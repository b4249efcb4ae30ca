package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * In the production profile the session cookie is Secure unless switched off for a plain-HTTP test install, and the
 * {@code portal-staff} cookie follows it: Secure even when the portal behind the TLS proxy sees plain HTTP.
 */
class StaffCookieTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static String staffCookie(boolean secureSetting, boolean https) throws Exception {
        AccountService accounts = mock(AccountService.class);
        when(accounts.sessionState(anyString(), any())).thenReturn(AccountService.SessionState.VALID);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/staff");
        request.setSecure(https);
        request.getSession(true);
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated("officer", null,
                List.of());
        signedIn.setDetails(new WebAuthenticationDetails(request));
        SecurityContextHolder.setContext(new SecurityContextImpl(signedIn));
        MockHttpServletResponse response = new MockHttpServletResponse();
        new DisabledAccountFilter(accounts, r -> true, java.time.Clock.systemUTC(), secureSetting)
                .doFilter(request, response, new MockFilterChain());
        return response.getHeaders("Set-Cookie").stream().filter(c -> c.startsWith(DisabledAccountFilter.COOKIE + "="))
                .findFirst().orElseThrow();
    }

    @Test
    void the_staff_cookie_is_secure_when_the_session_cookie_is_or_the_request_came_over_https() throws Exception {
        assertThat(staffCookie(true, false)).contains("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(staffCookie(false, true)).contains("Secure");
        assertThat(staffCookie(false, false)).doesNotContain("Secure").contains("HttpOnly");
    }

    @Test
    void the_production_profile_makes_the_session_cookie_secure_unless_switched_off() throws Exception {
        assertThat(prodSetting(null)).isEqualTo("true");
        assertThat(prodSetting("false")).isEqualTo("false");
    }

    private static String prodSetting(String switchValue) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        if (switchValue != null) {
            environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("env",
                    java.util.Map.of("PORTAL_SECURE_COOKIES", switchValue)));
        }
        new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment.getProperty("server.servlet.session.cookie.secure");
    }
}
