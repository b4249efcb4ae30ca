package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * Tells a page whether the browser window is narrow: at most {@link #WIDEST_NARROW} CSS pixels, the width up to which
 * the theme folds the navigation behind the menu button (phones and tablets). The browser answers the theme's own
 * media query (so the page and the navigation change at the same width, scroll bar included) once the page is shown,
 * and again whenever the window crosses that width, a tablet turned sideways for example. The page is laid out wide
 * until then, and in server-side tests that fire no such answer; it is told only of changes.
 *
 * <p>For grids whose columns do not fit a phone: the page shows a compact layout on a narrow window instead of rows
 * that scroll sideways inside the grid.
 */
public final class NarrowWindow {

    /** The widest narrow window in CSS pixels: the theme's {@code max-width: 900px} fold of the navigation. */
    public static final int WIDEST_NARROW = 900;

    /** The DOM event by which the browser tells the page; its detail is true for a narrow window. */
    static final String EVENT = "portal-narrow-window";

    private NarrowWindow() {}

    /**
     * Calls {@code layout} with true when the window of {@code page} turns narrow and with false when it turns wide
     * again, for as long as the page is shown.
     */
    public static void follow(Component page, SerializableConsumer<Boolean> layout) {
        boolean[] narrow = {false};
        page.getElement().addEventListener(EVENT, e -> {
            boolean now = e.getEventData().getBoolean("event.detail");
            if (now != narrow[0]) {
                narrow[0] = now;
                layout.accept(now);
            }
        }).addEventData("event.detail");
        // the listener on the media query ends itself once the page has left the document
        page.addAttachListener(attach -> page.getElement().executeJs("""
                const page = this;
                const query = window.matchMedia($0);
                const tell = () => {
                  if (!page.isConnected) { query.removeEventListener('change', tell); return; }
                  page.dispatchEvent(new CustomEvent($1, { detail: query.matches }));
                };
                // shown again (attached anew): the listener of the last time is replaced
                if (page.$narrowWindow) { page.$narrowWindow.query.removeEventListener('change', page.$narrowWindow.tell); }
                page.$narrowWindow = { query, tell };
                query.addEventListener('change', tell);
                tell();
                """, "(max-width: " + WIDEST_NARROW + "px)", EVENT));
    }
}
