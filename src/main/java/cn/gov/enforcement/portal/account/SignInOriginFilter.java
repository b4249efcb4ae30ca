package cn.gov.enforcement.portal.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in form sent from another site (login CSRF: a page elsewhere signing the visitor's browser in to the
 * attacker's account). The sign-in form posts without Spring's CSRF token (Vaadin's form is a plain HTML form), so the
 * browser's {@code Origin}, or without it the {@code Referer}, must name the portal itself: the address the request
 * came to (as the server sees it behind a proxy) or {@code portal.public-url}. A request with neither header passes:
 * browsers send one with every form post, other clients are no cross-site threat. Refused with 403 before the password
 * is checked, so nothing is counted or logged. Not a bean, like the other filters of the chain.
 */
class SignInOriginFilter extends OncePerRequestFilter {

    private final String publicOrigin;

    /** {@code publicUrl}: the portal's address as the public reaches it. */
    SignInOriginFilter(String publicUrl) {
        this.publicOrigin = origin(publicUrl);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !"/login".equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        String claimed = origin != null ? origin.trim() : request.getHeader("Referer") == null ? null
                : origin(request.getHeader("Referer"));
        if (origin == null && request.getHeader("Referer") == null || isOwn(claimed, request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write("Sign in on the portal's own sign-in page. 请在本站的登录页登录。"
                .getBytes(StandardCharsets.UTF_8));
    }

    private boolean isOwn(String claimed, HttpServletRequest request) {
        if (claimed == null || claimed.isEmpty()) {
            return false;
        }
        String lower = claimed.toLowerCase(Locale.ROOT);
        return lower.equals(publicOrigin) || lower.equals(ownOrigin(request));
    }

    /** The origin the request was sent to: scheme, host and port (the default port left out, as browsers write it). */
    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 address
        }
        return (scheme + "://" + host + (defaultPort ? "" : ":" + port)).toLowerCase(Locale.ROOT);
    }

    /** The origin of an address (scheme, host and port as a browser writes it); null for one that is not absolute. */
    static String origin(String address) {
        try {
            URI uri = URI.create(address.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port < 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return (scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }
}
