package cn.gov.enforcement.portal.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a page address whose query holds a {@code %} that starts no escape ({@code /regulations?q=100%},
 * {@code /?lang=%zz}) to the same address with that {@code %} escaped ({@code %25}). Vaadin decodes the page's query
 * when it creates the UI and fails on such a {@code %} with its internal-error page; after the redirect the reader
 * sees the page, the {@code %} kept as typed. The JSON API ({@code /api/…}) is left as it is: the servlet container
 * ignores a parameter it cannot decode there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MalformedQueryFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/") || wellFormed(query);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (!samePortalPath(uri.substring(request.getContextPath().length()))) {
            // //other.example?% would send the reader to another site (a scheme-relative address): no redirect; the
            // security filters behind refuse such a path
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", uri + "?" + escapeStrayPercents(request.getQueryString()));
    }

    /**
     * True for a path a browser reads as one on this site: one leading slash, not a second one after it and no
     * backslash (browsers read //host and /\host as the start of another host's address).
     */
    static boolean samePortalPath(String path) {
        return path.startsWith("/") && !path.startsWith("//") && path.indexOf('\\') < 0;
    }

    /** True when every {@code %} of the query starts an escape of two hexadecimal digits. */
    static boolean wellFormed(String query) {
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
            if (!escapeAt(query, i)) {
                return false;
            }
        }
        return true;
    }

    /** The query with every {@code %} that starts no escape written as {@code %25}. */
    static String escapeStrayPercents(String query) {
        StringBuilder out = new StringBuilder(query.length() + 8);
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            out.append(c == '%' && !escapeAt(query, i) ? "%25" : String.valueOf(c));
        }
        return out.toString();
    }

    private static boolean escapeAt(String query, int i) {
        return i + 2 < query.length() && hex(query.charAt(i + 1)) && hex(query.charAt(i + 2));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
