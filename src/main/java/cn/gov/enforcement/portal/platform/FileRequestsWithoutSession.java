package cn.gov.enforcement.portal.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request for a file opens no session: the portal's icons and images ({@code /icons/…}, {@code /images/…}), Vaadin's
 * files ({@code /VAADIN/…}, but for its downloads and uploads under {@code /VAADIN/dynamic/} and its push channel) and
 * an address of no page ending in the extension of a file ({@code /apple-touch-icon.png}, {@code /wp-login.php}); all
 * of them are open to everyone, so nothing needs a session to send the reader to the sign-in. A file that is there is
 * served without one anyway; for one that is not, Vaadin opened a session (and sent its page shell, or an error), so
 * that a crawler asking for missing files made the server keep a session per request until it timed out. Such a
 * request now cannot create one (a session it already has is used as before); Vaadin, unable to open one, refuses it
 * (403), which is answered as what it is, a file that is not there: 404, the portal's not-found page
 * ({@link ErrorAnswers}), without a {@code Set-Cookie}.
 *
 * <p>An address with the extension of a file that a page's route template takes ({@code /risks/x.png} for {@code
 * risks/:id}, {@code /agencies/a.js}, {@code /staff/agency/a.css}) is answered 404 here, without Vaadin: Vaadin
 * opened a session to render its not-found view for it (or, for a staff page, to keep the address for after the
 * sign-in). No route's parameter ends in such an extension: regulation ids are digits, list entry and agency ids slugs
 * of {@code a-z}, {@code 0-9} and {@code -}, reference numbers ({@code TJ-2026-000001}, {@code PJ-…}, {@code ZD-…})
 * and letter codes letters, digits and dashes, documents and list kinds names without a dot. The portal's real files
 * with such an extension ({@code /robots.txt}, {@code /sitemap.xml}, {@code /sitemap/*.xml}, {@code
 * /api/v1/openapi.yaml}, {@code /favicon.ico}) are no route's and are served as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class FileRequestsWithoutSession extends OncePerRequestFilter {

    private final ErrorAnswers answers;

    FileRequestsWithoutSession(ErrorAnswers answers) {
        this.answers = answers;
    }

    /** The extensions of files browsers and crawlers ask for; no page of the portal ends in one. */
    static final Pattern FILE = Pattern.compile(".*/[^/]*\\.(png|jpe?g|gif|svg|ico|webp|avif|bmp|css|js|mjs|map"
            + "|woff2?|ttf|otf|eot|json|webmanifest|txt|xml|php\\d?|aspx?|jsp|cgi|pl|env|ini|cfg|conf|bak|old|sql|gz|zip"
            + "|tar|rar|7z|yml|yaml|log)$", Pattern.CASE_INSENSITIVE);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method))) {
            return true;
        }
        String path = path(request);
        return !(isFileFolder(path) || (FILE.matcher(path).matches()
                && (RouteAddresses.namesNoPage(request) || RouteAddresses.namesPage(request))));
    }

    /** Whether a path inside the application lies in a folder of files open to everyone. */
    static boolean isFileFolder(String path) {
        if (path.equals("/VAADIN") || path.startsWith("/VAADIN/")) {
            return !path.startsWith("/VAADIN/dynamic/") && !path.startsWith("/VAADIN/push");
        }
        return path.startsWith("/icons/") || path.startsWith("/images/");
    }

    /** Vaadin's refusal of a request it could not open a session for: the file is not there. */
    private static int notThere(int status) {
        return status == HttpServletResponse.SC_FORBIDDEN ? HttpServletResponse.SC_NOT_FOUND : status;
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isFileFolder(path(request)) && RouteAddresses.namesPage(request)) {
            // a file's name where a page takes an id: no such page, nor such a file
            answers.write(request, response, HttpServletResponse.SC_NOT_FOUND, false, null);
            return;
        }
        if (request.getSession(false) != null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession() {
                return getSession(true);
            }

            @Override
            public HttpSession getSession(boolean create) {
                return super.getSession(false);
            }
        }, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                super.sendError(notThere(status));
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                super.sendError(notThere(status), message);
            }

            @Override
            public void setStatus(int status) {
                super.setStatus(notThere(status));
            }
        });
    }
}
