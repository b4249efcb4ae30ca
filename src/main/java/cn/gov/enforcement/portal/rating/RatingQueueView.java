package cn.gov.enforcement.portal.rating;

import cn.gov.enforcement.portal.agency.AgencySummary;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Officers' list of their own agency's ratings, newest first, bad ones marked with their follow-up
 * deadline (overdue in red); "awaiting follow-up only" narrows it. An administrator chooses the agency.
 * Each rating opens on {@link RatingDetailView} ({@code /staff/rating/<reference>}).
 */
@Route("staff/ratings")
@Menu(order = 81, title = "menu.staff.ratings")
@RolesAllowed({"OFFICER", "ADMIN"})
public class RatingQueueView extends Div implements HasDynamicTitle {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient RatingService service;
    private final Select<String> agency = new Select<>();
    private final Checkbox awaitingOnly = new Checkbox();
    private final Div rows = new Div();

    public RatingQueueView(RatingService service) {
        this.service = service;
        addClassName("rating-queue-view");
        add(new H1(getTranslation("rating.queue.title")), new Paragraph(getTranslation("rating.queue.lead",
                RatingService.FOLLOW_UP_DAYS)));
        Optional<String> own = service.staffAgency(null);
        List<AgencySummary> all = service.agencies(getLocale());
        agency.setId("rating-queue-agency");
        agency.setLabel(getTranslation("rating.field.agency"));
        agency.setItems(all.stream().map(AgencySummary::id).toList());
        agency.setItemLabelGenerator(id -> service.agencyName(id, getLocale()));
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
        rows.setId("rating-queue");
        add(filters, rows);
        refresh();
    }

    private void refresh() {
        rows.removeAll();
        Optional<String> shown = service.staffAgency(agency.getValue());
        if (shown.isEmpty()) {
            rows.add(new Paragraph(getTranslation("rating.queue.chooseAgency")));
            return;
        }
        List<RatingRecord> list = service.queue(shown.get(), awaitingOnly.getValue());
        if (list.isEmpty()) {
            rows.add(new Paragraph(getTranslation(awaitingOnly.getValue() ? "rating.queue.noneAwaiting" : "rating.queue.none")));
            return;
        }
        rows.add(new Paragraph(getTranslation("rating.queue.count", list.size())));
        for (RatingRecord r : list) {
            Div row = new Div();
            row.addClassName("service-card");
            row.addClassName("rating-queue-row");
            row.getElement().setAttribute("data-reference", r.reference());
            Anchor link = new Anchor("staff/rating/" + r.reference(), r.reference());
            link.addClassName("rating-queue-link");
            Span score = new Span(getTranslation(r.score().messageKey()));
            score.addClassName(r.score().bad() ? "rating-bad" : "rating-good");
            row.add(new Div(link, new Span(" · "), score, new Span(" · " + getTranslation(r.matter().messageKey())
                    + " · " + getTranslation("rating.queue.contactOn", r.contactDate().toString()))));
            Span status = new Span(getTranslation(r.status().messageKey()));
            status.addClassName("rating-status");
            Div statusLine = new Div(status);
            if (r.status() == RatingStatus.AWAITING_FOLLOW_UP) {
                Span due = new Span(" · " + getTranslation("rating.queue.due", r.followUpDue().toString()));
                statusLine.add(due);
                if (r.overdue()) {
                    Span overdue = new Span(" " + getTranslation("rating.queue.overdue"));
                    overdue.addClassName("overdue");
                    statusLine.add(overdue);
                    row.addClassName("rating-overdue");
                }
            }
            row.add(statusLine);
            if (r.comment() != null) {
                Paragraph comment = new Paragraph(r.comment().length() > 120 ? r.comment().substring(0, 120) + "…" : r.comment());
                comment.addClassName("rating-comment");
                row.add(comment);
            }
            rows.add(row);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rating.queue.title");
    }
}
