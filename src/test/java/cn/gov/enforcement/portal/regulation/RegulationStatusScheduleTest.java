package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/** The daily decision of the versions' statuses: for the import service's today, never failing the scheduler. */
class RegulationStatusScheduleTest {

    @Test
    void decides_the_statuses_for_today_and_a_failure_is_logged_not_thrown() {
        ImportService imports = mock(ImportService.class);
        LocalDate today = LocalDate.of(2026, 12, 4);
        when(imports.today()).thenReturn(today);
        when(imports.refreshStatuses(today)).thenReturn(2).thenThrow(new IllegalStateException("database away"));
        RegulationStatusSchedule schedule = new RegulationStatusSchedule(imports);

        schedule.refresh();
        assertThatCode(schedule::refresh).doesNotThrowAnyException();

        verify(imports, org.mockito.Mockito.times(2)).refreshStatuses(today);
    }

    @Test
    void runs_shortly_after_midnight_china_time_and_can_be_switched_off() throws Exception {
        Method refresh = RegulationStatusSchedule.class.getDeclaredMethod("refresh");
        Scheduled scheduled = refresh.getAnnotation(Scheduled.class);
        assertThat(scheduled.cron()).isEqualTo("${portal.regulation.status-cron:0 5 0 * * *}");
        assertThat(scheduled.zone()).isEqualTo("${portal.regulation.zone:Asia/Shanghai}");
    }
}
