package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.SerializableRunnable;

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

    /**
     * Lays {@code grid} of {@code page} out for the window: the columns {@code wideColumns} adds (at once, and again
     * whenever the window widens), or on a narrow window a single column, keyed {@code key} and headed
     * {@code header}, in which {@code card} shows each row as a block of its facts (with the row's buttons and links,
     * if any). Cells wrap in either layout.
     */
    public static <T> void cards(Component page, Grid<T> grid, SerializableRunnable wideColumns, String key,
            String header, SerializableFunction<T, ? extends Component> card) {
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        wideColumns.run();
        follow(page, narrow -> {
            grid.removeAllColumns();
            if (narrow) {
                grid.addComponentColumn(card::apply).setKey(key).setHeader(header).setFlexGrow(1);
            } else {
                wideColumns.run();
            }
            grid.recalculateColumnWidths();
        });
    }

    /**
     * A card of {@link #cards} for rows of plain facts: {@code heading} in bold on its first line, then each label
     * with its value after {@code colon} (the page's language's, such as {@code ：}), one a line; a blank value is left
     * out. {@code labelsAndValues} alternates labels and values.
     */
    public static Div factCard(String heading, String colon, String... labelsAndValues) {
        Span head = new Span(heading);
        head.addClassName("fact-card-heading");
        Div card = new Div(new Div(head));
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            String value = labelsAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                card.add(new Div(labelsAndValues[i] + colon + value));
            }
        }
        card.addClassName("fact-card");
        return card;
    }
}
