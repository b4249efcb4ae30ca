package cn.gov.enforcement.portal.account;

import cn.gov.enforcement.portal.platform.ApiEndpoints;
import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.platform.RouteAddresses;
import cn.gov.enforcement.portal.platform.SecurityHeaders;
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
    SecurityFilterChain apiSecurity(HttpSecurity http, AccountService accounts, ApiEndpoints endpoints) throws Exception {
        // an administrator whose password someone else set (initial, reset or generated) replaces it in the portal
        // first, as on the pages; until then HTTP Basic on the protected endpoints is refused
        AuthorizationManager<RequestAuthorizationContext> adminWithOwnPassword = AuthorizationManagers.allOf(
                AuthorityAuthorizationManager.hasRole("ADMIN"),
                (authentication, context) -> new AuthorizationDecision(
                        !accounts.mustChangePassword(authentication.get().getName())));
        // HTTP Basic signs in with the global authentication manager, which holds the one ThrottledAuthenticationProvider
        securityHeaders(http);
        http.securityMatcher("/api/**", "/actuator/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").permitAll()
                        // HEAD runs the GET handler without its body (link checkers, caches): as open as GET
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").permitAll()
                        // OPTIONS only describes an address (Spring MVC answers it with the methods in Allow); no
                        // endpoint code runs
                        .requestMatchers(HttpMethod.OPTIONS, "/api/v1/**").permitAll()
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
    SecurityFilterChain vaadinSecurity(HttpSecurity http, AccountLog log, AccountService accounts,
            com.vaadin.flow.spring.security.RequestUtil vaadinRequests, PortalSettings portal, java.time.Clock clock,
            org.springframework.boot.autoconfigure.web.ServerProperties server) throws Exception {
        // the portal-staff cookie is Secure whenever the session cookie is (server.servlet.session.cookie.secure)
        boolean secureCookie = Boolean.TRUE.equals(server.getServlet().getSession().getCookie().getSecure());
        // the sign-in form uses the global authentication manager, which holds the one ThrottledAuthenticationProvider:
        // registered here as well, a failed attempt ran it twice (the manager falls back to its parent)
        securityHeaders(http);
        // the open sessions of a disabled account, or of one whose password changed, end too; a page that needs an
        // account, opened after the session ended, says why at the sign-in
        http.addFilterAfter(new DisabledAccountFilter(accounts,
                        request -> !vaadinRequests.isAnonymousRoute(request) && !namesNoPage(request), clock,
                        secureCookie),
                org.springframework.security.web.context.SecurityContextHolderFilter.class);
        // a sign-in form sent from another site is refused
        http.addFilterBefore(new SignInOriginFilter(portal.publicUrl()),
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
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
                    DisabledAccountFilter.clearCookie(request, response, secureCookie);
                    if (authentication != null) {
                        log.record(AccountAction.SIGNED_OUT, authentication.getName(), authentication.getName(),
                                request.getRemoteAddr(), null);
                    }
                }))
                // a refused sign-in says why (locked, disabled) and keeps the name typed; set after Vaadin's
                // configuration, whose sign-in page it is (configured first, Spring's own form page took /login)
                .formLogin(form -> form.failureHandler(SignInRefusal.handler()))
                .build();
    }

    /** An address that names no page: see {@link RouteAddresses#namesNoPage}. */
    static boolean namesNoPage(jakarta.servlet.http.HttpServletRequest request) {
        return RouteAddresses.namesNoPage(request);
    }

    /**
     * Beside Spring Security's defaults: the referrer policy, the permissions policy and the content security policy of
     * {@link SecurityHeaders} (the last allowing the inline code and {@code eval} Vaadin needs, see the README).
     */
    private static void securityHeaders(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(org.springframework.security.web.header.writers
                        .ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY))
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY)));
    }

    /** bcrypt for new passwords; the delegating encoder also reads hashes of other algorithms by their prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
