package cn.gov.enforcement.portal.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.backup.Backups;
import org.junit.jupiter.api.Test;

/** The workbench's line for a portal without any backup names the schedule as it is configured. */
class BackupLineTest {

    @Test
    void the_line_without_a_backup_says_whether_and_when_backups_run() {
        assertThat(StaffHomeView.noBackupKey("-")).isEqualTo("staff.home.backupNoneOff");
        assertThat(StaffHomeView.noBackupKey(Backups.DAILY)).isEqualTo("staff.home.backupNone");
        assertThat(StaffHomeView.noBackupKey("0 0 4 * * SUN")).isEqualTo("staff.home.backupNoneScheduled");
    }
}
