package cn.gov.enforcement.portal.testsupport;

import com.vaadin.flow.component.Component;
import java.util.stream.Stream;

/** Walking a component tree in view tests, including what Karibu's locators skip (invisible components). */
public final class Components {

    private Components() {
    }

    /** {@code root} and every component under it, visible or not. */
    public static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(Components::descendants));
    }
}
