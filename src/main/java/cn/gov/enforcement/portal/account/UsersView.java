package cn.gov.enforcement.portal.account;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administrators create staff accounts bound to an agency, correct a name or notification e-mail, reset passwords
 * and disable accounts.
 */
@Route("admin/users")
@Menu(order = 91, title = "menu.admin.users")
@RolesAllowed("ADMIN")
public class UsersView extends Div implements HasDynamicTitle {

    private final AccountService accounts;
    private final Grid<UserSummary> grid = new Grid<>(UserSummary.class, false);
    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final Select<Role> role = Selects.create();
    private final ComboBox<AgencyChoice> agency = new ComboBox<>();
    private final EmailField email = new EmailField();
    private final TextField find = new TextField();
    private final ComboBox<AgencyChoice> agencyFilter = new ComboBox<>();
    private final Paragraph shown = new Paragraph();
    private final com.vaadin.flow.component.checkbox.Checkbox idleOnly = new com.vaadin.flow.component.checkbox.Checkbox();
    private final transient java.time.Clock clock;

    /** Enabled accounts not signed in for this many days (or never) are what the idle filter shows. */
    static final int IDLE_DAYS = 90;

    /** Sign-in times in the portal's time zone (portal.zone, carried by the clock). */
    private final java.time.format.DateTimeFormatter signInTime;
    private final Div secret = new Div();
    /** Accounts whose sign-in failed attempts have locked, with the end of the lock; read once per refresh. */
    private java.util.Map<Long, java.time.OffsetDateTime> locks = java.util.Map.of();

    /** Agency names by id, in the page's language. */
    private final Map<String, String> agencyNames;

    /** Agency choice shown in the form. */
    record AgencyChoice(String id, String name) {}

    public UsersView(AccountService accounts, java.time.Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        this.signInTime = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        addClassName("users-view");
        add(new H1(getTranslation("account.users.title")));
        com.vaadin.flow.component.html.Anchor logLink = new com.vaadin.flow.component.html.Anchor("admin/account-log",
                getTranslation("account.log.open"));
        logLink.setId("account-log-link");
        add(new Paragraph(logLink));

        List<AgencyChoice> agencyChoices = accounts.agencies().stream()
                .map(a -> new AgencyChoice(a.id(), a.displayName(getLocale()))).toList();
        this.agencyNames = agencyChoices.stream()
                .collect(Collectors.toMap(AgencyChoice::id, AgencyChoice::name, (a, b) -> a));

        wideColumns();
        // on a phone or a tablet one column instead, each account a card with its buttons: the seven columns and the
        // buttons scrolled sideways inside the grid, out of sight
        cn.gov.enforcement.portal.platform.NarrowWindow.follow(this, this::layOut);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("users-grid");

        username.setLabel(getTranslation("account.field.username"));
        username.setHelperText(getTranslation("account.help.username"));
        username.setMaxLength(64);
        displayName.setLabel(getTranslation("account.field.displayName"));
        displayName.setMaxLength(100);
        role.setLabel(getTranslation("account.field.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("account.role." + r));
        role.addValueChangeListener(e -> agency.setEnabled(e.getValue() == null || e.getValue().boundToAgency()));
        agency.setLabel(getTranslation("account.field.agency"));
        agency.setItems(agencyChoices);
        agency.setItemLabelGenerator(AgencyChoice::name);
        email.setLabel(getTranslation("account.field.email"));
        email.setHelperText(getTranslation("account.help.email"));
        email.setMaxLength(254);
        email.setId("new-user-email");
        Button create = new Button(getTranslation("account.create"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-user");
        FormLayout form = new FormLayout(username, displayName, role, agency, email);
        Div panel = new Div(new Paragraph(getTranslation("account.create.intro")), form, create, secret);
        panel.addClassName("panel");
        find.setId("users-find");
        find.setLabel(getTranslation("account.users.find"));
        find.setPlaceholder(getTranslation("account.users.find.placeholder"));
        find.setClearButtonVisible(true);
        find.setMaxLength(100);
        find.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        find.addValueChangeListener(e -> refresh());
        agencyFilter.setId("users-agency-filter");
        agencyFilter.setLabel(getTranslation("account.field.agency"));
        agencyFilter.setPlaceholder(getTranslation("account.users.allAgencies"));
        agencyFilter.setClearButtonVisible(true);
        agencyFilter.setItems(agencyChoices);
        agencyFilter.setItemLabelGenerator(AgencyChoice::name);
        agencyFilter.addValueChangeListener(e -> refresh());
        idleOnly.setId("users-idle");
        idleOnly.setLabel(getTranslation("account.users.idleOnly", IDLE_DAYS));
        idleOnly.addValueChangeListener(e -> refresh());
        com.vaadin.flow.component.orderedlayout.HorizontalLayout filters =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(find, agencyFilter, idleOnly);
        filters.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        shown.setId("users-shown");
        add(panel, filters, shown, grid);
        refresh();
    }

    /** The grid's columns for a narrow window (one card per account) or a wide one (a column per fact). */
    void layOut(boolean narrow) {
        grid.removeAllColumns();
        if (narrow) {
            grid.addComponentColumn(this::card).setKey("account").setHeader(getTranslation("account.users.column.account"))
                    .setFlexGrow(1);
        } else {
            wideColumns();
        }
        grid.recalculateColumnWidths();
    }

    /**
     * The columns of a wide window. Their widths are minimums that fit a window of 901 px (the narrowest the
     * navigation leaves unfolded) in every language; wider windows share the rest out by
     * flex-grow, and cells wrap (the last sign-in's date above its time when space is short).
     */
    private void wideColumns() {
        grid.addColumn(UserSummary::username).setHeader(getTranslation("account.field.username")).setWidth("6rem")
                .setFlexGrow(1);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("account.field.displayName")).setWidth("6rem")
                .setFlexGrow(1);
        grid.addColumn(u -> getTranslation("account.role." + u.role())).setHeader(getTranslation("account.field.role"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> u.agencyId() == null ? "—" : agencyNames.getOrDefault(u.agencyId(), u.agencyId()))
                .setHeader(getTranslation("account.field.agency")).setWidth("7rem").setFlexGrow(2);
        grid.addColumn(this::lastSignIn).setKey("lastSignIn")
                .setHeader(getTranslation("account.users.lastSignIn")).setWidth("6.5rem").setFlexGrow(1);
        grid.addColumn(this::status).setKey("status")
                .setHeader(getTranslation("account.field.status")).setWidth("6rem").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("account.field.actions"))
                .setWidth("10rem").setFlexGrow(0);
    }

    /**
     * An account on a phone: name and user name, role and agency, last sign-in and status, then the row's buttons
     * (the same as the wide grid's actions column).
     */
    private Div card(UserSummary user) {
        Span name = new Span(user.displayName());
        name.addClassName("user-card-name");
        Div who = new Div(name, new Span(user.username()));
        who.addClassName("user-card-who");
        String role = getTranslation("account.role." + user.role());
        Div what = new Div(user.agencyId() == null ? role
                : role + " · " + agencyNames.getOrDefault(user.agencyId(), user.agencyId()));
        Div state = new Div(getTranslation("account.users.lastSignInAt", lastSignIn(user)) + " · " + status(user));
        state.addClassName("muted");
        Div card = new Div(who, what, state, actions(user));
        card.addClassName("user-card");
        return card;
    }

    private String lastSignIn(UserSummary user) {
        return user.lastSignInAt() == null ? getTranslation("account.users.neverSignedIn")
                : signInTime.format(user.lastSignInAt());
    }

    private Div actions(UserSummary user) {
        Button edit = new Button(getTranslation("account.edit"), e -> edit(user));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.addClassName("edit-user");
        // a reset replaces a colleague's password and a disabling ends their sessions: both are confirmed first
        Button reset = new Button(getTranslation("account.resetPassword"), e -> confirm("reset-password-confirm",
                "account.resetConfirm.title", getTranslation("account.resetConfirm.text", user.displayName(),
                        user.username()), "account.resetPassword", () -> {
                    String password = accounts.resetPassword(user.id());
                    showSecret(user.username(), password);
                }));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reset.addClassName("reset-password");
        Button toggle = new Button(getTranslation(user.enabled() ? "account.disable" : "account.enable"), e -> {
            if (user.enabled()) {
                confirm("disable-user-confirm", "account.disableConfirm.title", getTranslation(
                        "account.disableConfirm.text", user.displayName(), user.username()), "account.disable",
                        () -> setEnabled(user, false));
            } else {
                setEnabled(user, true);
            }
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.addClassName(user.enabled() ? "disable-user" : "enable-user");
        com.vaadin.flow.component.html.Anchor log = new com.vaadin.flow.component.html.Anchor("admin/account-log?user="
                + java.net.URLEncoder.encode(user.username(), java.nio.charset.StandardCharsets.UTF_8),
                getTranslation("account.log.row"));
        log.addClassName("user-log-link");
        Div actions = new Div(edit, reset, toggle);
        if (locks.containsKey(user.id())) {
            Button unlock = new Button(getTranslation("account.users.unlock"), e -> {
                accounts.releaseSignInLock(user.id());
                Notification.show(getTranslation("account.users.unlocked", user.username()));
                refresh();
            });
            unlock.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            unlock.addClassName("unlock-user");
            actions.add(unlock);
        }
        actions.add(log);
        actions.addClassName("user-actions");
        return actions;
    }

    /** A dialog that names the account and says what the step does; only its confirm button takes the step. */
    private void confirm(String id, String titleKey, String text, String confirmKey, Runnable step) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(getTranslation(titleKey));
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("account.confirm.cancel"));
        dialog.setConfirmText(getTranslation(confirmKey));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> step.run());
        dialog.open();
    }

    /** Disables or enables the account and says so, naming it; a refusal (one's own account) is said instead. */
    private void setEnabled(UserSummary user, boolean enabled) {
        try {
            accounts.setEnabled(user.id(), enabled);
        } catch (ValidationFailure failure) {
            Notification.show(getTranslation(failure.problems().get(0).messageKey()), 8000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        refresh();
        Notification.show(getTranslation(enabled ? "account.enabledDone" : "account.disabledDone", user.displayName(),
                user.username()), 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Enabled or disabled, and until when failed attempts lock the sign-in, if they do. */
    private String status(UserSummary user) {
        String status = getTranslation(user.enabled() ? "account.enabled" : "account.disabled");
        java.time.OffsetDateTime lockedUntil = locks.get(user.id());
        return lockedUntil == null ? status : status + " · " + getTranslation("account.users.locked",
                signInTime.format(lockedUntil));
    }

    private void create() {
        for (var field : new com.vaadin.flow.component.HasValidation[] {username, displayName, role, agency, email}) {
            field.setInvalid(false);
        }
        try {
            var created = accounts.create(new AccountService.NewUser(username.getValue(), displayName.getValue(),
                    role.getValue(), agency.getValue() == null ? null : agency.getValue().id(), email.getValue()));
            showSecret(created.user().username(), created.initialPassword());
            username.clear();
            displayName.clear();
            role.clear();
            agency.clear();
            email.clear();
            refresh();
        } catch (ValidationFailure failure) {
            for (var problem : failure.problems()) {
                String message = getTranslation(problem.messageKey(), problem.args());
                switch (problem.field()) {
                    case "username" -> { username.setErrorMessage(message); username.setInvalid(true); }
                    case "displayName" -> { displayName.setErrorMessage(message); displayName.setInvalid(true); }
                    case "role" -> { role.setErrorMessage(message); role.setInvalid(true); }
                    case "email" -> { email.setErrorMessage(message); email.setInvalid(true); }
                    default -> { agency.setErrorMessage(message); agency.setInvalid(true); }
                }
            }
        }
    }

    /** A dialog to correct the name and notification e-mail; on a problem it stays open with the typing kept. */
    private void edit(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setId("edit-user-dialog");
        dialog.setHeaderTitle(getTranslation("account.edit.title", user.username()));
        TextField name = new TextField(getTranslation("account.field.displayName"));
        name.setMaxLength(100);
        name.setValue(user.displayName());
        name.setId("edit-user-name");
        EmailField address = new EmailField(getTranslation("account.field.email"));
        address.setMaxLength(254);
        address.setHelperText(getTranslation("account.help.email"));
        address.setValue(user.email() == null ? "" : user.email());
        address.setId("edit-user-email");
        Button save = new Button(getTranslation("account.edit.save"), e -> {
            name.setInvalid(false);
            address.setInvalid(false);
            try {
                accounts.update(user.id(), name.getValue(), address.getValue());
                dialog.close();
                Notification.show(getTranslation("account.edit.saved", user.username()));
                refresh();
            } catch (ValidationFailure failure) {
                for (var problem : failure.problems()) {
                    String message = getTranslation(problem.messageKey(), problem.args());
                    if ("email".equals(problem.field())) {
                        address.setErrorMessage(message);
                        address.setInvalid(true);
                    } else {
                        name.setErrorMessage(message);
                        name.setInvalid(true);
                    }
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("edit-user-save");
        dialog.add(new FormLayout(name, address));
        dialog.getFooter().add(new Button(getTranslation("account.close"), e -> dialog.close()), save);
        dialog.open();
    }

    /** An enabled account not signed in since {@code before}, or never since it was created before then. */
    private static boolean idle(UserSummary user, java.time.Instant before) {
        java.time.OffsetDateTime last = user.lastSignInAt() != null ? user.lastSignInAt() : user.createdAt();
        return user.enabled() && last.toInstant().isBefore(before);
    }

    private void showSecret(String user, String password) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("account.secret.title"));
        Span value = new Span(password);
        value.addClassName("masked");
        value.setId("one-time-password");
        dialog.add(new Paragraph(getTranslation("account.secret.text", user)), value);
        dialog.getFooter().add(new Button(getTranslation("account.close"), e -> dialog.close()));
        dialog.open();
    }

    /** The accounts matching the filters: user name or name containing the text (either case), and the agency. */
    private void refresh() {
        String text = find.getValue() == null ? "" : find.getValue().strip().toLowerCase(java.util.Locale.ROOT);
        String agencyId = agencyFilter.getValue() == null ? null : agencyFilter.getValue().id();
        java.util.List<UserSummary> all = accounts.list();
        locks = accounts.signInLocks();
        java.time.Instant idleBefore = clock.instant().minus(java.time.Duration.ofDays(IDLE_DAYS));
        java.util.List<UserSummary> matching = all.stream()
                .filter(u -> text.isEmpty() || u.username().toLowerCase(java.util.Locale.ROOT).contains(text)
                        || u.displayName().toLowerCase(java.util.Locale.ROOT).contains(text))
                .filter(u -> agencyId == null || agencyId.equals(u.agencyId()))
                .filter(u -> !idleOnly.getValue() || idle(u, idleBefore))
                .toList();
        shown.setText(getTranslation("account.users.shown", matching.size(), all.size()));
        grid.setItems(matching);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.users.title");
    }
}
