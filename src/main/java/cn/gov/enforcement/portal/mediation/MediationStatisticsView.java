package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Locale;

/** Mediation statistics per agency and period: officers see their own agency, administrators all. */
@Route("staff/mediation/statistics")
@RolesAllowed({"OFFICER", "ADMIN"})
public class MediationStatisticsView extends Div implements HasDynamicTitle {

    private final transient MediationStatistics statistics;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<MediationStatistics.AgencyFigures> grid = new Grid<>();
    private final Span error = new Span();
    private final transient MediationService service;

    public MediationStatisticsView(MediationStatistics statistics, MediationService service) {
        this.statistics = statistics;
        this.service = service;
        add(new H1(getTranslation("mediation.stats.title")), new Paragraph(getTranslation("mediation.stats.lead")));
        LocalDate today = LocalDate.now(service.settings().zone());
        cn.gov.enforcement.portal.platform.DatePickers.localize(from, this);
        from.setId("mediation-stats-from");
        from.setLabel(getTranslation("mediation.stats.from"));
        from.setValue(today.withDayOfYear(1));
        cn.gov.enforcement.portal.platform.DatePickers.localize(to, this);
        to.setId("mediation-stats-to");
        to.setLabel(getTranslation("mediation.stats.to"));
        to.setValue(today);
        Button show = new Button(getTranslation("mediation.stats.show"), e -> refresh());
        show.setId("mediation-stats-show");
        HorizontalLayout period = new HorizontalLayout(from, to, show);
        period.setId("mediation-stats-period");
        period.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        // on a phone the two dates and the button take rows of their own instead of widening the page
        period.setWrap(true);
        error.setId("mediation-stats-error");
        error.addClassName("error");
        // a refused period is announced as it appears
        error.getElement().setAttribute("role", "alert");
        grid.setId("mediation-stats-grid");
        // on a phone or a tablet one column instead, each agency a card of its figures: the six columns scrolled
        // sideways inside the grid
        cn.gov.enforcement.portal.platform.NarrowWindow.cards(this, grid, this::wideColumns, "figures",
                getTranslation("mediation.queue.agency"), this::card);
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        add(period, error, grid);
        refresh();
    }

    /** The columns of a wide window: the agency takes the room left, the figures are as wide as their headers. */
    private void wideColumns() {
        grid.addColumn(this::agency).setKey("agency").setHeader(getTranslation("mediation.queue.agency"))
                .setWidth("10rem").setFlexGrow(1);
        grid.addColumn(MediationStatistics.AgencyFigures::applications).setKey("applications")
                .setHeader(getTranslation("mediation.stats.applications")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> percent(f.acceptanceRate())).setKey("acceptanceRate")
                .setHeader(getTranslation("mediation.stats.acceptanceRate")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> percent(f.agreementRate())).setKey("agreementRate")
                .setHeader(getTranslation("mediation.stats.agreementRate")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MediationStatisticsView::averageDays).setKey("averageDays")
                .setHeader(getTranslation("mediation.stats.averageDaysToOutcome")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MediationStatistics.AgencyFigures::overdue).setKey("overdue")
                .setHeader(getTranslation("mediation.stats.overdue")).setAutoWidth(true).setFlexGrow(0);
    }

    /** An agency's figures on a narrow window: its name, then each figure with its label. */
    private Div card(MediationStatistics.AgencyFigures f) {
        return cn.gov.enforcement.portal.platform.NarrowWindow.factCard(agency(f), getTranslation("mediation.colon"),
                getTranslation("mediation.stats.applications"), String.valueOf(f.applications()),
                getTranslation("mediation.stats.acceptanceRate"), percent(f.acceptanceRate()),
                getTranslation("mediation.stats.agreementRate"), percent(f.agreementRate()),
                getTranslation("mediation.stats.averageDaysToOutcome"), averageDays(f),
                getTranslation("mediation.stats.overdue"), String.valueOf(f.overdue()));
    }

    private String agency(MediationStatistics.AgencyFigures f) {
        return service.agencyName(f.agencyId(), getLocale());
    }

    private static String averageDays(MediationStatistics.AgencyFigures f) {
        return f.averageDaysToOutcome() == null ? "—" : String.format(Locale.ROOT, "%.1f", f.averageDaysToOutcome());
    }

    private static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }

    private void refresh() {
        if (cn.gov.enforcement.portal.platform.DatePickers.markUnreadable(this, from, to)) {
            error.setText(getTranslation("platform.date.badInput"));
            return;
        }
        try {
            grid.setItems(statistics.figures(from.getValue(), to.getValue()));
            error.setText("");
            markPeriod(null);
        } catch (ValidationFailure failure) {
            String message = getTranslation(failure.problems().get(0).messageKey(), failure.problems().get(0).args());
            error.setText(message);
            markPeriod(message);
        } catch (CaseNotFoundException noAgency) {
            error.setText(getTranslation("mediation.stats.noAgency"));
        }
    }

    /** Marks both date pickers invalid with the period's error, or valid again when {@code message} is null. */
    private void markPeriod(String message) {
        for (DatePicker picker : new DatePicker[] {from, to}) {
            picker.setInvalid(message != null);
            picker.setErrorMessage(message);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.stats.title");
    }
}
