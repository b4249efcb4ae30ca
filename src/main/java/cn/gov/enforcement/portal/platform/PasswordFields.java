package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;

/**
 * Password fields in the reader's language: the button that shows the typed password is named by the
 * {@code platform.password.reveal} text (显示密码), not by Vaadin's own English Show password, which a screen reader
 * reads out on Chinese pages.
 */
public final class PasswordFields {

    private PasswordFields() {
    }

    /**
     * Names the show-password button of every password field in {@code owner}: the component itself when it is a
     * password field, otherwise those inside it (the sign-in form's, which the browser renders itself).
     */
    public static <C extends Component> C localize(C owner) {
        return localize(owner, "platform.password.reveal");
    }

    /**
     * An access code field (a case's or a guidance letter's): its show button is named by {@code platform.accessCode.reveal}
     * (显示查询码), as what it shows is an access code, not a password.
     */
    public static <C extends Component> C localizeAccessCode(C field) {
        return localize(field, "platform.accessCode.reveal");
    }

    private static <C extends Component> C localize(C owner, String revealKey) {
        owner.getElement().executeJs("""
                const root = this;
                const text = $0;
                const apply = () => {
                  const fields = root.localName === 'vaadin-password-field' ? [root]
                      : [...root.querySelectorAll('vaadin-password-field')];
                  fields.forEach(f => { f.i18n = Object.assign({}, f.i18n, { reveal: text }); });
                  return fields.length;
                };
                // the sign-in form renders its fields once it is upgraded, possibly after this call
                if (!apply()) { customElements.whenDefined(root.localName).then(() => requestAnimationFrame(apply)); }
                """, owner.getTranslation(revealKey));
        return owner;
    }
}
