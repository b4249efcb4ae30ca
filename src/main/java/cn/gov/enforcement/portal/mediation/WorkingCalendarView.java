package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Administrators enter the working-day calendar of the mediation deadlines per year: the public holidays and the
 * make-up working days on a weekend of the State Council's notice, with the notice named as the source. The page says
 * which of this year and the next are not entered yet (they count Monday to Friday) and lists every save.
 */
@Route("admin/working-days")
@Menu(order = 94, title = "menu.admin.workingDays")
@RolesAllowed("ADMIN")
public class WorkingCalendarView extends Div implements HasDynamicTitle {

    private final transient WorkingCalendar calendar;
    private final transient MediationService service;
    private final int thisYear;
    private final Paragraph status = new Paragraph();
    private final Select<Integer> year = Selects.create();
    private final TextArea holidays = new TextArea();
    private final TextArea makeUpDays = new TextArea();
    private final TextField source = new TextField();
    private final Paragraph saved = new Paragraph();
    private final Paragraph result = new Paragraph();
    private final Grid<WorkingCalendar.Change> log = new Grid<>();
    /** The version of the shown year that the form was filled from, null when the year was not entered. */
    private Integer seenVersion;

    public WorkingCalendarView(WorkingCalendar calendar, MediationService service, Clock clock) {
        this.calendar = calendar;
        this.service = service;
        this.thisYear = LocalDate.now(clock.withZone(service.settings().zone())).getYear();
        addClassName("working-calendar-view");
        add(new H1(getTranslation("mediation.calendar.title")),
                new Paragraph(getTranslation("mediation.calendar.lead")),
                new Paragraph(getTranslation("mediation.calendar.format")));
        status.setId("calendar-status");
        status.addClassName("notice-warning");
        add(status);

        year.setId("calendar-year");
        year.setLabel(getTranslation("mediation.calendar.year"));
        year.setItems(IntStream.rangeClosed(thisYear - 1, thisYear + 2).boxed().toList());
        year.setItemLabelGenerator(String::valueOf);
        year.setValue(calendar.year(thisYear).isPresent() ? thisYear + 1 : thisYear);
        year.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(e.getValue());
            }
        });
        holidays.setId("calendar-holidays");
        holidays.setLabel(getTranslation("mediation.calendar.holidays"));
        holidays.setHelperText(getTranslation("mediation.calendar.holidays.help"));
        holidays.setWidthFull();
        makeUpDays.setId("calendar-makeup");
        makeUpDays.setLabel(getTranslation("mediation.calendar.makeUpDays"));
        makeUpDays.setHelperText(getTranslation("mediation.calendar.makeUpDays.help"));
        makeUpDays.setWidthFull();
        source.setId("calendar-source");
        source.setLabel(getTranslation("mediation.calendar.source"));
        source.setHelperText(getTranslation("mediation.calendar.source.help"));
        source.setMaxLength(TextChecks.browserMaxLength(WorkingCalendar.SOURCE_MAX)); // the server counts characters
        source.setWidthFull();
        saved.setId("calendar-saved");
        saved.addClassName("muted");
        result.setId("calendar-result");
        result.getElement().setAttribute("aria-live", "polite");
        Button save = new Button(getTranslation("mediation.calendar.save"), e -> save());
        save.setId("calendar-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(year, saved, holidays, makeUpDays, source, save, result);

        log.setId("calendar-log");
        // on a phone or a tablet one column instead, each change a short card: the six columns scrolled sideways
        // inside the grid
        cn.gov.enforcement.portal.platform.NarrowWindow.cards(this, log, this::wideColumns, "change",
                getTranslation("mediation.calendar.log.column.change"), this::card);
        log.setAllRowsVisible(true);
        add(new H2(getTranslation("mediation.calendar.log")), log);

        load(year.getValue());
        refresh();
    }

    /** Fills the fields with what is entered for the year. */
    private void wideColumns() {
        log.addColumn(this::at).setKey("at").setHeader(getTranslation("mediation.calendar.log.at")).setAutoWidth(true);
        log.addColumn(WorkingCalendar.Change::username).setKey("user")
                .setHeader(getTranslation("mediation.calendar.log.user")).setAutoWidth(true);
        log.addColumn(c -> String.valueOf(c.year())).setKey("year").setHeader(getTranslation("mediation.calendar.year"))
                .setAutoWidth(true);
        log.addColumn(WorkingCalendar.Change::holidays).setKey("holidays")
                .setHeader(getTranslation("mediation.calendar.log.holidays")).setAutoWidth(true);
        log.addColumn(WorkingCalendar.Change::makeUpDays).setKey("makeUpDays")
                .setHeader(getTranslation("mediation.calendar.log.makeUpDays")).setAutoWidth(true);
        log.addColumn(this::source).setKey("source").setHeader(getTranslation("mediation.calendar.source"))
                .setFlexGrow(1);
    }

    /** A change on a narrow window: its year, then who and when, the days and the source. */
    private Div card(WorkingCalendar.Change c) {
        String colon = getTranslation("mediation.colon");
        return cn.gov.enforcement.portal.platform.NarrowWindow.factCard(getTranslation("mediation.calendar.year") + colon
                + c.year(), colon, getTranslation("mediation.calendar.log.at"), at(c),
                getTranslation("mediation.calendar.log.user"), c.username(),
                getTranslation("mediation.calendar.log.holidays"), String.valueOf(c.holidays()),
                getTranslation("mediation.calendar.log.makeUpDays"), String.valueOf(c.makeUpDays()),
                getTranslation("mediation.calendar.source"), source(c));
    }

    private String at(WorkingCalendar.Change c) {
        return ViewSupport.format(c.at(), service.settings().zone());
    }

    private String source(WorkingCalendar.Change c) {
        return c.source() == null ? getTranslation("mediation.calendar.log.removed") : c.source();
    }

    private void load(int shown) {
        clearErrors();
        result.setText("");
        var entered = calendar.year(shown);
        holidays.setValue(entered.map(y -> ranges(y.holidays())).orElse(""));
        makeUpDays.setValue(entered.map(y -> ranges(y.makeUpDays())).orElse(""));
        source.setValue(entered.map(WorkingCalendar.Year::source).orElse(""));
        showSaved(shown, entered);
    }

    /** Who saved the year last and when, and the version the next save names. */
    private void showSaved(int shown, java.util.Optional<WorkingCalendar.Year> entered) {
        seenVersion = entered.map(WorkingCalendar.Year::version).orElse(null);
        saved.setText(entered.map(y -> getTranslation("mediation.calendar.savedBy", y.updatedBy(),
                        ViewSupport.format(y.updatedAt(), service.settings().zone())))
                .orElseGet(() -> getTranslation("mediation.calendar.notEntered", String.valueOf(shown))));
    }

    private void save() {
        clearErrors();
        Integer shown = year.getValue();
        if (shown == null) {
            year.setErrorMessage(getTranslation("mediation.calendar.error.year", String.valueOf(WorkingCalendar.FIRST_YEAR),
                    String.valueOf(WorkingCalendar.LAST_YEAR)));
            year.setInvalid(true);
            return;
        }
        try {
            var entered = calendar.save(shown, seenVersion, holidays.getValue(), makeUpDays.getValue(),
                    source.getValue());
            load(shown);
            result.setClassName("result-ok");
            result.setText(entered.map(y -> getTranslation("mediation.calendar.savedResult", String.valueOf(shown),
                            String.valueOf(y.holidays().size()), String.valueOf(y.makeUpDays().size())))
                    .orElseGet(() -> getTranslation("mediation.calendar.removedResult", String.valueOf(shown))));
            refresh();
        } catch (WorkingCalendar.ChangedMeanwhile changed) {
            // what was typed stays; the next save replaces the other administrator's entry knowingly
            showSaved(shown, calendar.year(shown));
            result.setClassName("result-bad");
            result.setText(getTranslation("mediation.calendar.error.changed", String.valueOf(shown)));
            refresh();
        } catch (ValidationFailure failure) {
            result.setText(getTranslation("mediation.calendar.notSaved"));
            result.setClassName("result-bad");
            for (var problem : failure.problems()) {
                String message = getTranslation(problem.messageKey(), problem.args());
                switch (problem.field()) {
                    case "makeUpDays" -> invalid(makeUpDays, message);
                    case "source" -> {
                        source.setErrorMessage(message);
                        source.setInvalid(true);
                    }
                    case "year" -> {
                        year.setErrorMessage(message);
                        year.setInvalid(true);
                    }
                    default -> invalid(holidays, message);
                }
            }
        }
    }

    private static void invalid(TextArea field, String message) {
        if (field.isInvalid()) {
            return; // the first problem of a field is shown
        }
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void clearErrors() {
        holidays.setInvalid(false);
        makeUpDays.setInvalid(false);
        source.setInvalid(false);
        year.setInvalid(false);
    }

    /** Which of this year and the next are entered, and the change log. */
    private void refresh() {
        List<Integer> missing = IntStream.of(thisYear, thisYear + 1).filter(y -> calendar.year(y).isEmpty()).boxed()
                .toList();
        status.setText(missing.isEmpty() ? "" : getTranslation("mediation.calendar.missing",
                missing.stream().map(String::valueOf).collect(Collectors.joining(getTranslation("mediation.calendar.and")))));
        status.setVisible(!missing.isEmpty());
        log.setItems(calendar.changes());
    }

    /** The days as the field shows them: consecutive days as one range, one item a line. */
    static String ranges(List<LocalDate> days) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            LocalDate from = days.get(i);
            LocalDate to = from;
            while (i + 1 < days.size() && days.get(i + 1).equals(to.plusDays(1))) {
                to = days.get(++i);
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(from);
            if (!to.equals(from)) {
                text.append(" ~ ").append(to);
            }
        }
        return text.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.calendar.title");
    }
}
