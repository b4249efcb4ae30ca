package cn.gov.enforcement.portal.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;

/** What an address names among the application's pages, for the filters and security rules outside Vaadin. */
public final class RouteAddresses {

    private RouteAddresses() {}

    /**
     * True for a GET or HEAD request whose path is no route of the application (checked against Vaadin's route
     * registry, route templates such as {@code regulations/:id} included). Vaadin then answers with its not-found
     * view. The root and Vaadin's own resources are left to Vaadin's rules.
     */
    public static boolean namesNoPage(HttpServletRequest request) {
        if (!(HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()))
                || request.getServletContext() == null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        path = java.net.URLDecoder.decode(path.startsWith("/") ? path.substring(1) : path,
                java.nio.charset.StandardCharsets.UTF_8);
        if (path.isEmpty() || path.startsWith("VAADIN/") || path.startsWith("HEARTBEAT/")
                || request.getParameter("v-r") != null) {
            return false;
        }
        com.vaadin.flow.server.startup.ApplicationRouteRegistry registry =
                com.vaadin.flow.server.startup.ApplicationRouteRegistry.getInstance(
                        new com.vaadin.flow.server.VaadinServletContext(request.getServletContext()));
        return registry.getNavigationRouteTarget(path).getRouteTarget() == null;
    }
}
