package cn.gov.enforcement.portal.backup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Administrators see the backup archives and what they hold, and start one now; a progress bar follows a run (the
 * page polls the server while one runs).
 */
@Route("admin/backups")
@Menu(order = 93, title = "menu.admin.backups")
@RolesAllowed("ADMIN")
public class BackupView extends Div implements HasDynamicTitle {

    static final int POLL_MS = 500;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final transient Backups backups;
    private final Button now = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final Paragraph detail = new Paragraph();
    private final Grid<Backups.BackupFile> grid = new Grid<>();
    private final Paragraph none = new Paragraph();

    public BackupView(Backups backups) {
        this.backups = backups;
        addClassName("backup-view");
        add(new H1(getTranslation("backup.title")),
                new Paragraph(lead(backups.databaseKind(), String.join(", ", backups.folders()))),
                new Paragraph(schedule(backups.schedule())),
                new Paragraph(getTranslation("backup.notIncluded")),
                new Paragraph(getTranslation("backup.where", backups.directory().toString(), backups.keep())));
        now.setText(getTranslation("backup.now"));
        now.setId("backup-now");
        now.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        now.addClickListener(e -> {
            if (!backups.start()) {
                status.setText(getTranslation("backup.busy"));
            }
            show();
        });
        progress.setId("backup-progress");
        progress.setMin(0);
        progress.setMax(1);
        status.setId("backup-status");
        status.getElement().setAttribute("aria-live", "polite");
        detail.setId("backup-error-detail");
        detail.addClassName("muted");
        detail.getStyle().set("font-size", "var(--lumo-font-size-s)");
        grid.setId("backup-list");
        // on a phone or a tablet one column instead, each archive a card: the long file name squeezed the time and
        // size out of sight. The column is headed as the wide list's first one (File): headed Archives, it repeated
        // the heading right above the list
        cn.gov.enforcement.portal.platform.NarrowWindow.cards(this, grid, this::wideColumns, "archive",
                getTranslation("backup.name"), f -> cn.gov.enforcement.portal.platform.NarrowWindow.factCard(f.name(),
                        getTranslation("backup.colon"), getTranslation("backup.time"), TIME.format(f.createdAt()),
                        getTranslation("backup.size"), size(f.bytes())));
        grid.setAllRowsVisible(true);
        none.setId("backup-none");
        none.setText(getTranslation("backup.none"));
        add(now, progress, status, detail, new H2(getTranslation("backup.list")), none, grid);
        show();
        cn.gov.enforcement.portal.platform.Polling.whileAttached(this, this::show);
    }

    /** The columns of a wide window: a column per fact. */
    private void wideColumns() {
        grid.addColumn(Backups.BackupFile::name).setKey("name").setHeader(getTranslation("backup.name")).setFlexGrow(2);
        grid.addColumn(f -> TIME.format(f.createdAt())).setKey("time").setHeader(getTranslation("backup.time"))
                .setAutoWidth(true);
        grid.addColumn(f -> size(f.bytes())).setKey("size").setHeader(getTranslation("backup.size")).setAutoWidth(true);
    }

    /** The run under way or the last run's outcome, and the archives. */
    private void show() {
        Backups.Progress p = backups.progress();
        progress.setVisible(p.running());
        progress.setValue(p.fraction());
        now.setEnabled(!p.running());
        if (p.running()) {
            status.setText(getTranslation("backup.running", p.done(), p.total()));
        } else if (p.failure() != null) {
            status.setText(getTranslation("backup.failed", getTranslation(p.failure().messageKey())));
        } else if (p.archive() != null) {
            status.setText(getTranslation("backup.done", p.archive()));
        }
        // the exception as the log has it, for whoever looks into it: below the message, small and muted
        detail.setText(p.running() || p.error() == null ? "" : getTranslation("backup.failedDetail", p.error()));
        detail.setVisible(!detail.getText().isEmpty());
        var files = backups.list();
        grid.setItems(files);
        grid.setVisible(!files.isEmpty());
        none.setVisible(files.isEmpty());
        getUI().ifPresent(ui -> ui.setPollInterval(p.running() ? POLL_MS : -1));
    }

    private String schedule(String cron) {
        return "-".equals(cron) ? getTranslation("backup.schedule.off")
                : Backups.DAILY.equals(cron) ? getTranslation("backup.schedule.daily")
                : getTranslation("backup.schedule.cron", cron);
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("backup.title");
    }

    /** What an archive holds, for the database the portal runs on (H2's online backup, pg_dump, or neither). */
    private String lead(java.util.Optional<String> database, String folders) {
        if (database.isPresent() && database.get().equals("H2")) {
            return getTranslation("backup.lead", folders);
        }
        if (database.isPresent() && database.get().equals(Backups.PG_DUMPED)) {
            return getTranslation("backup.lead.pgDump", folders);
        }
        return getTranslation("backup.lead.external", folders, database.orElse("?"));
    }
}
