package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    /**
     * An invented calendar (not the State Council's dates of any year): a week off from Tuesday 1 October 2030 to
     * Monday 7 October with the Sunday before and the Saturday after worked, a week off in February with a Saturday
     * worked before it, and New Year's Day 2031 (a Wednesday) off with Saturday 4 January worked.
     */
    static final WorkingDayCalendar INVENTED = new WorkingDayCalendar(
            concat(range("2030-02-04", "2030-02-10"), range("2030-10-01", "2030-10-07"), range("2031-01-01", "2031-01-01")),
            List.of(LocalDate.parse("2030-02-02"), LocalDate.parse("2030-09-29"), LocalDate.parse("2030-10-12"),
                    LocalDate.parse("2031-01-04")));

    @Test
    void without_dates_monday_to_friday_are_the_working_days() {
        WorkingDayCalendar weekdays = WorkingDayCalendar.WEEKDAYS;
        LocalDate friday = LocalDate.of(2026, 3, 6);
        assertThat(weekdays.isEmpty()).isTrue();
        assertThat(weekdays.plus(friday, 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(weekdays.plus(friday, 5)).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(new WorkingDayCalendar(List.of(), List.of()).plus(LocalDate.of(2026, 9, 25), 5))
                .isEqualTo(LocalDate.of(2026, 10, 2));
    }

    @Test
    void a_holiday_week_is_skipped_and_a_make_up_sunday_before_it_counts() {
        LocalDate friday = LocalDate.of(2030, 9, 27);
        // Sunday 29 (worked), Monday 30, then the week off, then Tuesday 8, Wednesday 9 and Thursday 10 October
        assertThat(INVENTED.plus(friday, 5)).isEqualTo(LocalDate.of(2030, 10, 10));
        assertThat(WorkingDayCalendar.WEEKDAYS.plus(friday, 5)).isEqualTo(LocalDate.of(2030, 10, 4));
        assertThat(INVENTED.plus(friday, 1)).as("the make-up Sunday").isEqualTo(LocalDate.of(2030, 9, 29));
        assertThat(INVENTED.plus(LocalDate.of(2030, 9, 30), 1)).isEqualTo(LocalDate.of(2030, 10, 8));
        for (LocalDate day = LocalDate.of(2030, 10, 1); day.isBefore(LocalDate.of(2030, 10, 8)); day = day.plusDays(1)) {
            assertThat(INVENTED.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(INVENTED.plus(LocalDate.of(2030, 10, 3), 1)).as("counted from inside the holiday week")
                .isEqualTo(LocalDate.of(2030, 10, 8));
    }

    @Test
    void a_make_up_saturday_is_a_working_day_and_can_be_the_deadline() {
        assertThat(INVENTED.isWorkingDay(LocalDate.of(2030, 10, 12))).isTrue();
        assertThat(INVENTED.isWorkingDay(LocalDate.of(2030, 10, 13))).isFalse();
        assertThat(INVENTED.plus(LocalDate.of(2030, 10, 11), 1)).isEqualTo(LocalDate.of(2030, 10, 12));
        assertThat(INVENTED.plus(LocalDate.of(2030, 10, 11), 2)).isEqualTo(LocalDate.of(2030, 10, 14));
    }

    @Test
    void a_count_runs_over_the_year_boundary_into_the_next_years_dates() {
        LocalDate newYearsEve = LocalDate.of(2030, 12, 31);
        assertThat(INVENTED.plus(newYearsEve, 1)).as("1 January is off").isEqualTo(LocalDate.of(2031, 1, 2));
        assertThat(INVENTED.plus(newYearsEve, 3)).as("Thursday, Friday, the make-up Saturday")
                .isEqualTo(LocalDate.of(2031, 1, 4));
        assertThat(WorkingDayCalendar.WEEKDAYS.plus(newYearsEve, 1)).isEqualTo(LocalDate.of(2031, 1, 1));
    }

    @Test
    void a_deadline_has_passed_exactly_when_its_start_lies_before_the_earliest_start_due_on_or_after_the_day() {
        for (WorkingDayCalendar calendar : List.of(WorkingDayCalendar.WEEKDAYS, INVENTED)) {
            // every day of a year with holidays and make-up days, and the start days of the 80 days before each
            for (LocalDate today = LocalDate.of(2030, 1, 1); today.isBefore(LocalDate.of(2031, 2, 1));
                    today = today.plusDays(1)) {
                for (int days : new int[] {0, 1, 5, 10, 20, 30}) {
                    LocalDate earliest = calendar.earliestStartDueOnOrAfter(today, days);
                    for (LocalDate start = today.minusDays(80); !start.isAfter(today); start = start.plusDays(1)) {
                        boolean passed = calendar.plus(start, days).isBefore(today);
                        assertThat(start.isBefore(earliest)).as("start %s, %s working days, today %s", start, days, today)
                                .isEqualTo(passed);
                    }
                }
            }
        }
    }

    private static List<LocalDate> range(String from, String to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    @SafeVarargs
    private static List<LocalDate> concat(List<LocalDate>... lists) {
        List<LocalDate> all = new ArrayList<>();
        for (List<LocalDate> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
