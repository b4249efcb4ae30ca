package cn.gov.enforcement.portal.guidance;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.platform.ViewParameters;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The agency's written guidance, newest first, or only the return visits still to make, soonest first (overdue in
 * red). Officers write a new one from here; an administrator chooses the agency. The grid loads a page at a time.
 */
@Route("staff/guidance")
@Menu(order = 82, title = "menu.staff.guidance")
@RolesAllowed({"OFFICER", "ADMIN"})
public class GuidanceListView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final transient GuidanceService service;
    private final Select<String> agency = Selects.create();
    private final Checkbox visitsOnly = new Checkbox();
    private final TextField search = new TextField();
    private final Paragraph summary = new Paragraph();
    private final Grid<GuidanceRecord> grid = new Grid<>();
    private long shownCount;

    public GuidanceListView(GuidanceService service) {
        this.service = service;
        addClassName("guidance-list-view");
        Optional<String> own = service.staffAgency(null);
        // an administrator reads the agency chosen below, an officer their own
        add(new H1(getTranslation("guidance.list.title")), new Paragraph(getTranslation(own.isEmpty()
                ? "guidance.list.leadAll" : "guidance.list.lead")));
        List<AgencySummary> all = own.isEmpty() ? service.agencies() : List.of();
        agency.setId("guidance-list-agency");
        agency.setLabel(getTranslation("guidance.field.agency"));
        agency.setItems(all.stream().map(AgencySummary::id).toList());
        java.util.Map<String, String> names = all.stream()
                .collect(java.util.stream.Collectors.toMap(AgencySummary::id, a -> a.displayName(getLocale())));
        cn.gov.enforcement.portal.platform.ReaderScript.showItems(agency, id -> names.getOrDefault(id, id));
        cn.gov.enforcement.portal.platform.FieldWidths.fitLongest(agency, names.values());
        agency.setVisible(own.isEmpty());
        if (!all.isEmpty()) {
            agency.setValue(all.get(0).id());
        }
        agency.addValueChangeListener(e -> refresh());
        visitsOnly.setId("guidance-list-visits");
        visitsOnly.setLabel(getTranslation("guidance.list.visitsOnly"));
        visitsOnly.addValueChangeListener(e -> refresh());
        search.setId("guidance-list-search");
        search.setLabel(getTranslation("guidance.list.search"));
        search.setPlaceholder(getTranslation("guidance.list.search.placeholder"));
        search.setMaxLength(TextChecks.browserMaxLength(GuidanceService.MAX_SUBJECT));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(agency, search, visitsOnly);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        if (service.mayIssue()) {
            Button write = new Button(getTranslation("guidance.list.new"),
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(GuidanceComposeView.class)));
            write.setId("guidance-new");
            write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            filters.add(write);
        }
        summary.setId("guidance-list-count");
        configureGrid();
        add(filters, summary, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("guidance-list");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("70vh");
        // on a phone or a tablet one column instead, each guidance a card: the seven columns scrolled sideways inside
        // the grid, the reply and the visit out of sight
        cn.gov.enforcement.portal.platform.NarrowWindow.cards(this, grid, this::wideColumns, "guidance",
                getTranslation("guidance.list.column.guidance"), this::card);
        grid.setPartNameGenerator(g -> g.visitOverdue() ? "guidance-overdue" : null);
        grid.setItems(query -> shownAgency()
                        .map(id -> service.list(id, visitsOnly.getValue(), search.getValue(), query.getOffset(),
                                query.getLimit()).stream())
                        .orElseGet(java.util.stream.Stream::empty),
                query -> (int) Math.min(Integer.MAX_VALUE, shownCount));
    }

    /** The columns of a wide window: a column per fact. */
    private void wideColumns() {
        grid.addComponentColumn(this::numberLink).setKey("number").setHeader(getTranslation("guidance.field.number"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(g -> getTranslation(g.kind().messageKey())).setKey("kind")
                .setHeader(getTranslation("guidance.field.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(g -> written(g.partyName())).setKey("party")
                .setHeader(getTranslation("guidance.field.partyName")).setFlexGrow(1);
        grid.addComponentColumn(g -> written(g.subject())).setKey("subject")
                .setHeader(getTranslation("guidance.field.subject")).setFlexGrow(2);
        grid.addColumn(this::issued).setKey("issued")
                .setHeader(getTranslation("guidance.field.issued")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::reply).setKey("reply")
                .setHeader(getTranslation("guidance.field.reply")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::visitCell).setKey("visit").setHeader(getTranslation("guidance.field.visit"))
                .setAutoWidth(true).setFlexGrow(0);
    }

    /**
     * A guidance on a narrow window: its number (the link to it) and kind, the matter and the party, when it was
     * given and the party's reply, and the follow-up visit.
     */
    private Div card(GuidanceRecord g) {
        Div head = new Div(numberLink(g), new Span(" · " + getTranslation(g.kind().messageKey())));
        Div subject = written(g.subject());
        subject.addClassName("guidance-card-subject");
        Div when = new Div(getTranslation("guidance.field.issued") + getTranslation("guidance.colon") + issued(g)
                + " · " + getTranslation("guidance.field.reply") + getTranslation("guidance.colon") + reply(g));
        when.addClassName("muted");
        Div card = new Div(head, subject, written(g.partyName()), when, visitCell(g));
        card.addClassName("guidance-card");
        return card;
    }

    private Anchor numberLink(GuidanceRecord g) {
        Anchor link = new Anchor(GuidanceDetailView.path(g.number()), g.number());
        link.addClassName("guidance-list-link");
        return link;
    }

    private String issued(GuidanceRecord g) {
        return DATE.format(g.issuedAt().atZone(GuidanceService.ZONE));
    }

    private String reply(GuidanceRecord g) {
        return g.reply() == null ? getTranslation("guidance.list.noReply") : getTranslation(g.reply().messageKey());
    }

    /** Words an officer wrote (a party's name, a matter), marked as Chinese where they hold Chinese on another page. */
    private static Div written(String text) {
        return cn.gov.enforcement.portal.platform.ReaderScript.markWritten(new Div(text));
    }

    private Div visitCell(GuidanceRecord g) {
        Div cell = new Div();
        if (g.voided()) {
            Span voided = new Span(getTranslation("guidance.list.voided"));
            voided.addClassName("guidance-voided");
            cell.add(voided);
        } else if (g.visitOutcome() != null) {
            cell.add(new Span(getTranslation(g.visitOutcome().messageKey())));
        } else if (g.visitDue() != null) {
            cell.add(new Span(getTranslation("guidance.list.visitDue", g.visitDue().toString())));
            if (g.visitOverdue()) {
                Span late = new Span(" " + getTranslation("guidance.list.overdue"));
                late.addClassName("overdue");
                cell.add(late);
            }
        } else {
            cell.add(new Span(getTranslation("guidance.list.noVisit")));
        }
        return cell;
    }

    /**
     * {@code ?agency=<id>} chooses the agency (administrators only) and {@code ?visits=true} shows only the return
     * visits still to make: the staff workbench links here with them. Unknown values are ignored.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        ViewParameters.chooseOffered(agency, parameters, "agency");
        parameters.getSingleParameter("visits").filter("true"::equals).ifPresent(v -> visitsOnly.setValue(true));
    }

    private Optional<String> shownAgency() {
        return service.staffAgency(agency.getValue());
    }

    private void refresh() {
        Optional<String> shown = shownAgency();
        long count = shown.map(id -> service.listSize(id, visitsOnly.getValue(), search.getValue())).orElse(0L);
        shownCount = count;
        summary.setText(shown.isEmpty() ? getTranslation("guidance.list.chooseAgency")
                : count == 0 ? getTranslation(!search.getValue().isBlank() ? "guidance.list.noMatch"
                        : visitsOnly.getValue() ? "guidance.list.noVisits" : "guidance.list.none")
                : getTranslation("guidance.list.count", count));
        grid.setVisible(count > 0);
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guidance.list.title");
    }
}
