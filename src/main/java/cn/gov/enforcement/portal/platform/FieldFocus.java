package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;

/**
 * Takes the reader to a refused field of a form: the keyboard's focus on the field's own input (the first radio
 * button of a group, the text of a field or an area; the field itself where it has none, a drop-down) and the field
 * scrolled to the middle of the window.
 */
public final class FieldFocus {

    private FieldFocus() {
    }

    public static void reveal(Component field) {
        field.getElement().executeJs("const input = this.querySelector('input, textarea');"
                + " (input || this).focus(); this.scrollIntoView({block: 'center'});");
    }
}
