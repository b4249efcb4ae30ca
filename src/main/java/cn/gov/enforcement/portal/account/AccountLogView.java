package cn.gov.enforcement.portal.account;

import cn.gov.enforcement.portal.platform.Selects;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The account log for administrators (opened from the user management page): account changes and sign-in attempts,
 * newest first, by account and by kind. {@code ?user=<name>} opens it for one account.
 */
@Route("admin/account-log")
@RolesAllowed("ADMIN")
public class AccountLogView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    /** Times in the portal's time zone (portal.zone, carried by the clock). */
    private final DateTimeFormatter time;
    private final transient AccountLog log;
    private final Map<String, String> agencyNames;
    private final TextField user = new TextField();
    private final Select<AccountAction> action = Selects.create();
    private final Paragraph summary = new Paragraph();
    private final Grid<AccountLogEntry> grid = new Grid<>(AccountLogEntry.class, false);

    public AccountLogView(AccountLog log, AccountService accounts, Clock clock) {
        this.log = log;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone());
        this.agencyNames = accounts.agencies().stream()
                .collect(Collectors.toMap(AgencyCatalog.AgencyRef::id, a -> a.displayName(getLocale()), (a, b) -> a));
        addClassName("account-log-view");
        add(new Anchor("admin/users", getTranslation("account.log.back")));
        add(new H1(getTranslation("account.log.title")));
        add(new Paragraph(getTranslation("account.log.intro", log.retentionDays())));

        user.setId("account-log-user");
        user.setLabel(getTranslation("account.field.username"));
        user.setMaxLength(64);
        user.setClearButtonVisible(true);
        user.addKeyPressListener(Key.ENTER, e -> refresh());
        // the field's clear button empties it without an Enter: every account's entries are shown again
        user.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue().isEmpty()) {
                refresh();
            }
        });
        action.setId("account-log-action");
        action.setLabel(getTranslation("account.log.action"));
        action.setItems(Arrays.asList(AccountAction.values()));
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("account.log.action.all"));
        action.setItemLabelGenerator(a -> a == null ? getTranslation("account.log.action.all") : getTranslation(a.messageKey()));
        action.addValueChangeListener(e -> refresh());
        Button show = new Button(getTranslation("account.log.show"), e -> refresh());
        show.setId("account-log-show");
        HorizontalLayout filters = new HorizontalLayout(user, action, show);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("account-log");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        wideColumns();
        // on a phone or a tablet one column instead, each entry a short block: the six columns scrolled sideways
        // inside the grid, the account and the event out of sight
        cn.gov.enforcement.portal.platform.NarrowWindow.follow(this, this::layOut);
        grid.setAllRowsVisible(true);
        summary.setId("account-log-summary");
        add(filters, summary, grid);
    }

    /** The grid's columns for a narrow window (one block per entry) or a wide one (a column per fact). */
    void layOut(boolean narrow) {
        grid.removeAllColumns();
        if (narrow) {
            grid.addColumn(LitRenderer.<AccountLogEntry>of("""
                    <div class="account-log-entry">
                      <div><strong>${item.action}</strong> · ${item.username}</div>
                      <div class="muted">${item.when}</div>
                      <div>${item.detail}</div>
                    </div>""")
                    .withProperty("action", e -> getTranslation(e.action().messageKey()))
                    .withProperty("username", AccountLogEntry::username)
                    .withProperty("when", this::when)
                    .withProperty("detail", this::detail))
                    .setKey("entry").setHeader(getTranslation("account.log.column.entry")).setFlexGrow(1);
        } else {
            wideColumns();
        }
        grid.recalculateColumnWidths();
    }

    /** When, by whom (for changes someone made) and from which address, for an entry on a narrow window. */
    private String when(AccountLogEntry e) {
        List<String> parts = new java.util.ArrayList<>(List.of(time.format(e.at())));
        if (e.actor() != null) {
            parts.add(getTranslation("account.log.actorIs", e.actor()));
        }
        if (e.clientAddress() != null) {
            parts.add(getTranslation("account.log.addressIs", e.clientAddress()));
        }
        return String.join(" · ", parts);
    }

    private void wideColumns() {
        grid.addColumn(e -> time.format(e.at())).setKey("at").setHeader(getTranslation("account.log.column.at"))
                .setAutoWidth(true).setFlexGrow(0);
        // the event wraps (up to about 45 characters in English): as wide as its longest label, the column pushed the
        // grid past a 1280 px window, to be scrolled sideways for the details
        grid.addColumn(e -> getTranslation(e.action().messageKey())).setKey("action")
                .setHeader(getTranslation("account.log.action")).setWidth("9em").setFlexGrow(1);
        grid.addColumn(AccountLogEntry::username).setKey("username").setHeader(getTranslation("account.field.username"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.actor() == null ? "—" : e.actor()).setKey("actor")
                .setHeader(getTranslation("account.log.column.actor")).setAutoWidth(true);
        grid.addColumn(e -> e.clientAddress() == null ? "—" : e.clientAddress()).setKey("address")
                .setHeader(getTranslation("account.log.column.address")).setAutoWidth(true);
        grid.addColumn(this::detail).setKey("detail").setHeader(getTranslation("account.log.column.detail"))
                .setWidth("9em").setFlexGrow(2);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("user").map(String::strip)
                .filter(v -> !v.isEmpty() && v.length() <= 64).ifPresent(user::setValue);
        refresh();
    }

    private void refresh() {
        List<AccountLogEntry> entries = log.entries(user.getValue(), action.getValue());
        summary.setText(entries.isEmpty() ? getTranslation("account.log.none")
                : entries.size() >= AccountLog.PAGE ? getTranslation("account.log.newest", AccountLog.PAGE)
                : getTranslation("account.log.count", entries.size()));
        grid.setItems(entries);
    }

    /** What the entry's detail codes mean, in the reader's language. */
    private String detail(AccountLogEntry e) {
        String d = e.detail();
        if (d == null || d.isBlank()) {
            return "";
        }
        return switch (e.action()) {
            case CREATED -> {
                String[] parts = d.split(" ", 2);
                String role = getTranslation("account.role." + parts[0]);
                yield parts.length == 1 ? role : role + " · " + agencyNames.getOrDefault(parts[1], parts[1]);
            }
            case EDITED -> Arrays.stream(d.split(" ")).map(f -> getTranslation("account.field." + f))
                    .collect(Collectors.joining(getTranslation("account.log.separator")));
            case SIGN_IN_FAILED, EMAIL_CHANGED, INITIAL_ADMIN_CREATED, SESSION_ENDED -> getTranslation("account.log.detail." + d);
            default -> d;
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.log.title");
    }
}
