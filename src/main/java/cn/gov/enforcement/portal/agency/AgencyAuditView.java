package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.AuditRecord;
import cn.gov.enforcement.portal.platform.DatePickers;
import cn.gov.enforcement.portal.platform.NarrowWindow;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit log of the agencies' public details ({@code /staff/agency/audit}): who changed which agency's details,
 * when and what (注销执法证 …, 修改办公时间), newest first, a page at a time. Administrators read every agency's
 * records and may narrow them to one ({@code ?agency=<id>}); editors read their own agency's, whatever the address
 * says ({@link AgencyBackOffice#auditLog} decides). Filters: the first and last day ({@code ?from=}, {@code ?to=},
 * {@code yyyy-MM-dd}) and the kind of change ({@code ?change=revoked}); {@code ?page=<n>} from 1. The address holds
 * the filters, so a link or the language switch keeps them.
 */
@Route("staff/agency/audit")
@RolesAllowed({"EDITOR", "ADMIN"})
public class AgencyAuditView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "staff/agency/audit";

    private final transient AgencyBackOffice backOffice;
    private final boolean everyAgency;
    /** The agencies the reader may read the records of, by id, for their names and links. */
    private final Map<String, AgencySummary> agencies = new LinkedHashMap<>();
    private final Select<String> agency = Selects.create();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<String> change = Selects.create();
    private final Span error = new Span();
    private final Paragraph count = new Paragraph();
    private final Grid<AuditRecord> grid = new Grid<>();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span pageInfo = new Span();
    /** The filters of the address shown, without the page: the pager keeps them. */
    private Map<String, List<String>> filters = Map.of();
    private int page;

    public AgencyAuditView(AgencyBackOffice backOffice) {
        this.backOffice = backOffice;
        this.everyAgency = backOffice.auditsEveryAgency();
        backOffice.auditAgencies().forEach(a -> agencies.put(a.id(), a));
        addClassName("agency-audit-view");
        add(new Anchor("staff/agency", getTranslation("agency.edit.back")), new H1(getTranslation("agency.auditLog.title")),
                new Paragraph(getTranslation(everyAgency ? "agency.auditLog.leadAll" : "agency.auditLog.leadOwn",
                        AgencyBackOffice.AUDIT_PAGE_SIZE)));

        agency.setId("agency-audit-agency");
        agency.setLabel(getTranslation("agency.auditLog.agency"));
        List<String> choices = new ArrayList<>();
        choices.add("");
        choices.addAll(agencies.keySet());
        agency.setItems(choices);
        agency.setItemLabelGenerator(this::agencyLabel);
        cn.gov.enforcement.portal.platform.FieldWidths.fitLongest(agency, choices.stream().map(this::agencyLabel).toList());
        // an editor reads their own agency's records only: nothing to choose
        agency.setVisible(everyAgency);
        DatePickers.localize(from, this);
        from.setId("agency-audit-from");
        from.setLabel(getTranslation("agency.auditLog.from"));
        DatePickers.localize(to, this);
        to.setId("agency-audit-to");
        to.setLabel(getTranslation("agency.auditLog.to"));
        change.setId("agency-audit-change");
        change.setLabel(getTranslation("agency.auditLog.change"));
        List<String> verbs = new ArrayList<>();
        verbs.add("");
        verbs.addAll(AgencyBackOffice.CHANGE_VERBS);
        change.setItems(verbs);
        change.setItemLabelGenerator(v -> getTranslation(v.isEmpty() ? "agency.auditLog.change.all"
                : "agency.auditLog.change." + v));
        Button show = new Button(getTranslation("agency.auditLog.show"), e -> apply());
        show.setId("agency-audit-show");
        HorizontalLayout bar = new HorizontalLayout(agency, from, to, change, show);
        bar.setId("agency-audit-filters");
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        // on a phone the filters take rows of their own instead of widening the page
        bar.setWrap(true);
        error.setId("agency-audit-error");
        error.addClassName("error");
        error.getElement().setAttribute("role", "alert");
        count.setId("agency-audit-count");
        grid.setId("agency-audit-grid");
        // on a phone or a tablet one column instead, each record a card: the five columns scrolled sideways
        NarrowWindow.cards(this, grid, this::wideColumns, "record", getTranslation("agency.auditLog.record"), this::card);
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        previous.setText(getTranslation("agency.auditLog.previous"));
        previous.setId("agency-audit-previous");
        previous.addClickListener(e -> navigate(page - 1));
        next.setText(getTranslation("agency.auditLog.next"));
        next.setId("agency-audit-next");
        next.addClickListener(e -> navigate(page + 1));
        pageInfo.setId("agency-audit-page");
        HorizontalLayout pager = new HorizontalLayout(previous, pageInfo, next);
        pager.setId("agency-audit-pager");
        pager.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(bar, error, count, grid, pager);
    }

    private String agencyLabel(String id) {
        if (id == null || id.isEmpty()) {
            return getTranslation("agency.auditLog.allAgencies");
        }
        AgencySummary a = agencies.get(id);
        return a == null ? id : a.displayName(getLocale());
    }

    private void wideColumns() {
        grid.addColumn(r -> AgencyEditView.TIME.format(r.at())).setKey("at")
                .setHeader(getTranslation("agency.auditLog.at")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::actor).setKey("actor").setHeader(getTranslation("agency.auditLog.actor"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::agencyLink).setKey("agency").setHeader(getTranslation("agency.auditLog.agency"))
                .setFlexGrow(1);
        grid.addColumn(AgencyAuditView::version).setKey("version").setHeader(getTranslation("agency.auditLog.version"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> AgencyAuditTexts.changes(this, r.changes())).setKey("changes")
                .setHeader(getTranslation("agency.auditLog.changes")).setFlexGrow(2);
    }

    /** A record on a narrow window: what changed, then the agency, who, when and the version. */
    private Div card(AuditRecord r) {
        String colon = getTranslation("agency.edit.colon");
        Div card = NarrowWindow.factCard(AgencyAuditTexts.changes(this, r.changes()), colon,
                getTranslation("agency.auditLog.actor"), r.actor(), getTranslation("agency.auditLog.at"),
                AgencyEditView.TIME.format(r.at()), getTranslation("agency.auditLog.version"), version(r));
        card.addComponentAtIndex(1, new Div(new Span(LabelSpacing.label(getTranslation("agency.auditLog.agency"))), agencyLink(r)));
        return card;
    }

    /** The agency's name in the page's language, linking to its form (every agency shown is one the reader may edit). */
    private Component agencyLink(AuditRecord r) {
        if (!agencies.containsKey(r.agencyId())) {
            return new Span(r.agencyId()); // no longer in the directory: nothing to open
        }
        Anchor link = new Anchor("staff/agency/edit/" + URLEncoder.encode(r.agencyId(), StandardCharsets.UTF_8),
                agencyLabel(r.agencyId()));
        link.addClassName("agency-audit-agency");
        return link;
    }

    private static String version(AuditRecord r) {
        return r.version() == null ? "" : r.version().toString();
    }

    /** Shows the records the filters ask for: through the address, which then holds them. */
    private void apply() {
        if (DatePickers.markUnreadable(this, from, to)) {
            error.setText(getTranslation("platform.date.badInput"));
            return;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (everyAgency && agency.getValue() != null && !agency.getValue().isEmpty()) {
            query.put("agency", List.of(agency.getValue()));
        }
        if (from.getValue() != null) {
            query.put("from", List.of(from.getValue().toString()));
        }
        if (to.getValue() != null) {
            query.put("to", List.of(to.getValue().toString()));
        }
        if (change.getValue() != null && !change.getValue().isEmpty()) {
            query.put("change", List.of(change.getValue()));
        }
        filters = query;
        navigate(0);
    }

    private void navigate(int number) {
        Map<String, List<String>> query = new LinkedHashMap<>(filters);
        if (number > 0) {
            query.put("page", List.of(String.valueOf(number + 1)));
        }
        UI.getCurrent().navigate(ROUTE, new QueryParameters(query));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        filters = new LinkedHashMap<>(parameters.getParameters());
        filters.remove("page");
        error.setText("");
        for (DatePicker picker : new DatePicker[] {from, to}) {
            picker.setInvalid(false);
            picker.setErrorMessage(null);
        }
        // an editor's page is their own agency's whatever the address says; the service decides it too
        Optional<String> requested = everyAgency ? parameters.getSingleParameter("agency").filter(v -> !v.isBlank())
                : Optional.empty();
        agency.setValue(requested.filter(agencies::containsKey).orElse(""));
        List<String> unreadable = new ArrayList<>();
        LocalDate first = date(parameters, "from", from, unreadable);
        LocalDate last = date(parameters, "to", to, unreadable);
        String verb = parameters.getSingleParameter("change").filter(AgencyBackOffice.CHANGE_VERBS::contains).orElse(null);
        change.setValue(verb == null ? "" : verb);
        page = parameters.getSingleParameter("page").filter(v -> v.matches("[1-9][0-9]{0,5}"))
                .map(v -> Integer.parseInt(v) - 1).orElse(0);
        if (!unreadable.isEmpty()) {
            // the address named a day that is none (a link typed by hand): said with what it holds
            String message = getTranslation("agency.auditLog.error.date", unreadable.get(0));
            refused(message, null);
            for (DatePicker picker : new DatePicker[] {from, to}) {
                if (picker.isInvalid()) {
                    picker.setErrorMessage(message);
                }
            }
            return;
        }
        try {
            AgencyBackOffice.AuditPage shown = backOffice.auditLog(new AgencyBackOffice.AuditQuery(requested.orElse(null),
                    first, last, verb, page));
            page = shown.page();
            grid.setItems(shown.records());
            grid.setVisible(!shown.records().isEmpty());
            count.setText(getTranslation("agency.auditLog.count", shown.total()));
            previous.setEnabled(page > 0);
            next.setEnabled(page + 1 < shown.pages());
            pageInfo.setText(getTranslation("agency.auditLog.page", page + 1, shown.pages()));
        } catch (ValidationFailure failure) {
            ValidationFailure.FieldProblem problem = failure.problems().get(0);
            String message = getTranslation(problem.messageKey(), problem.args());
            refused(message, message);
        } catch (AgencyNotFoundException unknown) {
            refused(getTranslation("agency.staff.notFound"), null);
        }
    }

    /**
     * The day a parameter names ({@code yyyy-MM-dd}), also set in its picker; none when the parameter is absent or
     * names no day, which is then added to {@code unreadable} and its picker left empty and marked invalid.
     */
    private static LocalDate date(QueryParameters parameters, String name, DatePicker picker, List<String> unreadable) {
        picker.setValue(null);
        Optional<String> value = parameters.getSingleParameter(name).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.get());
            picker.setValue(day);
            return day;
        } catch (DateTimeParseException e) {
            unreadable.add(value.get());
            picker.setInvalid(true);
            return null;
        }
    }

    /** No records: the filters are refused with {@code message}; {@code period} marks both days invalid with it. */
    private void refused(String message, String period) {
        error.setText(message);
        if (period != null) {
            for (DatePicker picker : new DatePicker[] {from, to}) {
                picker.setInvalid(true);
                picker.setErrorMessage(period);
            }
        }
        grid.setItems(List.of());
        grid.setVisible(false);
        count.setText("");
        previous.setEnabled(false);
        next.setEnabled(false);
        pageInfo.setText("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("agency.auditLog.pageTitle");
    }
}
