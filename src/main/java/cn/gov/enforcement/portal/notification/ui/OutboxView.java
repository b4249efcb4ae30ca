package cn.gov.enforcement.portal.notification.ui;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.notification.DeliveryTrouble;
import cn.gov.enforcement.portal.notification.MailStatus;
import cn.gov.enforcement.portal.notification.OutboxAdministration;
import cn.gov.enforcement.portal.notification.OutboxMessage;
import cn.gov.enforcement.portal.notification.internal.SmtpFailures;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/**
 * Administrators' view of the mail outbox: every message with its status, paged lazily from the
 * database, filterable by status, with a detail dialog and "send again" for failed messages. The banner says whether
 * mails are sent, held or failing; errors are explained in the reader's language, the raw text in the dialog.
 */
@Route("admin/outbox")
@Menu(order = 90, title = "menu.admin.outbox")
@RolesAllowed("ADMIN")
public class OutboxView extends VerticalLayout implements HasDynamicTitle {

    private final transient OutboxAdministration outbox;
    private final Grid<OutboxMessage> grid = new Grid<>();
    private final Select<MailStatus> filter = Selects.create();
    private final Paragraph summary = new Paragraph();
    private final Paragraph mode = new Paragraph();
    private final DateTimeFormatter timeFormat;

    public OutboxView(OutboxAdministration outbox, java.time.Clock clock) {
        this.outbox = outbox;
        this.timeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(clock.getZone());
        addClassName("outbox-view");
        setSizeFull();

        mode.setId("outbox-mode");
        summary.setId("outbox-summary");

        filter.setId("outbox-status-filter");
        filter.setLabel(getTranslation("notification.outbox.filter"));
        filter.setItems(MailStatus.values());
        filter.setEmptySelectionAllowed(true);
        filter.setEmptySelectionCaption(getTranslation("notification.outbox.filter.all"));
        filter.setItemLabelGenerator(s -> s == null ? getTranslation("notification.outbox.filter.all") : statusLabel(s));
        filter.addValueChangeListener(e -> refresh());

        configureGrid();
        add(new H1(getTranslation("notification.outbox.title")), mode, summary, filter, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("outbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // on a phone or a tablet one column instead, each message a card with its details button: the eight columns
        // scrolled sideways inside the grid, subject, status and button out of sight
        cn.gov.enforcement.portal.platform.NarrowWindow.cards(this, grid, this::wideColumns, "message",
                getTranslation("notification.outbox.column.message"), this::card);
        // double click, so that the details button in a row does not open the dialog twice
        grid.addItemDoubleClickListener(e -> openDetails(e.getItem().id()));
        grid.setItems(query -> outbox.list(filter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, outbox.count(filter.getValue())));
    }

    /** The columns of a wide window: a column per fact. */
    private void wideColumns() {
        grid.addColumn(m -> format(m.createdAt())).setKey("created")
                .setHeader(getTranslation("notification.outbox.column.created")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboxMessage::to).setKey("to").setHeader(getTranslation("notification.outbox.column.to"))
                .setAutoWidth(true);
        grid.addColumn(OutboxMessage::subject).setKey("subject")
                .setHeader(getTranslation("notification.outbox.column.subject")).setFlexGrow(2);
        grid.addColumn(m -> statusLabel(m.status())).setKey("status")
                .setHeader(getTranslation("notification.outbox.column.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboxMessage::attempts).setKey("attempts")
                .setHeader(getTranslation("notification.outbox.column.attempts"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> explain(m.lastError())).setKey("lastError")
                .setHeader(getTranslation("notification.outbox.column.lastError")).setFlexGrow(2);
        grid.addColumn(m -> format(m.sentAt())).setKey("sentAt")
                .setHeader(getTranslation("notification.outbox.column.sentAt")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::detailsButton).setKey("details").setAutoWidth(true).setFlexGrow(0);
    }

    /**
     * A message on a narrow window: its subject, recipient, status with the attempts, when it was created (and sent),
     * the last error if any, and its details button.
     */
    private Div card(OutboxMessage m) {
        Span subject = new Span(m.subject());
        subject.addClassName("outbox-card-subject");
        String state = statusLabel(m.status()) + " · " + getTranslation("notification.outbox.column.attempts")
                + getTranslation("notification.outbox.colon") + m.attempts();
        String times = getTranslation("notification.outbox.column.created") + getTranslation("notification.outbox.colon")
                + format(m.createdAt()) + (m.sentAt() == null ? "" : " · " + getTranslation("notification.outbox.column.sentAt")
                + getTranslation("notification.outbox.colon") + format(m.sentAt()));
        Div when = new Div(times);
        when.addClassName("muted");
        Div card = new Div(new Div(subject), new Div(m.to()), new Div(state), when);
        if (m.lastError() != null && !m.lastError().isEmpty()) {
            card.add(new Div(getTranslation("notification.outbox.column.lastError")
                    + getTranslation("notification.outbox.colon") + explain(m.lastError())));
        }
        card.add(detailsButton(m));
        card.addClassName("outbox-card");
        return card;
    }

    private Button detailsButton(OutboxMessage m) {
        Button details = new Button(getTranslation("notification.outbox.details"), e -> openDetails(m.id()));
        details.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        details.setAriaLabel(getTranslation("notification.outbox.details") + " " + m.subject());
        details.addClassName("outbox-details-button");
        return details;
    }

    private void refresh() {
        showMode();
        Map<MailStatus, Long> counts = outbox.countByStatus();
        summary.setText(getTranslation("notification.outbox.summary", counts.get(MailStatus.PENDING),
                counts.get(MailStatus.FAILED), counts.get(MailStatus.FAILED_UNKNOWN)));
        grid.getDataProvider().refreshAll();
    }

    private void openDetails(long id) {
        OutboxMessage m = outbox.find(id).orElse(null);
        if (m == null) {
            refresh();
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("notification.outbox.details.title"));
        dialog.setWidth("min(60rem, 95vw)");
        Div fields = new Div();
        fields.addClassName("outbox-details");
        fields.add(field("notification.outbox.column.to", m.to()),
                field("notification.outbox.column.subject", m.subject()),
                field("notification.outbox.column.status", statusLabel(m.status())),
                field("notification.outbox.column.attempts", Integer.toString(m.attempts())),
                field("notification.outbox.column.created", format(m.createdAt())),
                field("notification.outbox.details.nextAttempt", format(m.nextAttemptAt())),
                field("notification.outbox.column.sentAt", format(m.sentAt())),
                field("notification.outbox.details.locale", m.locale().toLanguageTag()),
                field("notification.outbox.details.dedupKey", m.dedupKey()),
                field("notification.outbox.column.lastError", explain(m.lastError())));
        if (m.lastError() != null && !m.lastError().isEmpty()) {
            // the server's own words, for whoever looks into the mail server: small, below the explanation
            Span raw = new Span(m.lastError());
            raw.setId("outbox-raw-error");
            raw.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("overflow-wrap", "anywhere");
            fields.add(field("notification.outbox.details.rawError", raw));
        }
        dialog.add(fields, new H3(getTranslation("notification.outbox.details.textBody")), new Pre(m.textBody()));
        if (m.htmlBody() != null) {
            // shown as source text, never rendered: the body is not trusted markup
            dialog.add(new H3(getTranslation("notification.outbox.details.htmlBody")), new Pre(m.htmlBody()));
        }
        Button close = new Button(getTranslation("notification.outbox.close"), e -> dialog.close());
        if (m.status().retryable()) {
            if (m.status() == MailStatus.FAILED_UNKNOWN) {
                dialog.add(new Paragraph(getTranslation("notification.outbox.retry.unknownWarning")));
            }
            Button retry = new Button(getTranslation("notification.outbox.retry"), e -> {
                boolean done = outbox.retry(m.id());
                Notification note = Notification.show(getTranslation(done
                        ? "notification.outbox.retry.done" : "notification.outbox.retry.notPossible"));
                note.addThemeVariants(done ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
                dialog.close();
                refresh();
            });
            retry.setId("outbox-retry");
            retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(retry);
        }
        dialog.getFooter().add(close);
        dialog.open();
    }

    private Component field(String labelKey, String value) {
        return field(labelKey, new Span(value == null || value.isEmpty() ? getTranslation("notification.outbox.details.none")
                : value));
    }

    private Component field(String labelKey, Component value) {
        HorizontalLayout row = new HorizontalLayout();
        Span label = new Span(getTranslation(labelKey));
        label.getStyle().set("font-weight", "600").set("flex", "none");
        row.add(label, value);
        return row;
    }

    /**
     * Held, sending, or failing: in smtp mode a failing streak of the mail server (every recent attempt failed) turns
     * the banner into a warning with the last error explained.
     */
    private void showMode() {
        DeliveryTrouble trouble = cn.gov.enforcement.portal.notification.internal.MailDispatcher.MODE_SMTP.equals(outbox.mode()) ? outbox.trouble().orElse(null) : null;
        if (trouble == null) {
            mode.setText(getTranslation("notification.outbox.mode." + outbox.mode()));
            mode.getStyle().remove("color");
            mode.removeClassName("outbox-mode-failing");
        } else {
            mode.setText(getTranslation("notification.outbox.mode.failing", trouble.failedAttempts(),
                    explain(trouble.lastError()), format(trouble.since())));
            mode.getStyle().set("color", "var(--lumo-error-text-color)");
            mode.addClassName("outbox-mode-failing");
        }
    }

    /** A stored error in the reader's language: what failed, with the server's address or reply when known. */
    private String explain(String lastError) {
        SmtpFailures.Explanation e = SmtpFailures.explain(lastError);
        if (e == null) {
            return "";
        }
        String key = "notification.outbox.error." + e.kind().name();
        return e.detail() == null && (e.kind() == SmtpFailures.Kind.CONNECT || e.kind() == SmtpFailures.Kind.TIMEOUT
                || e.kind() == SmtpFailures.Kind.TLS) ? getTranslation(key + ".plain") : getTranslation(key, e.detail());
    }

    private String statusLabel(MailStatus status) {
        return getTranslation("notification.status." + status.name());
    }

    private String format(Instant instant) {
        return instant == null ? "" : timeFormat.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.outbox.title");
    }
}
