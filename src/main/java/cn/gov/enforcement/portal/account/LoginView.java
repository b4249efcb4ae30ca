package cn.gov.enforcement.portal.account;

import cn.gov.enforcement.portal.platform.PasswordFields;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Sign-in for agency staff (officers, editors, administrators). The public never needs an account. */
@Route("login")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final com.vaadin.flow.component.html.Paragraph disabled = new com.vaadin.flow.component.html.Paragraph();

    public LoginView() {
        addClassName("login-view");
        LoginI18n i18n = LoginI18n.createDefault();
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
        disabled.setId("login-disabled");
        disabled.addClassName("notice-warning");
        disabled.setText(getTranslation("login.disabled"));
        disabled.setVisible(false);
        add(new H1(getTranslation("login.heading")), disabled, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setError(true);
        }
        // sent here because an administrator disabled the account while it was signed in
        disabled.setVisible(event.getLocation().getQueryParameters().getParameters().containsKey("disabled"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
