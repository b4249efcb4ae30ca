package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void a_deadline_has_passed_exactly_when_its_start_lies_before_the_earliest_start_due_on_or_after_the_day() {
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int offset = 0; offset < 21; offset++) {
            LocalDate today = first.plusDays(offset);
            for (int days : new int[] {0, 1, 5, 10, 20, 30}) {
                LocalDate earliest = WorkingDays.earliestStartDueOnOrAfter(today, days);
                for (LocalDate start = today.minusDays(60); !start.isAfter(today); start = start.plusDays(1)) {
                    boolean passed = WorkingDays.plus(start, days).isBefore(today);
                    assertThat(start.isBefore(earliest)).as("start %s, %s working days, today %s", start, days, today)
                            .isEqualTo(passed);
                }
            }
        }
    }
}
