package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The effective period that the exemption and risk-point pages (and their previews) state among their facts. */
class ListEntryBodyTest {

    @Test
    void the_period_is_its_first_day_alone_or_its_first_and_last_day() {
        assertThat(ListEntryBody.period(LocalDate.of(2026, 1, 1), null)).isEqualTo("2026-01-01");
        assertThat(ListEntryBody.period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isEqualTo("2026-01-01 – 2026-12-31");
    }
}
