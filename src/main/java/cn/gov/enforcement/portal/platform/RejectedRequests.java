package cn.gov.enforcement.portal.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * What a request refused by Spring Security's firewall gets (an address with {@code //}, an encoded dot segment
 * {@code %2e%2e}, a path parameter {@code ;jsessionid=1}): an address whose only fault is a doubled slash
 * ({@code //risks}) is sent on for good (301) to the same address with single slashes, when the firewall takes that;
 * any other is answered 400 by {@link ErrorAnswers}, the page in the reader's language (the API's JSON
 * {@code bad_request} under {@code /api/}), with the security headers, which the chains never got to write. Spring
 * Security picks this bean up for its filter chain.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedRequests.class);
    /** Spring Security's firewall as the chains use it (the portal does not change its rules). */
    private static final HttpFirewall FIREWALL = new StrictHttpFirewall();

    private final ErrorAnswers answers;

    RejectedRequests(ErrorAnswers answers) {
        this.answers = answers;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        String single = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                ? withSingleSlashes(request) : null;
        if (single != null) {
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            SecurityHeaders.setAll(response);
            response.setHeader("Location", request.getQueryString() == null ? single
                    : single + "?" + request.getQueryString());
            return;
        }
        LOG.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
        answers.write(request, response, HttpServletResponse.SC_BAD_REQUEST, ErrorAnswers.isApi(request), null);
    }

    /**
     * The request's address with single slashes when it has doubled ones and the firewall takes it with single ones;
     * null otherwise. Starts with one slash, so the redirect never leaves the portal ({@code //host} would).
     */
    static String withSingleSlashes(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri == null || !uri.contains("//")) {
            return null;
        }
        String single = uri.replaceAll("/{2,}", "/");
        String decoded;
        try {
            decoded = UriUtils.decode(single, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        HttpServletRequest asSingle = new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return single;
            }

            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer(single);
            }

            @Override
            public String getContextPath() {
                return "";
            }

            @Override
            public String getServletPath() {
                return decoded;
            }

            @Override
            public String getPathInfo() {
                return null;
            }
        };
        try {
            FIREWALL.getFirewalledRequest(asSingle);
            return single;
        } catch (RequestRejectedException stillRefused) {
            return null;
        }
    }
}
