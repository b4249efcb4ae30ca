package cn.gov.enforcement.portal.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets browsers keep the files of Vaadin's production bundle ({@code /VAADIN/build/indexhtml-CGrtTICW.js}) for a
 * year without asking again. Their names carry a hash of their content, so a new build has new names and a file of
 * a given name never changes. Vaadin's own file server gave them one hour, and its {@code Last-Modified} is the
 * server's start: after every restart each reader loaded the whole bundle again once the hour was over. Other
 * files (the theme's style sheets, icons) keep Vaadin's hour: their names do not change with their content.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BuildFilesCacheFilter extends OncePerRequestFilter {

    /** A year, the longest time browsers honour. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** A bundle file: its name ends with Vite's eight-character content hash before the extension. */
    private static final Pattern HASHED = Pattern.compile("/VAADIN/build/[^/]+-[A-Za-z0-9_-]{8}\\.(js|css)");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || !hashed(request.getRequestURI().substring(request.getContextPath().length()));
    }

    static boolean hashed(String path) {
        return HASHED.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, lengthened(name, value, getStatus()));
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, lengthened(name, value, getStatus()));
            }
        });
    }

    /**
     * The header's value, or a year for the time Vaadin's file server gives a file it serves ({@code max-age=3600}).
     * Anything else (an error's {@code no-cache}, say) stays as it is.
     */
    static String lengthened(String name, String value, int status) {
        return "Cache-Control".equalsIgnoreCase(name) && status == HttpServletResponse.SC_OK && value != null
                && value.startsWith("max-age=") ? IMMUTABLE : value;
    }
}
