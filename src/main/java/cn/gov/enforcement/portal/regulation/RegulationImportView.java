package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.regulation.importer.ImportProblem;
import cn.gov.enforcement.portal.platform.TempFileUploads;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Administrators upload a {@code .zip} or {@code .md}/{@code .txt} files and import them into the regulation
 * store. The import runs in the background (one at a time); a progress bar follows the files read, then the
 * summary and every problem with file and line are shown. While the search index is rebuilt (in the background
 * after the start, or at the end of an import) the page shows that with a progress bar of the articles done; the
 * previous index version answers searches meanwhile. The page polls the server while an import or a rebuild runs.
 *
 * <p>Each uploaded file is streamed to a temporary file, not held in memory; the file is deleted when it is removed
 * from the list, when the page is left with files not imported, or by the import once it has unpacked them.
 */
@Route("admin/regulations/import")
@Menu(order = 92, title = "menu.admin.regulationImport")
@RolesAllowed("ADMIN")
public class RegulationImportView extends Div implements HasDynamicTitle {

    /** How often the browser asks for news while an import runs, in milliseconds. */
    static final int POLL_MS = 500;
    /** The start of the names of the temporary files uploads are streamed to. */
    static final String TEMP_PREFIX = "portal-regulation-upload-";

    private final transient RegulationImportJobs jobs;
    private final List<RegulationImportJobs.UploadedFile> pending = new ArrayList<>();
    /** The temporary files of the uploads, held until an import takes them or they are removed. */
    private final TempFileUploads uploaded = new TempFileUploads(this, TEMP_PREFIX);
    /** Session attribute: this browser session started or followed the last import, whose outcome a reload shows. */
    static final String FOLLOWED = RegulationImportView.class.getName() + ".followed";
    /** True while this page follows an import it did not start (reloaded, or opened while one ran). */
    private boolean following;
    /** The progress last shown while following. */
    private RegulationImportJobs.Progress followed;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Upload upload = new Upload();
    private final Paragraph files = new Paragraph();
    private final Button start = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final Paragraph summary = new Paragraph();
    private final Grid<ImportProblem> problems = new Grid<>();
    /** The heading of {@link #problems}, shown only with it: "problems found" above nothing would alarm. */
    private final H2 problemsTitle = new H2();
    private final Div reindex = new Div();
    private final ProgressBar reindexProgress = new ProgressBar();
    private final Paragraph reindexText = new Paragraph();
    private final H2 reindexTitle = new H2();
    /**
     * True from the start of an import until its outcome is shown: the page keeps polling until then. The import
     * ends (is no longer running) a moment before it hands over its outcome, and a poll in between that stopped
     * polling left the outcome queued for a page that no longer asked for it (a browser test saw the page stay at
     * writing the search index).
     */
    private boolean awaitingOutcome;

    public RegulationImportView(RegulationImportJobs jobs, RegulationSettings settings) {
        this.jobs = jobs;
        addClassName("regulation-import-view");
        cn.gov.enforcement.portal.platform.Polling.whileAttached(this, () -> {
            showIndexRebuild();
            followImport();
        });
        RegulationSettings.Upload limits = settings.upload();
        add(new H1(getTranslation("regulation.upload.title")),
                new Paragraph(getTranslation("regulation.upload.lead", limits.maxFileSize().toMegabytes(),
                        limits.maxUncompressed().toMegabytes(), limits.maxEntries())));

        upload.setId("regulation-upload");
        upload.setI18n(uploadTexts());
        upload.setAcceptedFileTypes(".zip", ".md", ".txt");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxFileSize().toBytes()));
        upload.setUploadHandler(uploaded.handler((metadata, file) -> {
            String name = metadata.fileName();
            getUI().ifPresentOrElse(ui -> ui.access(() -> received(name, file)), () -> uploaded.delete(file));
        }));
        upload.addFileRejectedListener(e -> status.setText(getTranslation("regulation.upload.fileRejected",
                e.getFileName(), e.getErrorMessage())));
        // a file removed from the upload list (its ×) is not imported
        upload.addFileRemovedListener(e -> removed(e.getFileName()));

        files.setId("regulation-import-files");
        start.setText(getTranslation("regulation.upload.start"));
        start.setId("regulation-import-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startImport());
        progress.setId("regulation-import-progress");
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("regulation.upload.progress"));
        status.setId("regulation-import-status");
        status.getElement().setAttribute("role", "status");
        summary.setId("regulation-import-summary");
        problems.setId("regulation-import-problems");
        // on a phone or a tablet one column instead, each problem a card: four columns left the message a sliver
        cn.gov.enforcement.portal.platform.NarrowWindow.cards(this, problems, this::problemColumns, "problem",
                getTranslation("regulation.upload.message"), this::problemCard);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        reindex.setId("regulation-reindex");
        reindex.getElement().setAttribute("role", "status");
        reindexProgress.setId("regulation-reindex-progress");
        reindexProgress.getElement().setAttribute("aria-label", getTranslation("regulation.upload.reindex.progress"));
        reindexText.setId("regulation-reindex-text");
        reindexTitle.setId("regulation-reindex-title");
        reindex.add(reindexTitle, reindexProgress, reindexText);
        reindex.setVisible(false);
        problemsTitle.setText(getTranslation("regulation.upload.problems"));
        problemsTitle.setId("regulation-import-problems-title");
        problemsTitle.setVisible(false);
        add(reindex, upload, files, start, progress, status, summary, problemsTitle, problems);
        showPending();
    }

    /** The texts of the upload component in the reader's language. */
    private UploadI18N uploadTexts() {
        return cn.gov.enforcement.portal.platform.UploadTexts.of(this, "regulation.upload.",
                getTranslation("regulation.upload.error.tooBig"), getTranslation("regulation.upload.error.type"));
    }

    private void received(String name, Path file) {
        pending.add(new RegulationImportJobs.UploadedFile(name, file));
        showPending();
    }

    private void removed(String name) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (pending.get(i).name().equals(name)) {
                uploaded.delete(pending.remove(i).file());
                break;
            }
        }
        showPending();
    }

    /** The problem columns of a wide window: a column per fact. */
    private void problemColumns() {
        problems.addColumn(ImportProblem::file).setKey("file").setHeader(getTranslation("regulation.upload.file"))
                .setAutoWidth(true);
        problems.addColumn(this::line).setKey("line").setHeader(getTranslation("regulation.upload.line"))
                .setAutoWidth(true);
        problems.addColumn(this::severity).setKey("severity").setHeader(getTranslation("regulation.upload.severity"))
                .setAutoWidth(true);
        problems.addColumn(this::message).setKey("message").setHeader(getTranslation("regulation.upload.message"))
                .setFlexGrow(1);
    }

    /** A problem on a narrow window: its message, then the file, the line and the kind. */
    private com.vaadin.flow.component.html.Div problemCard(ImportProblem p) {
        return cn.gov.enforcement.portal.platform.NarrowWindow.factCard(message(p),
                getTranslation("regulation.document.colon"), getTranslation("regulation.upload.file"), p.file(),
                getTranslation("regulation.upload.line"), line(p), getTranslation("regulation.upload.severity"),
                severity(p));
    }

    /** The line of a problem; a problem of the whole file (empty, unreadable) has none. */
    private String line(ImportProblem p) {
        return p.line() > 0 ? Integer.toString(p.line()) : "—";
    }

    private String severity(ImportProblem p) {
        return getTranslation("regulation.upload.severity." + p.severity().name());
    }

    private String message(ImportProblem p) {
        return getTranslation(p.messageKey(), p.args().toArray());
    }

    private void showPending() {
        files.setText(pending.isEmpty() ? getTranslation("regulation.upload.noFiles")
                : getTranslation("regulation.upload.files", String.join(getTranslation("regulation.upload.files.separator"),
                        pending.stream().map(RegulationImportJobs.UploadedFile::name).toList())));
        start.setEnabled(!pending.isEmpty());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        showPending(); // attached again (the detach forgot the files): the list and the button say so
        if (jobs.isRunning()) {
            // started before a reload or on another page: its progress, followed by polling, and then its outcome
            following = true;
            event.getSession().setAttribute(FOLLOWED, Boolean.TRUE);
            progress.setVisible(true);
            RegulationImportJobs.Progress p = jobs.progress();
            progress.setIndeterminate(p.total() == 0);
            showProgress(p.done(), p.total());
            followed = p;
            status.setText(getTranslation("regulation.upload.following"));
            event.getUI().setPollInterval(POLL_MS);
        } else if (event.getSession().getAttribute(FOLLOWED) != null) {
            // this browser session started or followed the last import: its outcome once more, after a reload
            event.getSession().setAttribute(FOLLOWED, null);
            jobs.lastOutcome().ifPresent(this::showOutcome);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        super.onDetach(event);
        // the files not imported go with the page: their temporary files are deleted by the detach as well. Nothing
        // is shown here: a detach may come from the session being destroyed at shutdown, when the translations (the
        // application context) are gone; onAttach shows the empty list if the page is ever attached again
        pending.clear();
    }

    /** While following an import this page did not start: its progress, and its outcome once it ends. */
    private void followImport() {
        if (!following) {
            return;
        }
        if (jobs.isRunning()) {
            RegulationImportJobs.Progress p = jobs.progress();
            // the notice that this page follows an import stays until the import moves on
            if (p.total() > 0 && !p.equals(followed)) {
                followed = p;
                showProgress(p.done(), p.total());
            }
            return;
        }
        following = false;
        jobs.lastOutcome().ifPresent(this::showOutcome);
    }

    /** The last import's outcome, as the page that started it showed it, with the time it ended. */
    private void showOutcome(RegulationImportJobs.Outcome outcome) {
        if (outcome.summary() != null) {
            showSummary(outcome.summary());
        } else {
            showFailure(outcome.messageKey(), outcome.args().toArray());
        }
        status.setText(getTranslation("regulation.upload.lastEnded",
                TIME.format(outcome.at().atZone(java.time.ZoneId.of("Asia/Shanghai")))) + " " + status.getText());
    }

    /**
     * Shows the search index rebuild under way (the one started at start, or the one that ends an import) with
     * its progress, and polls while it runs; shows nothing when none runs.
     */
    private void showIndexRebuild() {
        java.util.Optional<RegulationImportJobs.IndexRebuild> rebuild = jobs.indexRebuild();
        reindex.setVisible(rebuild.isPresent());
        rebuild.ifPresent(r -> {
            reindexProgress.setMin(0);
            reindexProgress.setMax(Math.max(1, r.total()));
            reindexProgress.setValue(Math.min(r.done(), Math.max(1, r.total())));
            // a revision indexes only the changed articles into a copy; a rebuild indexes every article
            String kind = r.revision() ? "revise" : "reindex";
            reindexTitle.setText(getTranslation("regulation.upload." + kind + ".title"));
            reindexText.setText(getTranslation("regulation.upload." + kind + ".text", r.done(), r.total()));
        });
        getUI().ifPresent(ui -> {
            if (rebuild.isPresent()) {
                ui.setPollInterval(POLL_MS);
            } else if (!jobs.isRunning() && !awaitingOutcome) {
                ui.setPollInterval(-1);
            }
        });
    }

    private void startImport() {
        UI ui = UI.getCurrent();
        List<RegulationImportJobs.UploadedFile> files = List.copyOf(pending);
        if (files.isEmpty()) {
            status.setText(getTranslation("regulation.upload.nothing"));
            return;
        }
        summary.setText("");
        problems.setItems(List.of());
        problems.setVisible(false);
        problemsTitle.setVisible(false);
        RegulationImportJobs.Start answer = jobs.start(files, new RegulationImportJobs.Listener() {
            @Override
            public void progress(int done, int total) {
                push(ui, () -> showProgress(done, total));
            }

            @Override
            public void finished(ImportSummary result) {
                push(ui, () -> showSummary(result));
            }

            @Override
            public void failed(String messageKey, Object... args) {
                push(ui, () -> showFailure(messageKey, args));
            }
        });
        if (answer == RegulationImportJobs.Start.BUSY) {
            status.setText(getTranslation("regulation.upload.busy"));
            return;
        }
        ui.getSession().setAttribute(FOLLOWED, Boolean.TRUE);
        awaitingOutcome = true;
        // the import deletes the files once it has unpacked them
        files.forEach(f -> uploaded.release(f.file()));
        pending.clear();
        // the upload list starts empty again: its files are now the import's
        upload.clearFileList();
        showPending();
        start.setEnabled(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        status.setText(getTranslation("regulation.upload.started", files.size()));
        ui.setPollInterval(POLL_MS);
    }

    private static void push(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // the administrator left the page; the import goes on and its outcome is in the log
        }
    }

    private void showProgress(int done, int total) {
        if (total > 0) {
            progress.setIndeterminate(false);
            progress.setMin(0);
            progress.setMax(total);
            progress.setValue(done);
        }
        // the page says in the user's language which phase runs; the index box shows the articles written
        if (total > 0 && done >= total) {
            status.setText(getTranslation("regulation.upload.indexing", total));
            showIndexRebuild();
        } else {
            status.setText(getTranslation("regulation.upload.progressText", done, total));
        }
    }

    private void showSummary(ImportSummary result) {
        awaitingOutcome = false;
        stopPolling();
        progress.setIndeterminate(false);
        progress.setMax(Math.max(1, result.files()));
        progress.setValue(result.files());
        status.setText(getTranslation(result.hasFailures() ? "regulation.upload.doneWithFailures"
                : "regulation.upload.done"));
        summary.setText(getTranslation("regulation.upload.summary", result.files(), result.imported(),
                result.unchanged(), result.failed(), result.articles(), result.corrected()));
        problems.setItems(result.problems());
        problems.setVisible(!result.problems().isEmpty());
        problemsTitle.setVisible(!result.problems().isEmpty());
        showPending();
    }

    private void showFailure(String messageKey, Object... args) {
        awaitingOutcome = false;
        stopPolling();
        progress.setVisible(false);
        // a refused upload imported nothing; an import stopped by an error may have stored documents before it
        String reason = getTranslation(messageKey, args);
        status.setText(RegulationImportJobs.ABORTED.equals(messageKey) ? reason
                : getTranslation("regulation.upload.refused", reason));
        showPending();
    }

    private void stopPolling() {
        showIndexRebuild();
        if (jobs.indexRebuild().isEmpty()) {
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("regulation.upload.title");
    }
}
