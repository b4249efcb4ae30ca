package cn.gov.enforcement.portal.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Makes a new release's theme style sheet ({@code /VAADIN/themes/portal/styles.css}) reach every reader at once.
 * Its address stays the same across releases, and Vaadin's file server let browsers keep it for an hour without
 * asking: after a deploy readers got the new pages with the old styles. Here browsers keep it but ask every time
 * ({@code Cache-Control: no-cache}) with the {@code ETag} they were given, a hash of the file's bytes; the same file
 * answers {@code 304 Not Modified} without a body, a changed one its new bytes. The tag depends on the content
 * alone, so it stays the same across restarts of one build and on every server of a cluster. It is a weak tag
 * ({@code W/}): Tomcat compresses no answer that carries a strong one, which would name the exact bytes sent, and a
 * weak tag serves a conditional request just as well.
 *
 * <p>Vaadin's own {@code Last-Modified} (the jar's time) is dropped and {@code If-Modified-Since} not passed on:
 * a release whose jar is older than the one before (a rollback) would have been answered 304 with the newer
 * styles kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ThemeFilesCacheFilter extends ShallowEtagHeaderFilter {

    /** Ask the server each time; a 304 costs a round trip without a body. */
    static final String REVALIDATE = "no-cache";

    public ThemeFilesCacheFilter() {
        setWriteWeakETag(true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || !themeFile(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** A file of a theme, as Vaadin serves them ({@code /VAADIN/themes/<theme>/…}). */
    static boolean themeFile(String path) {
        return path.startsWith("/VAADIN/themes/") && !path.contains("..");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        super.doFilterInternal(new WithoutDateCondition(request), new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!"Last-Modified".equalsIgnoreCase(name)) {
                    super.setHeader(name, revalidated(name, value));
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!"Last-Modified".equalsIgnoreCase(name)) {
                    super.addHeader(name, revalidated(name, value));
                }
            }

            @Override
            public void setDateHeader(String name, long date) {
                if (!"Last-Modified".equalsIgnoreCase(name)) {
                    super.setDateHeader(name, date);
                }
            }

            @Override
            public void addDateHeader(String name, long date) {
                if (!"Last-Modified".equalsIgnoreCase(name)) {
                    super.addDateHeader(name, date);
                }
            }
        }, chain);
    }

    /**
     * The header's value, or {@code no-cache} for the time Vaadin's file server gives a file it serves
     * ({@code max-age=3600}). Anything else stays as it is.
     */
    static String revalidated(String name, String value) {
        return "Cache-Control".equalsIgnoreCase(name) && value != null && value.startsWith("max-age=") ? REVALIDATE : value;
    }

    /** The request without {@code If-Modified-Since}: the ETag alone decides whether the file changed. */
    private static final class WithoutDateCondition extends HttpServletRequestWrapper {

        WithoutDateCondition(HttpServletRequest request) {
            super(request);
        }

        private static boolean hidden(String name) {
            return "If-Modified-Since".equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public long getDateHeader(String name) {
            return hidden(name) ? -1 : super.getDateHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !hidden(n.toLowerCase(Locale.ROOT))).toList());
        }
    }
}
