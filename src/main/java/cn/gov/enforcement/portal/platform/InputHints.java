package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.HasAutocapitalize;
import com.vaadin.flow.component.textfield.HasAutocomplete;
import com.vaadin.flow.component.textfield.HasAutocorrect;

/**
 * Hints for phones' keyboards and the browser's autofill on form fields: a phone number brings up the phone keypad,
 * an e-mail address the e-mail keyboard, a count the digits; the browser offers the person's own name, phone and
 * e-mail only where they type their own details, never for the other party's.
 *
 * <p>Vaadin 24's text field does not pass an {@code inputmode} to the input element it renders, so the hint is set
 * on that input in the browser at each attach; it is also kept as an attribute of the field itself, where the server
 * (and a test) can read it.
 */
public final class InputHints {

    /** The attribute the browser reads for the virtual keyboard to show. */
    public static final String INPUT_MODE = "inputmode";

    private InputHints() {
    }

    /** The person's own phone number: the phone keypad, and the browser may fill in their number. */
    public static <F extends Component & HasAutocomplete> F ownPhone(F field) {
        field.setAutocomplete(Autocomplete.TEL);
        return keyboard(field, "tel");
    }

    /** The person's own e-mail address: the e-mail keyboard, and the browser may fill in their address. */
    public static <F extends Component & HasAutocomplete> F ownEmail(F field) {
        field.setAutocomplete(Autocomplete.EMAIL);
        return keyboard(field, "email");
    }

    /** The person's own name: the browser may fill it in. */
    public static <F extends Component & HasAutocomplete> F ownName(F field) {
        field.setAutocomplete(Autocomplete.NAME);
        return field;
    }

    /**
     * Someone else's e-mail address (the other party's, a party an officer writes to): the e-mail keyboard, and no
     * autofill, which would offer the typist's own address.
     */
    public static <F extends Component & HasAutocomplete> F otherEmail(F field) {
        field.setAutocomplete(Autocomplete.OFF);
        return keyboard(field, "email");
    }

    /** Someone else's contact details: no autofill, which would offer the typist's own. */
    public static <F extends Component & HasAutocomplete> F otherContact(F field) {
        field.setAutocomplete(Autocomplete.OFF);
        return field;
    }

    /**
     * A document number such as an identity card number or a unified social credit code: letters stay possible (an
     * identity card number may end in X, a credit code holds letters, so a digits-only keypad would lock them out),
     * typed as capitals, without autocorrection or autofill.
     */
    public static <F extends Component & HasAutocomplete & HasAutocapitalize & HasAutocorrect> F documentNumber(F field) {
        field.setAutocomplete(Autocomplete.OFF);
        field.setAutocapitalize(Autocapitalize.CHARACTERS);
        field.setAutocorrect(false);
        field.getElement().setAttribute("spellcheck", "false");
        return field;
    }

    /** A whole number, such as a count: the digits keypad. */
    public static <F extends Component> F count(F field) {
        return keyboard(field, "numeric");
    }

    /**
     * Sets the virtual keyboard {@code mode} (an HTML {@code inputmode} value) of a Vaadin text field: kept on the
     * field and set on its input element in the browser each time the field is attached.
     */
    public static <F extends Component> F keyboard(F field, String mode) {
        field.getElement().setAttribute(INPUT_MODE, mode);
        field.addAttachListener(attach -> forward(field, mode));
        if (field.isAttached()) {
            forward(field, mode);
        }
        return field;
    }

    private static void forward(Component field, String mode) {
        field.getElement().executeJs("""
                const host = this;
                const apply = () => {
                  const input = host.inputElement || host.querySelector(':scope > input, :scope > textarea');
                  if (input) { input.setAttribute('inputmode', $0); }
                  return !!input;
                };
                // the field renders its input when it is upgraded, possibly after this call
                if (!apply()) { customElements.whenDefined(host.localName).then(() => requestAnimationFrame(apply)); }
                """, mode);
    }
}
