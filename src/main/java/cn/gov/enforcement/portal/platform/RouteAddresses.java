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
        return Boolean.FALSE.equals(namesRoute(request));
    }

    /**
     * True for a GET or HEAD request whose path is a route of the application, a route template's too ({@code
     * /risks/x.png} is one of {@code risks/:id}); false for the root and Vaadin's own resources, as for {@link
     * #namesNoPage}.
     */
    public static boolean namesPage(HttpServletRequest request) {
        return Boolean.TRUE.equals(namesRoute(request));
    }

    /** Whether the path is a route; null when the request is left to Vaadin's rules (or is not a GET or HEAD). */
    private static Boolean namesRoute(HttpServletRequest request) {
        if (!(HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()))
                || request.getServletContext() == null) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        path = java.net.URLDecoder.decode(path.startsWith("/") ? path.substring(1) : path,
                java.nio.charset.StandardCharsets.UTF_8);
        if (path.isEmpty() || path.startsWith("VAADIN/") || path.startsWith("HEARTBEAT/")
                || request.getParameter("v-r") != null) {
            return null;
        }
        com.vaadin.flow.server.startup.ApplicationRouteRegistry registry =
                com.vaadin.flow.server.startup.ApplicationRouteRegistry.getInstance(
                        new com.vaadin.flow.server.VaadinServletContext(request.getServletContext()));
        return registry.getNavigationRouteTarget(path).getRouteTarget() != null;
    }
}
