package cn.gov.enforcement.portal.account;

import cn.gov.enforcement.portal.platform.PasswordFields;

import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Any signed-in staff member's own page (我的账号): change the password, give a notification e-mail. */
@Route("account/password")
@PermitAll
public class PasswordView extends Div implements HasDynamicTitle {

    private final PasswordField current = new PasswordField();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Paragraph result = new Paragraph();

    public PasswordView(AccountService accounts) {
        add(new H1(getTranslation("account.own.title")));
        Paragraph required = new Paragraph(getTranslation("account.password.required"));
        required.setId("password-required");
        required.addClassName("notice-warning");
        required.setVisible(accounts.mustChangeOwnPassword());
        add(required);
        current.setLabel(getTranslation("account.password.current"));
        password.setLabel(getTranslation("account.password.new"));
        repeat.setLabel(getTranslation("account.password.repeat"));
        PasswordFields.localize(current);
        PasswordFields.localize(password);
        PasswordFields.localize(repeat);
        result.setId("password-result");
        current.setId("password-current");
        password.setId("password-new");
        repeat.setId("password-repeat");
        Button save = new Button(getTranslation("account.password.save"), e -> {
            current.setInvalid(false);
            password.setInvalid(false);
            repeat.setInvalid(false);
            try {
                accounts.changeOwnPassword(current.getValue(), password.getValue(), repeat.getValue());
                required.setVisible(false);
                current.clear();
                password.clear();
                repeat.clear();
                result.setText(getTranslation("account.password.changed"));
                result.setClassName("result-ok");
            } catch (ValidationFailure failure) {
                result.setText("");
                result.setClassName("");
                for (var p : failure.problems()) {
                    PasswordField field = switch (p.field()) {
                        case "current" -> current;
                        case "repeat" -> repeat;
                        default -> password;
                    };
                    field.setErrorMessage(getTranslation(p.messageKey(), p.args()));
                    field.setInvalid(true);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("password-save");
        Div panel = new Div(new com.vaadin.flow.component.html.H2(getTranslation("account.password.title")),
                new FormLayout(current, password, repeat), save, result);
        panel.addClassName("panel");
        add(panel);
        add(emailPanel(accounts));
    }

    /** The staff member's own address for notices about their work, e.g. a mediation case assigned to them. */
    private Div emailPanel(AccountService accounts) {
        com.vaadin.flow.component.textfield.EmailField email = new com.vaadin.flow.component.textfield.EmailField(
                getTranslation("account.email.label"));
        email.setId("account-email");
        email.setMaxLength(254);
        email.setWidthFull();
        email.setHelperText(getTranslation("account.email.help"));
        accounts.ownEmail().ifPresent(email::setValue);
        Paragraph saved = new Paragraph();
        saved.setId("account-email-result");
        Button store = new Button(getTranslation("account.email.save"), e -> {
            email.setInvalid(false);
            try {
                accounts.changeOwnEmail(email.getValue());
                saved.setText(getTranslation(email.getValue().isBlank() ? "account.email.removed" : "account.email.saved"));
                saved.setClassName("result-ok");
            } catch (ValidationFailure failure) {
                saved.setText("");
                saved.setClassName("");
                email.setErrorMessage(getTranslation(failure.problems().get(0).messageKey()));
                email.setInvalid(true);
            }
        });
        store.setId("account-email-save");
        Div panel = new Div(new com.vaadin.flow.component.html.H2(getTranslation("account.email.title")), email, store, saved);
        panel.addClassName("panel");
        return panel;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.own.title");
    }
}
