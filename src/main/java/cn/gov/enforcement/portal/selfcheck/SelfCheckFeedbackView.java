package cn.gov.enforcement.portal.selfcheck;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.lists.ListsUi;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.selfcheck.SelfCheckAnswer.Status;
import cn.gov.enforcement.portal.selfcheck.SelfCheckFeedback.AgencyFigures;
import cn.gov.enforcement.portal.selfcheck.SelfCheckFeedback.RiskFigures;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What businesses said in the self-checks they sent anonymously, per risk point of the agency: the risks least in
 * place first, so the agency knows where to remind and coach (and an officer writes guidance from the risk point).
 * Officers and editors see their own agency; an administrator chooses the agency.
 */
@Route("staff/self-checks")
@Menu(order = 84, title = "menu.staff.selfcheck")
@RolesAllowed({"OFFICER", "EDITOR", "ADMIN"})
public class SelfCheckFeedbackView extends Div implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private final transient SelfCheckFeedback feedback;
    private final Select<String> agency = Selects.create();
    private final Paragraph summary = new Paragraph();
    private final Grid<RiskFigures> grid = new Grid<>();

    public SelfCheckFeedbackView(SelfCheckFeedback feedback) {
        this.feedback = feedback;
        addClassName("selfcheck-feedback-view");
        Optional<String> own = feedback.staffAgency(null);
        // an administrator reads the agency chosen below, an officer or editor their own
        add(new H1(getTranslation("selfcheck.staff.title")), new Paragraph(getTranslation(own.isEmpty()
                ? "selfcheck.staff.leadAll" : "selfcheck.staff.lead", SelfCheckFeedback.FIGURE_DAYS)));
        List<AgencySummary> all = own.isEmpty() ? feedback.agencies() : List.of();
        agency.setId("selfcheck-staff-agency");
        agency.setLabel(getTranslation("selfcheck.staff.agency"));
        agency.setItems(all.stream().map(AgencySummary::id).toList());
        Map<String, String> names = all.stream().collect(Collectors.toMap(AgencySummary::id, a -> a.displayName(getLocale())));
        cn.gov.enforcement.portal.platform.ReaderScript.showItems(agency, id -> names.getOrDefault(id, id));
        agency.setVisible(own.isEmpty());
        if (!all.isEmpty()) {
            agency.setValue(all.get(0).id());
        }
        agency.addValueChangeListener(e -> refresh());
        summary.setId("selfcheck-staff-summary");
        configureGrid();
        add(agency, summary, grid);
        refresh();
    }

    /** {@code ?agency=<id>} chooses the agency (administrators only); an agency not offered leaves none chosen. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        cn.gov.enforcement.portal.platform.ViewParameters.chooseOffered(agency, event.getLocation().getQueryParameters(),
                "agency");
    }

    private void configureGrid() {
        grid.setId("selfcheck-staff-risks");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        // on a phone or a tablet one column instead, each risk point a card: the seven or eight columns scrolled
        // sideways inside the grid, the figures out of sight
        cn.gov.enforcement.portal.platform.NarrowWindow.cards(this, grid, this::wideColumns, "figures",
                getTranslation("selfcheck.staff.risk"), this::card);
    }

    /** The columns of a wide window: the risk point, its level, a column per answer, the share, the guidance link. */
    private void wideColumns() {
        grid.addComponentColumn(this::riskLink).setKey("risk").setHeader(getTranslation("selfcheck.staff.risk"))
                .setFlexGrow(3);
        grid.addColumn(this::level).setKey("level").setHeader(getTranslation("selfcheck.staff.level")).setAutoWidth(true)
                .setFlexGrow(0);
        for (Status status : ANSWERS) {
            grid.addColumn(r -> r.answers(status)).setKey(status.name())
                    .setHeader(getTranslation("selfcheck.answer." + status.name())).setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(SelfCheckFeedbackView::share).setKey("share")
                .setHeader(getTranslation("selfcheck.staff.share")).setAutoWidth(true).setFlexGrow(0);
        if (feedback.mayWriteGuidance()) {
            grid.addComponentColumn(this::guidanceLink).setKey("guidance").setHeader("").setAutoWidth(true)
                    .setFlexGrow(0);
        }
    }

    /** The answers counted, in the order of the columns. */
    private static final List<Status> ANSWERS = List.of(Status.NOT_YET, Status.PARTLY, Status.DONE,
            Status.NOT_APPLICABLE);

    /**
     * A risk point on a narrow window: the risk point (the link to it) and its level, each answer with its count and
     * the share not in place, and the link to write guidance on it.
     */
    private Div card(RiskFigures r) {
        Div head = new Div(riskLink(r));
        String level = level(r);
        if (!level.isEmpty()) {
            head.add(new Span(" · " + level));
        }
        List<String> counts = new java.util.ArrayList<>();
        for (Status status : ANSWERS) {
            counts.add(getTranslation("selfcheck.answer." + status.name()) + getTranslation("selfcheck.colon")
                    + r.answers(status));
        }
        counts.add(getTranslation("selfcheck.staff.share") + getTranslation("selfcheck.colon") + share(r));
        Div figures = new Div(String.join(" · ", counts));
        figures.addClassName("muted");
        Div card = new Div(head, figures);
        if (feedback.mayWriteGuidance()) {
            card.add(new Div(guidanceLink(r)));
        }
        card.addClassName("selfcheck-staff-card");
        return card;
    }

    /** The risk point as the public list names it (marked as Chinese content), or that it has been withdrawn. */
    private com.vaadin.flow.component.Component riskLink(RiskFigures r) {
        return r.point().<com.vaadin.flow.component.Component>map(p -> ReaderScript.markContent(new Anchor("risks/"
                        + URLEncoder.encode(p.id(), StandardCharsets.UTF_8), ReaderScript.forReader(p.title()))))
                .orElseGet(() -> new Span(getTranslation("selfcheck.staff.withdrawn", r.riskPointId())));
    }

    private String level(RiskFigures r) {
        return r.point().map(p -> getTranslation(ListsUi.levelKey(p.level()))).orElse("");
    }

    private static String share(RiskFigures r) {
        return r.concerned() == 0 ? "–" : Math.round(r.notInPlace() * 100) + "%";
    }

    private com.vaadin.flow.component.Component guidanceLink(RiskFigures r) {
        if (r.point().isEmpty()) {
            return new Span();
        }
        Anchor write = new Anchor("staff/guidance/new?risk=" + URLEncoder.encode(r.riskPointId(),
                StandardCharsets.UTF_8), getTranslation("selfcheck.staff.writeGuidance"));
        write.addClassName("selfcheck-staff-guidance");
        return write;
    }

    private void refresh() {
        Optional<String> shown = feedback.staffAgency(agency.getValue());
        if (shown.isEmpty()) {
            summary.setText(getTranslation("selfcheck.staff.chooseAgency"));
            grid.setItems(List.of());
            return;
        }
        AgencyFigures figures = feedback.figures(shown.get());
        summary.setText(figures.submissions() == 0
                ? getTranslation(agency.isVisible() ? "selfcheck.staff.noneAll" : "selfcheck.staff.none",
                        figures.from().toString(), figures.to().toString())
                : getTranslation("selfcheck.staff.summary", figures.submissions(), figures.from().toString(),
                        figures.to().toString()));
        grid.setItems(figures.risks());
        grid.setVisible(!figures.risks().isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("selfcheck.staff.title");
    }
}
