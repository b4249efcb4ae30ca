package cn.gov.enforcement.portal.account;

import cn.gov.enforcement.portal.platform.PasswordFields;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;

/**
 * Sign-in for agency staff (officers, editors, administrators). The public never needs an account. After a refused
 * attempt the form says why ({@link SignInRefusal}) and keeps the name typed; a session the portal ended arrives with
 * {@code ?disabled}, {@code ?passwordChanged} or {@code ?expired} and a notice saying so.
 */
@Route("login")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** The notices of a session that ended, by the address's parameter. */
    private static final Map<String, String> ENDED = Map.of("disabled", "login.disabled",
            "passwordChanged", "login.passwordChanged", "expired", "login.expired");

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();
    private final Paragraph notice = new Paragraph();

    public LoginView() {
        addClassName("login-view");
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password"));
        form.setI18n(i18n);
        PasswordFields.localize(form);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");
        notice.setId("login-disabled");
        notice.addClassName("notice-warning");
        notice.setVisible(false);
        add(new H1(getTranslation("login.heading")), notice, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            SignInRefusal refusal = takeRefusal();
            i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
            if (refusal != null && (refusal.kind() == SignInRefusal.Kind.LOCKED
                    || refusal.kind() == SignInRefusal.Kind.ADDRESS_LOCKED)) {
                i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
                // an administrator can lift a name's lock, not an address's
                i18n.getErrorMessage().setMessage(getTranslation(refusal.kind() == SignInRefusal.Kind.LOCKED
                        ? "login.locked.message" : "login.locked.address", refusal.minutes()));
            } else if (refusal != null && refusal.kind() == SignInRefusal.Kind.DISABLED) {
                i18n.getErrorMessage().setTitle(getTranslation("login.disabledAccount.title"));
                i18n.getErrorMessage().setMessage(getTranslation("login.disabledAccount.message"));
            }
            form.setI18n(i18n);
            form.setError(true);
            if (refusal != null && !refusal.username().isEmpty()) {
                keepUsername(refusal.username());
            }
        } else {
            form.setError(false);
        }
        // sent here because the portal ended the session (account disabled, password changed, idle too long)
        notice.setVisible(false);
        ENDED.forEach((parameter, key) -> {
            if (parameters.containsKey(parameter)) {
                notice.setText(getTranslation(key));
                notice.setVisible(true);
            }
        });
    }

    /** The refusal the sign-in noted in this session, once. */
    private static SignInRefusal takeRefusal() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        WrappedSession session = vaadin == null ? null : vaadin.getSession();
        if (session == null) {
            return null;
        }
        Object refusal = session.getAttribute(SignInRefusal.ATTRIBUTE);
        session.removeAttribute(SignInRefusal.ATTRIBUTE);
        return refusal instanceof SignInRefusal r ? r : null;
    }

    /** Fills the user name field with the name typed before and puts the cursor into the password field. */
    private void keepUsername(String username) {
        form.getElement().executeJs("""
                const root = this;
                const name = $0;
                const apply = () => {
                  const user = root.querySelector('vaadin-text-field[name="username"]')
                      || (root.$ && root.$.vaadinLoginUsername);
                  const password = root.querySelector('vaadin-password-field[name="password"]')
                      || (root.$ && root.$.vaadinLoginPassword);
                  if (!user) { return false; }
                  user.value = name;
                  // after the form's own focus on the user name, which waits for a frame
                  requestAnimationFrame(() => requestAnimationFrame(() => password && password.focus()));
                  return true;
                };
                if (!apply()) { customElements.whenDefined(root.localName).then(() => requestAnimationFrame(apply)); }
                """, username);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
