package cn.gov.enforcement.portal.backup;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backup settings ({@code portal.backup.*}). The schedule itself is {@code portal.backup.cron} (read by the scheduler;
 * {@code -} switches the daily backup off).
 *
 * @param dir where the archives are written; {@code <data-dir>/backups} when not set
 * @param keep how many archives are kept (the oldest are deleted after each successful run); at least 1
 * @param folders the folders of the data directory that hold uploaded files, archived as they are
 * @param pgDump with PostgreSQL, the {@code pg_dump} program to run: empty for the one on the PATH or else the newest
 *     under {@code /usr/lib/postgresql/<version>/bin} (Debian's layout), a path for that program, {@code -} for none
 *     (the database is then left to the operators' own backups)
 */
@ConfigurationProperties(prefix = "portal.backup")
public record BackupSettings(Path dir, Integer keep, List<String> folders, String pgDump) {

    public BackupSettings {
        if (keep == null) {
            keep = 7;
        }
        if (keep < 1) {
            throw new IllegalArgumentException("portal.backup.keep must be at least 1: " + keep);
        }
        if (folders == null) {
            folders = List.of("mediation-evidence");
        }
        for (String folder : folders) {
            if (folder.isBlank() || folder.contains("..") || Path.of(folder).isAbsolute()) {
                throw new IllegalArgumentException("portal.backup.folders must name folders inside the data directory: "
                        + folder);
            }
        }
        folders = List.copyOf(folders);
        pgDump = pgDump == null ? "" : pgDump.strip();
    }
}
