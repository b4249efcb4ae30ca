package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarParseTest {

    private static List<LocalDate> parse(String text, List<FieldProblem> problems) {
        return List.copyOf(WorkingCalendar.parse(text, 2030, "holidays", problems));
    }

    @Test
    void dates_and_ranges_in_the_ways_they_are_written() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(parse("2030-10-01 ~ 2030-10-03，2030/1/1、2030年2月4日\n2030-05-01至2030-05-02; 2030-10-02", problems))
                .containsExactly(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 2, 4), LocalDate.of(2030, 5, 1),
                        LocalDate.of(2030, 5, 2), LocalDate.of(2030, 10, 1), LocalDate.of(2030, 10, 2),
                        LocalDate.of(2030, 10, 3));
        assertThat(parse("  ", problems)).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void each_kind_of_mistake_is_named_with_what_was_typed() {
        for (String[] c : new String[][] {
                {"2030-02-30", "mediation.calendar.error.notADate", "2030-02-30"},
                {"2030-10-01 ~ tomorrow", "mediation.calendar.error.format", "2030-10-01~tomorrow"},
                {"2030-10-07~2030-10-01", "mediation.calendar.error.rangeOrder", "2030-10-07~2030-10-01"},
                {"2030-12-31~2031-01-01", "mediation.calendar.error.otherYear", "2030-12-31~2031-01-01"},
                {"2030-01-01~2030-01-02~2030-01-03", "mediation.calendar.error.format", "2030-01-01~2030-01-02~2030-01-03"}}) {
            List<FieldProblem> problems = new ArrayList<>();
            parse(c[0], problems);
            assertThat(problems).as(c[0]).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("holidays");
                assertThat(p.messageKey()).isEqualTo(c[1]);
                assertThat(p.args()[0]).isEqualTo(c[2]);
            });
        }
    }
}
