package cn.gov.enforcement.portal.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/** A filter of the requests to the JSON API alone (addresses under {@code /api/}); other requests pass untouched. */
abstract class ApiFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiEndpoints.isApi(request);
    }
}
