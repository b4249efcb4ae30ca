package cn.gov.enforcement.portal.ui;

import cn.gov.enforcement.portal.platform.EntryPages;
import com.vaadin.flow.router.internal.NavigationRouteTarget;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The HTTP status of a page's first answer. Vaadin sends the same page shell for every address and routes in a
 * second request, so an address of no page ({@code /no-such-page}) or of no entry ({@code /risks/no-such-id}) would
 * answer 200 and search engines would index the not-found page. Before the shell is sent, the address is matched
 * against the routes, and an entry page's parameters are checked with its module ({@link EntryPages}): no route, or
 * no entry, answers 404. The shell itself is unchanged, so the browser still shows the friendly not-found page.
 */
@Component
class NotFoundStatus implements VaadinServiceInitListener {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NotFoundStatus.class);

    private final List<EntryPages> entryPages;

    NotFoundStatus(List<EntryPages> entryPages) {
        this.entryPages = entryPages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::setStatus);
    }

    void setStatus(IndexHtmlResponse response) {
        String path = response.getVaadinRequest().getPathInfo();
        try {
            if (!found(response.getVaadinRequest().getService().getContext(), path)) {
                response.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (RuntimeException e) {
            // a look-up that fails (the database away) leaves the status alone: the page itself says what it can
            LOG.warn("Could not tell whether an address names a page: {}", e.toString());
        }
    }

    /** Whether {@code path} (the request's path inside the application) opens a page that is not the not-found page. */
    boolean found(com.vaadin.flow.server.VaadinContext context, String path) {
        String route = path == null ? "" : path.replaceAll("^/+|/+$", "");
        NavigationRouteTarget target = ApplicationRouteRegistry.getInstance(context).getNavigationRouteTarget(route);
        if (target == null || !target.hasTarget()) {
            return false;
        }
        Class<? extends com.vaadin.flow.component.Component> view = target.getRouteTarget().getTarget();
        for (EntryPages pages : entryPages) {
            var shows = pages.shows(view, target.getRouteParameters());
            if (shows.isPresent()) {
                return shows.get();
            }
        }
        return true;
    }
}
