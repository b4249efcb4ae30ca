package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import java.util.Optional;

/**
 * Every select of the portal is made here, so that its open list of choices has a name.
 *
 * <p>Flow's {@link Select} makes the list box of its choices ({@code <vaadin-select-list-box>}, {@code role="listbox"})
 * itself and offers no method to name it; a screen reader that enters the open list announced an unnamed list, and axe
 * reports {@code aria-input-field-name}. The list box is a child of the select's own element, so it gets the select's
 * name as its {@code aria-label}: its accessible name where it has one ({@code setAriaLabel}, the header's language
 * switch), otherwise its label. The name follows later changes of either (a label set after the select is made, a
 * view rebuilt in another language).
 */
public final class Selects {

    static final String LIST_BOX_TAG = "vaadin-select-list-box";

    private Selects() {
    }

    /** A new select whose list box is named after the select's accessible name or label. */
    public static <T> Select<T> create() {
        Select<T> select = new Select<>();
        Element element = select.getElement();
        element.addPropertyChangeListener("label", e -> nameListBox(element));
        element.addPropertyChangeListener("accessibleName", e -> nameListBox(element));
        return select;
    }

    /** The list box of a select's choices, as Flow made it. */
    static Optional<Element> listBox(Element select) {
        return select.getChildren().filter(child -> LIST_BOX_TAG.equals(child.getTag())).findFirst();
    }

    private static void nameListBox(Element select) {
        String accessibleName = select.getProperty("accessibleName");
        String name = accessibleName == null || accessibleName.isBlank() ? select.getProperty("label") : accessibleName;
        listBox(select).ifPresent(box -> {
            if (name == null || name.isBlank()) {
                box.removeAttribute("aria-label");
            } else {
                box.setAttribute("aria-label", name);
            }
        });
    }
}
