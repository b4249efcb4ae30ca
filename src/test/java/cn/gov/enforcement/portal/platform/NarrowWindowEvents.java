package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;

/** For view tests: what the browser tells a page following {@link NarrowWindow} when the window crosses 900 px. */
public final class NarrowWindowEvents {

    private NarrowWindowEvents() {}

    /** Fires the browser's answer on {@code page}: the window is now narrow (true) or wide (false). */
    public static void tell(Component page, boolean narrow) {
        elemental.json.JsonObject data = elemental.json.Json.createObject();
        data.put("event.detail", narrow);
        com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent(page, NarrowWindow.EVENT, data);
    }

    /** The keys of the grid's columns, in order. */
    public static List<String> columnKeys(Grid<?> grid) {
        return grid.getColumns().stream().map(Grid.Column::getKey).toList();
    }
}
