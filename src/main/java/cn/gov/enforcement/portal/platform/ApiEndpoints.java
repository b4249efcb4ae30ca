package cn.gov.enforcement.portal.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Tells the security rules which requests to the JSON API no endpoint takes: no endpoint has the address (Spring MVC
 * answers 404, see {@code PlatformConfiguration.apiAddressesWithoutEndpoint}), or none at the address takes the
 * method, the body type or the wanted answer type (405, 415, 406). Such a request runs no code of the portal, so it
 * may pass the security rules and get that answer instead of a demand to sign in; a request an endpoint takes keeps
 * the endpoint's rule.
 */
@Component
public class ApiEndpoints {

    private final HandlerMapping endpoints;

    ApiEndpoints(@Lazy @Qualifier("requestMappingHandlerMapping") HandlerMapping endpoints) {
        this.endpoints = endpoints;
    }

    /** True for a request to an address under {@code /api/}. */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /**
     * True for a request to the API that no controller endpoint takes; false for one an endpoint takes, one the
     * look-up cannot tell, and any request outside {@code /api/} (the actuator's endpoints are not controllers).
     */
    public boolean noneTakes(HttpServletRequest request) {
        if (!isApi(request)) {
            return false;
        }
        HttpServletRequest probe = new OwnAttributes(request);
        try {
            ServletRequestPathUtils.parseAndCache(probe);
            return endpoints.getHandler(probe) == null;
        } catch (HttpRequestMethodNotSupportedException | HttpMediaTypeException
                | UnsatisfiedServletRequestParameterException noEndpointForThis) {
            return true;
        } catch (Exception unknown) {
            return false; // the endpoints' rules decide
        }
    }

    /** The request as the look-up sees it: what the look-up notes in the request's attributes stays out of them. */
    private static final class OwnAttributes extends HttpServletRequestWrapper {

        private final Map<String, Object> set = new HashMap<>();
        private final Set<String> removed = new LinkedHashSet<>();

        OwnAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return set.containsKey(name) ? set.get(name) : removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
            names.removeAll(removed);
            names.addAll(set.keySet());
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                removeAttribute(name);
            } else {
                set.put(name, value);
                removed.remove(name);
            }
        }

        @Override
        public void removeAttribute(String name) {
            set.remove(name);
            removed.add(name);
        }
    }
}
