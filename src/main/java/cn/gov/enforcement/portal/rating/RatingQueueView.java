package cn.gov.enforcement.portal.rating;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.platform.FieldWidths;
import cn.gov.enforcement.portal.platform.ViewParameters;
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
 * Officers' list of their own agency's ratings, newest first, bad ones marked with their follow-up
 * deadline (overdue in red); awaiting follow-up only narrows it. An administrator chooses the agency.
 * The grid loads the ratings a page at a time from {@link RatingService#queue}. Each rating opens on
 * {@link RatingDetailView} ({@code /staff/rating/<reference>}).
 */
@Route("staff/ratings")
@Menu(order = 81, title = "menu.staff.ratings")
@RolesAllowed({"OFFICER", "ADMIN"})
public class RatingQueueView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient RatingService service;
    private final Select<String> agency = Selects.create();
    private final Checkbox awaitingOnly = new Checkbox();
    private final Paragraph summary = new Paragraph();
    private long shownCount;
    private final Grid<RatingRecord> grid = new Grid<>();

    public RatingQueueView(RatingService service) {
        this.service = service;
        addClassName("rating-queue-view");
        Optional<String> own = service.staffAgency(null);
        // an administrator reads the agency chosen below, an officer their own
        add(new H1(getTranslation("rating.queue.title")), new Paragraph(getTranslation(own.isEmpty()
                ? "rating.queue.leadAll" : "rating.queue.lead", RatingService.FOLLOW_UP_DAYS)));
        List<AgencySummary> all = service.agencies(getLocale());
        agency.setId("rating-queue-agency");
        agency.setLabel(getTranslation("rating.field.agency"));
        agency.setItems(all.stream().map(AgencySummary::id).toList());
        agency.setItemLabelGenerator(id -> service.agencyName(id, getLocale()));
        FieldWidths.fitLongest(agency, all.stream().map(a -> service.agencyName(a.id(), getLocale())).toList());
        agency.setVisible(own.isEmpty());
        if (!all.isEmpty() && own.isEmpty()) {
            agency.setValue(all.get(0).id());
        }
        agency.addValueChangeListener(e -> refresh());
        awaitingOnly.setId("rating-queue-awaiting");
        awaitingOnly.setLabel(getTranslation("rating.queue.awaitingOnly"));
        awaitingOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(agency, awaitingOnly);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        summary.setId("rating-queue-count");
        configureGrid();
        add(filters, summary, grid);
        refresh();
    }

    /** The grid asks the service for the rows it shows, a page at a time. */
    private void configureGrid() {
        grid.setId("rating-queue");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("70vh");
        // on a phone or a tablet one column instead, each rating a card: the six columns scrolled sideways inside the
        // grid, the status and the comment out of sight
        cn.gov.enforcement.portal.platform.NarrowWindow.cards(this, grid, this::wideColumns, "rating",
                getTranslation("rating.queue.column.entry"), this::card);
        grid.setPartNameGenerator(r -> r.overdue() ? "rating-overdue" : null);
        grid.setItems(query -> shownAgency()
                        .map(id -> service.queue(id, awaitingOnly.getValue(), query.getOffset(), query.getLimit()).stream())
                        .orElseGet(java.util.stream.Stream::empty),
                query -> (int) Math.min(Integer.MAX_VALUE, shownCount));
    }

    /** The columns of a wide window: a column per fact. */
    private void wideColumns() {
        grid.addComponentColumn(this::referenceLink).setKey("reference")
                .setHeader(getTranslation("rating.queue.column.reference")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::scoreCell).setKey("score").setHeader(getTranslation("rating.queue.column.score"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> getTranslation(r.matter().messageKey())).setKey("matter")
                .setHeader(getTranslation("rating.field.matter")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.contactDate().toString()).setKey("contactDate")
                .setHeader(getTranslation("rating.field.date")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::statusCell).setKey("status").setHeader(getTranslation("rating.detail.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> comment(r.comment()))
                .setKey("comment").setHeader(getTranslation("rating.field.comment")).setFlexGrow(1);
    }

    /**
     * A rating on a narrow window: its reference (the link to it) and score, matter and day of contact, status, and
     * the start of the comment.
     */
    private Div card(RatingRecord r) {
        Div head = new Div(referenceLink(r), new Span(" · "), scoreCell(r));
        Div what = new Div(getTranslation(r.matter().messageKey()) + " · " + r.contactDate());
        what.addClassName("muted");
        Div card = new Div(head, what, statusCell(r), comment(r.comment()));
        card.addClassName("rating-card");
        return card;
    }

    private Anchor referenceLink(RatingRecord r) {
        Anchor link = new Anchor("staff/rating/" + r.reference(), r.reference());
        link.addClassName("rating-queue-link");
        return link;
    }

    private Span scoreCell(RatingRecord r) {
        Span score = new Span(getTranslation(r.score().messageKey()));
        score.addClassName(r.score().bad() ? "rating-bad" : "rating-good");
        return score;
    }

    /** The start of a comment, as the person wrote it: marked as Chinese where it holds Chinese on another page. */
    private static Div comment(String comment) {
        Div shown = new Div(preview(comment));
        shown.addClassName("rating-comment");
        return cn.gov.enforcement.portal.platform.ReaderScript.markWritten(shown);
    }

    /** Characters of a comment the list shows. */
    static final int PREVIEW = 120;

    /**
     * The start of a comment for the list: its first {@link #PREVIEW} characters, counted in code points so that an
     * emoji is never split, and an ellipsis when there is more; empty for none.
     */
    static String preview(String comment) {
        return TextChecks.shortened(comment, PREVIEW);
    }

    private Div statusCell(RatingRecord r) {
        Span status = new Span(getTranslation(r.status().messageKey()));
        status.addClassName("rating-status");
        Div cell = new Div(status);
        if (r.status() == RatingStatus.AWAITING_FOLLOW_UP) {
            cell.add(new Span(" · " + getTranslation("rating.queue.due", r.followUpDue().toString())));
            if (r.overdue()) {
                Span overdue = new Span(" " + getTranslation("rating.queue.overdue"));
                overdue.addClassName("overdue");
                cell.add(overdue);
            }
        }
        return cell;
    }

    /**
     * {@code ?agency=<id>} chooses the agency (administrators only) and {@code ?awaiting=true} shows only the
     * ratings awaiting follow-up: the staff workbench links here with them. Unknown values are ignored.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        ViewParameters.chooseOffered(agency, parameters, "agency");
        parameters.getSingleParameter("awaiting").filter("true"::equals).ifPresent(v -> awaitingOnly.setValue(true));
    }

    private Optional<String> shownAgency() {
        return service.staffAgency(agency.getValue());
    }

    /** Counts once per refresh; the summary line and the grid's size both use this figure. */
    private void refresh() {
        Optional<String> shown = shownAgency();
        long count = shown.map(id -> service.queueSize(id, awaitingOnly.getValue())).orElse(0L);
        shownCount = count;
        summary.setText(shown.isEmpty() ? getTranslation("rating.queue.chooseAgency")
                : count == 0 ? getTranslation(awaitingOnly.getValue() ? "rating.queue.noneAwaiting" : "rating.queue.none")
                : getTranslation("rating.queue.count", count));
        grid.setVisible(count > 0);
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rating.queue.title");
    }
}
