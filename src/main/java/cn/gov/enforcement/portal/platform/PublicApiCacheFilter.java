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

/**
 * Lets browsers and shared caches (a proxy, a CDN) keep the JSON API's answers of published data for five minutes
 * ({@code Cache-Control: public, max-age=300}) instead of Spring Security's {@code no-store} on every answer: the
 * lists, one entry, the discretion benchmarks, the list downloads (CSV, XLSX), the agencies and one agency, the
 * regulation search, the self-check's sectors and checklist, the guidance figures, the API's description
 * ({@code openapi.yaml}). The same address always gives
 * every reader the same answer there; the language, when it differs, follows {@code ?lang=} (part of the address)
 * or {@code Accept-Language} (named in {@code Vary}).
 *
 * <p>Everything else keeps {@code no-store}: answers about one person or case (a certificate check, a mediation's
 * status, a self-check report of a business's answers), POSTs (the eligibility check), a request that carries
 * credentials ({@code Authorization}), every answer but 200 (a refusal, a rate limit, a search node that is down,
 * a missing entry that may be published in a minute), and every address outside the API (staff pages included).
 * Only the headers Spring Security writes on its own are replaced.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class PublicApiCacheFilter extends ApiFilter {

    /** Five minutes: an edit published by staff reaches every reader after at most this long. */
    static final String PUBLIC = "public, max-age=300";

    /** What Spring Security writes on every answer otherwise, written back on an answer that turns out not 200. */
    static final String NO_STORE = "no-cache, no-store, max-age=0, must-revalidate";

    /** The GET (and HEAD) addresses whose answers show published data, the same for every reader. */
    private static final Pattern PUBLISHED = Pattern.compile("/api/v1/(?:"
            + "(?:risk-points|exemptions)(?:\\.csv|\\.xlsx|/[^/]+)?"
            + "|discretion"
            + "|agencies(?:/[^/]+)?"
            + "|regulations/search"
            + "|self-check/(?:sectors|checklist)"
            + "|guidance/figures"
            + "|openapi\\.yaml)");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return super.shouldNotFilter(request) || !cacheable(request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()),
                request.getHeader("Authorization") != null);
    }

    /** True for a GET or HEAD of published data without credentials. */
    static boolean cacheable(String method, String path, boolean credentials) {
        return ("GET".equals(method) || "HEAD".equals(method)) && !credentials && PUBLISHED.matcher(path).matches()
                && !path.equals("/api/v1/exemptions/check");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (published(getStatus(), name, value)) {
                    publish(name, this::superSetHeader);
                } else {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (published(getStatus(), name, value)) {
                    publish(name, this::superSetHeader);
                } else {
                    super.addHeader(name, value);
                }
            }

            @Override
            public void setDateHeader(String name, long date) {
                if (!(getStatus() == SC_OK && "Expires".equalsIgnoreCase(name))) {
                    super.setDateHeader(name, date);
                }
            }

            @Override
            public void addDateHeader(String name, long date) {
                if (!(getStatus() == SC_OK && "Expires".equalsIgnoreCase(name))) {
                    super.addDateHeader(name, date);
                }
            }

            /*
             * An error raised with sendError (a 406 for an Accept the address cannot answer, say) reaches Spring
             * Security's header writer while the status is still 200, so the headers were already made public:
             * a status other than 200 takes them back before it is set.
             */
            @Override
            public void setStatus(int status) {
                keepNone(status);
                super.setStatus(status);
            }

            @Override
            public void sendError(int status) throws IOException {
                keepNone(status);
                super.sendError(status);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                keepNone(status);
                super.sendError(status, message);
            }

            private void keepNone(int status) {
                if (status != SC_OK && !isCommitted()) {
                    super.setHeader("Cache-Control", NO_STORE);
                    super.setHeader("Pragma", "no-cache");
                    super.setDateHeader("Expires", 0);
                }
            }

            private void superSetHeader(String name, String value) {
                if ("Vary".equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                } else {
                    super.setHeader(name, value);
                }
            }
        });
    }

    /**
     * True for the headers that forbid caching a successful answer (Spring Security's {@code Cache-Control:
     * no-cache, no-store, …}, {@code Pragma: no-cache}, {@code Expires: 0}).
     */
    static boolean published(int status, String name, String value) {
        if (status != HttpServletResponse.SC_OK || value == null) {
            return false;
        }
        return ("Cache-Control".equalsIgnoreCase(name) && value.contains("no-store"))
                || ("Pragma".equalsIgnoreCase(name) && value.contains("no-cache"))
                || "Expires".equalsIgnoreCase(name);
    }

    /** In place of a header that forbids caching: the public lifetime, and the header the answer's language follows. */
    private static void publish(String name, java.util.function.BiConsumer<String, String> write) {
        if ("Cache-Control".equalsIgnoreCase(name)) {
            write.accept("Cache-Control", PUBLIC);
            write.accept("Vary", "Accept-Language");
        }
        // Pragma and Expires: left out
    }
}
