package cn.gov.enforcement.portal.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the JSON API's error body ({@link JsonApiErrors#statusBody}, in the caller's language) to every error answer
 * under {@code /api/} that no controller wrote: what Spring MVC or the security filters send as an error (no endpoint
 * at the address 404, a method the endpoint does not take 405, a body type it does not read 415, a caller the security
 * rules refuse 401 or 403) and a failure nothing handled (500, logged). The headers set with the error stay
 * ({@code Allow}, {@code Accept}, {@code WWW-Authenticate}). Without this the servlet container would forward such
 * an error to the error page {@code /error}, outside the API: Spring's English error body, or for a request other
 * than GET the staff sign-in page. Runs before the security filters, which are inside it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ApiErrorFilter extends ApiFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorFilter.class);

    private final JsonApiErrors errors;

    ApiErrorFilter(JsonApiErrors errors) {
        this.errors = errors;
    }

    /**
     * The methods of an {@code Allow} header with those every endpoint takes without declaring them: HEAD beside GET
     * (Spring MVC runs the GET handler without its body) and OPTIONS (Spring MVC describes the address). Spring names
     * only the declared ones in a 405.
     */
    static String withImplicitMethods(String allow) {
        java.util.Set<String> methods = new java.util.LinkedHashSet<>();
        for (String method : allow.split(",")) {
            if (!method.isBlank()) {
                methods.add(method.trim().toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendError(int status) throws IOException {
                    sendError(status, null);
                }

                @Override
                public void sendError(int status, String reason) throws IOException {
                    if (isCommitted()) {
                        super.sendError(status, reason); // refused by the container, as for any committed answer
                        return;
                    }
                    resetBuffer(); // the headers set with the error stay
                    if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED && containsHeader("Allow")) {
                        setHeader("Allow", withImplicitMethods(getHeader("Allow")));
                    }
                    JsonApiErrors.write(response, status, errors.statusBody(status, request));
                }
            });
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
            response.reset();
            // reset took the security filters' headers too: an error answer is never cached, sniffed or framed
            SecurityHeaders.setAll(response);
            JsonApiErrors.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    errors.statusBody(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, request));
        }
    }
}
