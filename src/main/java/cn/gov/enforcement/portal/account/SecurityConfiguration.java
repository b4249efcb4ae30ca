package cn.gov.enforcement.portal.account;

import cn.gov.enforcement.portal.platform.ApiEndpoints;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Deny by default. Views declare their access with annotations; the JSON API is stateless and
 * read-only for the public unless an endpoint says otherwise (a refused caller gets the API's JSON
 * 401 or 403, see platform.ApiErrorFilter, never the sign-in page); actuator health is public, the
 * rest of actuator is for administrators.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ThrottledAuthenticationProvider provider, AccountService accounts,
            ApiEndpoints endpoints) throws Exception {
        // an administrator whose password someone else set (initial, reset or generated) replaces it in the portal
        // first, as on the pages; until then HTTP Basic on the protected endpoints is refused
        AuthorizationManager<RequestAuthorizationContext> adminWithOwnPassword = AuthorizationManagers.allOf(
                AuthorityAuthorizationManager.hasRole("ADMIN"),
                (authentication, context) -> new AuthorizationDecision(
                        !accounts.mustChangePassword(authentication.get().getName())));
        http.authenticationProvider(provider);
        http.securityMatcher("/api/**", "/actuator/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").permitAll()
                        // HEAD runs the GET handler without its body (link checkers, caches): as open as GET
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // the eligibility check is a public calculation that stores nothing
                        .requestMatchers(HttpMethod.POST, "/api/v1/exemptions/check").permitAll()
                        // a request no endpoint takes (no such address, another method or body type) runs no code:
                        // it gets its 404, 405 or 415 rather than a demand to sign in; every endpoint keeps its rule
                        .requestMatchers(endpoints::noneTakes).permitAll()
                        .anyRequest().access(adminWithOwnPassword))
                .httpBasic(b -> {});
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain vaadinSecurity(HttpSecurity http, ThrottledAuthenticationProvider provider, AccountLog log,
            AccountService accounts) throws Exception {
        http.authenticationProvider(provider);
        // a disabled account's open sessions end too
        http.addFilterAfter(new DisabledAccountFilter(accounts),
                org.springframework.security.web.context.SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/images/**", "/icons/**").permitAll()
                // what search engines read
                .requestMatchers(HttpMethod.GET, "/robots.txt", "/sitemap.xml", "/sitemap/*.xml").permitAll()
                // an address that names no page (mistyped, outdated) gets the "page not found" page, not the staff
                // sign-in; every page that exists keeps its own access rule
                .requestMatchers(SecurityConfiguration::namesNoPage).permitAll());
        // staff who open the sign-in themselves land on their workbench; one sent to sign in by a protected page
        // returns to that page
        // signing out is written to the account log
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .defaultSuccessUrl("/staff")
                .addLogoutHandler((request, response, authentication) -> {
                    SessionEndLog.signingOut(request.getSession(false));
                    if (authentication != null) {
                        log.record(AccountAction.SIGNED_OUT, authentication.getName(), authentication.getName(),
                                request.getRemoteAddr(), null);
                    }
                })).build();
    }

    /**
     * True for a GET request whose path is no route of the application (checked against Vaadin's route registry,
     * route templates such as {@code regulations/:id} included). Vaadin then answers with its not-found view. The
     * root and Vaadin's own resources are left to Vaadin's rules.
     */
    static boolean namesNoPage(jakarta.servlet.http.HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod()) || request.getServletContext() == null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        path = java.net.URLDecoder.decode(path.startsWith("/") ? path.substring(1) : path,
                java.nio.charset.StandardCharsets.UTF_8);
        if (path.isEmpty() || path.startsWith("VAADIN/") || path.startsWith("HEARTBEAT/")
                || request.getParameter("v-r") != null) {
            return false;
        }
        com.vaadin.flow.server.startup.ApplicationRouteRegistry registry =
                com.vaadin.flow.server.startup.ApplicationRouteRegistry.getInstance(
                        new com.vaadin.flow.server.VaadinServletContext(request.getServletContext()));
        return registry.getNavigationRouteTarget(path).getRouteTarget() == null;
    }

    /** bcrypt for new passwords; the delegating encoder also reads hashes of other algorithms by their prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
