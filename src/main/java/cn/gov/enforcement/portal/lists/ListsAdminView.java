package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The editors' list of their agency's risk points and exemption items in every status, with the
 * workflow buttons, links to the form and the history, the audit log and the YAML export
 * ({@code ?agency=} chooses the agency for administrators).
 */
@Route("staff/lists")
@Menu(order = 85, title = "menu.admin.lists")
@RolesAllowed({"EDITOR", "ADMIN"})
public class ListsAdminView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ListsBackOffice backOffice;
    private final transient ListsCatalog catalog;
    private final Select<String> agency = Selects.create();
    private final Div tools = new Div();
    private final Div rows = new Div();
    /**
     * The entry and version whose submission was last held back for citations the regulation library does not resolve
     * (null: none was): submitting that version again confirms them.
     */
    private String warnedSubmission;

    public ListsAdminView(ListsBackOffice backOffice, ListsCatalog catalog) {
        this.backOffice = backOffice;
        this.catalog = catalog;
        addClassName("lists-admin-view");
        add(new H1(getTranslation("lists.admin.title")), new Paragraph(getTranslation("lists.admin.lead")));
        agency.setId("lists-admin-agency");
        agency.setLabel(getTranslation("lists.filter.agency"));
        agency.setItemLabelGenerator(catalog::agencyName);
        agency.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                UI.getCurrent().navigate("staff/lists", QueryParameters.of("agency", e.getValue()));
            }
        });
        rows.setId("lists-admin-rows");
        add(agency, tools, rows);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> agencies = backOffice.agencies();
        agency.setItems(agencies);
        agency.setVisible(agencies.size() > 1);
        cn.gov.enforcement.portal.platform.FieldWidths.fitLongest(agency, agencies.stream().map(catalog::agencyName).toList());
        if (!agencies.isEmpty()) {
            agency.setValue(agencies.get(0));
        }
        // an agency the reader may not work on (or none such) leaves the chooser empty and marked, not the first one
        cn.gov.enforcement.portal.platform.ViewParameters.chooseOffered(agency, event.getLocation().getQueryParameters(),
                "agency");
        refresh();
    }

    private void refresh() {
        tools.removeAll();
        rows.removeAll();
        String a = agency.getValue();
        if (a == null) {
            rows.add(new Paragraph(getTranslation(agency.getListDataView().getItemCount() == 0 ? "lists.admin.noAgency"
                    : "lists.admin.chooseAgency")));
            return;
        }
        Anchor newRisk = new Anchor("staff/lists/edit/risk-points?agency=" + a, getTranslation("lists.admin.newRisk"));
        newRisk.setId("lists-admin-new-risk");
        Anchor newExemption = new Anchor("staff/lists/edit/exemptions?agency=" + a,
                getTranslation("lists.admin.newExemption"));
        newExemption.setId("lists-admin-new-exemption");
        Anchor audit = new Anchor("staff/lists/audit?agency=" + a, getTranslation("lists.admin.auditLink"));
        audit.setId("lists-admin-audit");
        Anchor citations = new Anchor("staff/lists/citations?agency=" + a, getTranslation("lists.admin.citationsLink"));
        citations.setId("lists-admin-citations");
        Anchor exportRisks = export(a, ListKind.RISK_POINTS, "lists-admin-export-risks", "lists.admin.exportRisks");
        Anchor exportExemptions = export(a, ListKind.EXEMPTIONS, "lists-admin-export-exemptions",
                "lists.admin.exportExemptions");
        HorizontalLayout bar = new HorizontalLayout(newRisk, newExemption, audit, citations, exportRisks, exportExemptions);
        bar.setWrap(true);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tools.add(bar);
        List<ListsBackOffice.EntrySummary> entries = backOffice.entries(a);
        rows.add(new Paragraph(getTranslation("lists.admin.count", entries.size())));
        for (ListsBackOffice.EntrySummary e : entries) {
            rows.add(row(e));
        }
    }

    /** The YAML export of the agency's published entries, computed now (with the caller's rights). */
    private Anchor export(String a, ListKind kind, String id, String key) {
        byte[] yaml = backOffice.export(a, kind).getBytes(StandardCharsets.UTF_8);
        StreamResource resource = new StreamResource(a + ".yaml", () -> new ByteArrayInputStream(yaml));
        resource.setContentType("application/yaml; charset=UTF-8");
        Anchor link = new Anchor(resource, getTranslation(key));
        link.setId(id);
        link.getElement().setAttribute("download", true);
        return link;
    }

    private Div row(ListsBackOffice.EntrySummary e) {
        Div row = new Div();
        row.addClassName("lists-admin-row");
        row.getElement().setAttribute("data-id", e.id());
        row.getElement().setAttribute("data-status", e.status().name());
        // the entry's title is its Chinese content, shown as written: marked on a page of another language
        H2 heading = cn.gov.enforcement.portal.platform.ReaderScript.markWritten(new H2(e.title()));
        heading.getStyle().set("font-size", "var(--lumo-font-size-l)");
        row.add(heading);
        String kind = getTranslation(e.kind() == ListKind.RISK_POINTS ? "lists.admin.kind.risk" : "lists.admin.kind.exemption");
        Span facts = new Span(e.id() + " · " + kind + " · " + getTranslation(e.status().translationKey())
                + (e.version() > 0 ? " · " + getTranslation("lists.admin.version", e.version()) : "")
                + " · " + publicText(e.publicVersion())
                + (e.effectiveFrom() == null ? "" : " · " + getTranslation("lists.admin.effective",
                        dates(e.effectiveFrom(), e.effectiveTo())))
                + (e.fromFile() ? " · " + getTranslation("lists.admin.fromFile") : ""));
        facts.addClassName("lists-admin-facts");
        row.add(new Div(facts));
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        Anchor preview = new Anchor("staff/lists/preview/" + e.id(), getTranslation("lists.admin.preview"));
        preview.addClassName("lists-admin-preview");
        Anchor edit = new Anchor("staff/lists/edit/" + e.kind().folder() + "/" + e.id(), getTranslation("lists.admin.edit"));
        edit.addClassName("lists-admin-edit");
        Anchor history = new Anchor("staff/lists/history/" + e.id(), getTranslation("lists.admin.history"));
        history.addClassName("lists-admin-history");
        actions.add(preview, edit, history);
        switch (e.status()) {
            case DRAFT -> actions.add(action("submit", "lists.admin.submit", "lists.admin.done.submit", e,
                    (id, version, status) -> backOffice.submit(id, version, status,
                            submission(id, version).equals(warnedSubmission))));
            case IN_REVIEW -> {
                if (!e.ownSubmission()) {
                    actions.add(action("publish", "lists.admin.publish", "lists.admin.done.publish", e,
                            backOffice::publish));
                }
                actions.add(action("return", "lists.admin.return", "lists.admin.done.return", e,
                        backOffice::returnToDraft));
            }
            case PUBLISHED -> actions.add(withdrawal("lists.admin.withdraw", "lists.admin.withdrawConfirm.text",
                    "lists.admin.done.withdraw", e));
            default -> { }
        }
        if ((e.status() == EntryStatus.DRAFT || e.status() == EntryStatus.IN_REVIEW) && e.publicVersion() != null) {
            // the version on the public list (in force or not yet) can leave it while a newer one is being written
            actions.add(withdrawal("lists.admin.withdrawPublic", "lists.admin.withdrawConfirm.textRevision",
                    "lists.admin.done.withdrawPublic", e));
        }
        row.add(actions);
        if (e.ownSubmission()) {
            // the service refuses it too: the submitter is told why there is no publish button, not refused later
            Paragraph own = new Paragraph(getTranslation("lists.admin.ownSubmission"));
            own.addClassNames("lists-admin-own-submission", "muted");
            row.add(own);
        }
        Paragraph feedback = new Paragraph();
        feedback.addClassName("lists-admin-row-message");
        row.add(feedback);
        return row;
    }

    /** A workflow step on the version and status this row shows (a stale row is refused, see ListsBackOffice). */
    interface Step {
        void apply(String id, int seenVersion, EntryStatus seenStatus);
    }

    private Button action(String name, String key, String doneKey, ListsBackOffice.EntrySummary e, Step step) {
        Button button = new Button(getTranslation(key), click -> take(e, e.title(), doneKey, step));
        button.addClassName("lists-admin-" + name);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    /**
     * Withdrawal takes the entry off the public lists: a dialog names it and says so, and only its confirm button
     * withdraws.
     */
    private Button withdrawal(String key, String confirmTextKey, String doneKey, ListsBackOffice.EntrySummary e) {
        // what leaves the public list is the version on it, not a newer draft with another title
        String withdrawn = e.publicVersion() != null ? e.publicVersion().title() : e.title();
        Button button = new Button(getTranslation(key), click -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("lists-admin-withdraw-confirm");
            confirm.setHeader(getTranslation("lists.admin.withdrawConfirm.title"));
            confirm.setText(new Span(ReaderScript.markSpliced(getTranslation(confirmTextKey,
                    ReaderScript.spliceAsWritten(withdrawn), e.id(), e.version()))));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("lists.admin.withdrawConfirm.cancel"));
            confirm.setConfirmText(getTranslation("lists.admin.withdrawConfirm.confirm"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(ok -> take(e, withdrawn, doneKey, backOffice::withdraw));
            confirm.open();
        });
        button.addClassName("lists-admin-withdraw");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    /**
     * Takes the step and says what happened where the editor looks: a notification, and the same text under the
     * entry's row (the status line at the top of a long list is out of view). A refusal is said the same way, on the
     * row as it was shown.
     */
    private void take(ListsBackOffice.EntrySummary e, String title, String doneKey, Step step) {
        try {
            step.apply(e.id(), e.version(), e.status());
        } catch (CitationWarning warning) {
            // a warning, not a refusal: the same version submitted again goes on
            warnedSubmission = submission(e.id(), e.version());
            String text = ListsUi.sentences(this, ListsUi.citationWarnings(this, warning, null).entrySet().stream()
                    .map(w -> getTranslation("lists.admin.field." + w.getKey()) + getTranslation("lists.colon")
                            + w.getValue())
                    .collect(java.util.stream.Collectors.joining(" ")), getTranslation("lists.admin.warning.confirmSubmit"));
            rowMessage(e.id(), text, "alert");
            notify(text, 8000, NotificationVariant.LUMO_WARNING);
            return;
        } catch (ValidationFailure failure) {
            var p = failure.problems().get(0);
            String refusal = getTranslation(p.messageKey(), p.args());
            rowMessage(e.id(), refusal, "alert");
            notify(refusal, 8000, NotificationVariant.LUMO_ERROR);
            return;
        }
        // the entry's title is its Chinese content, as written: marked on a page of another language
        String done = getTranslation(doneKey, ReaderScript.spliceAsWritten(title));
        refresh();
        rowMessage(e.id(), done, "status");
        notify(done, 5000, NotificationVariant.LUMO_SUCCESS);
    }

    private static void notify(String text, int duration, NotificationVariant variant) {
        Notification notification = new Notification();
        notification.add(new Span(ReaderScript.markSpliced(text)));
        notification.setDuration(duration);
        notification.setPosition(Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
        notification.open();
    }

    private static String submission(String id, int version) {
        return id + "#" + version;
    }

    /** Whether the public sees the version on the public list: now, from its start date, or no longer. */
    private String publicText(ListsBackOffice.PublicVersion v) {
        if (v == null) {
            return getTranslation("lists.admin.notPublic");
        }
        if (v.inForce()) {
            return getTranslation("lists.admin.public");
        }
        return v.upcoming(catalog.today()) ? getTranslation("lists.admin.publicFrom", v.effectiveFrom().toString())
                : getTranslation("lists.admin.publicEnded", String.valueOf(v.effectiveTo()));
    }

    private String dates(java.time.LocalDate from, java.time.LocalDate to) {
        return to == null ? getTranslation("lists.admin.effectiveOpen", from.toString())
                : getTranslation("lists.admin.effectiveRange", from.toString(), to.toString());
    }

    /** Writes a message under the row of the entry, with the role that makes a screen reader read it out. */
    private void rowMessage(String id, String text, String role) {
        rows.getChildren().filter(c -> id.equals(c.getElement().getAttribute("data-id"))).findFirst()
                .flatMap(row -> row.getChildren().filter(c -> c.getElement().getClassList().contains("lists-admin-row-message")).findFirst())
                .ifPresent(feedback -> {
                    ((Paragraph) feedback).removeAll();
                    ((Paragraph) feedback).add(ReaderScript.markSpliced(text));
                    feedback.getElement().setAttribute("role", role);
                    feedback.getElement().setAttribute("data-kind", "alert".equals(role) ? "refused" : "done");
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lists.admin.title");
    }
}
