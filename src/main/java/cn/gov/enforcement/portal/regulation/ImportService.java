package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.regulation.importer.ImportProblem;
import cn.gov.enforcement.portal.regulation.importer.LawRefBookParser;
import cn.gov.enforcement.portal.regulation.importer.PlainTextParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a folder of legal documents into the database and the {@code regulation-articles} index.
 *
 * <p>{@code .md} files are read with {@link LawRefBookParser} (level and region from the LawRefBook folder
 * layout), {@code .txt} files with {@link PlainTextParser}. Each document is written with its articles in
 * one transaction; a document whose content hash is already stored is skipped, so importing the same folder
 * twice writes nothing. After the files, the status of every version of each changed title is decided again
 * ({@link DocumentVersions}) and the index is rebuilt as a new version behind its alias. A file that cannot
 * be read is reported with file and line and the other files go on. One import at a time; an import that finds a
 * rebuild under way (e.g. the background rebuild started at start) waits for it before building its own.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** Progress is reported every this many files (and at the end). */
    static final int PROGRESS_EVERY = 100;

    private final RegulationStore store;
    private final RegulationIndex index;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * An index rebuild at start for a database of at most this many articles runs synchronously; a larger one runs
     * in the background. Tests lower it to see the background rebuild.
     */
    static final long SYNCHRONOUS_REBUILD_UP_TO = 2_000;

    long synchronousRebuildUpTo = SYNCHRONOUS_REBUILD_UP_TO;

    /** How long an import waits between progress lines for a rebuild under way. */
    private static final java.time.Duration AWAIT_STEP = java.time.Duration.ofSeconds(10);

    ImportService(RegulationStore store, RegulationIndex index, PlatformTransactionManager transactionManager,
            Clock clock, @org.springframework.beans.factory.annotation.Value("${portal.regulation.zone:Asia/Shanghai}")
            java.time.ZoneId zone) {
        this.store = store;
        this.index = index;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock.withZone(zone);
    }

    /** Today in the zone of the regulations' dates ({@code portal.regulation.zone}, default Asia/Shanghai). */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Imports every {@code .md} and {@code .txt} file under {@code folder} (or the one file {@code folder}
     * names).
     *
     * @param progress told lines such as {@code imported 120/3500 files, 8,400 articles}
     * @throws IllegalArgumentException when {@code folder} does not exist
     */
    public ImportSummary importFolder(Path folder, Consumer<String> progress) {
        return importFolder(folder, progress, (done, total) -> {});
    }

    /** Told after each file: how many of how many files have been read. */
    @FunctionalInterface
    public interface FileCounter {
        void filesDone(int done, int total);
    }

    /**
     * Like {@link #importFolder(Path, Consumer)}, and tells {@code counter} after every file. Imports in one portal
     * run one after the other.
     */
    public ImportSummary importFolder(Path folder, Consumer<String> progress, FileCounter counter) {
        lock.lock();
        try {
            return importLocked(folder, progress, counter, false);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #importFolder(Path, Consumer)} for the import when the portal starts
     * ({@code portal.regulation.import-on-start}): the files are stored at once, but a large index rebuild they
     * call for runs in the background ({@link #rebuildAtStart}), so that the portal starts without waiting for it.
     */
    public ImportSummary importAtStart(Path folder, Consumer<String> progress) {
        lock.lock();
        try {
            return importLocked(folder, progress, (done, total) -> {}, true);
        } finally {
            lock.unlock();
        }
    }

    private ImportSummary importLocked(Path folder, Consumer<String> progress, FileCounter counter,
            boolean atStart) {
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException("No such folder: " + folder);
        }
        Path root = Files.isDirectory(folder) ? folder : folder.getParent();
        // each file with the path its level and region are read from, worked out once
        Map<Path, String> files = files(folder, root);
        LawRefBookParser lawRefBook = new LawRefBookParser();
        PlainTextParser plainText = new PlainTextParser();
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> changedKeys = new LinkedHashSet<>();
        Set<String> statusKeys = new LinkedHashSet<>();
        int done = 0;
        int imported = 0;
        int unchanged = 0;
        int failed = 0;
        int articles = 0;
        int datesChanged = 0;
        int corrected = 0;
        // documents whose text was replaced in place: the index holds their old text under the same id
        Set<Long> replaced = new LinkedHashSet<>();
        for (Map.Entry<Path, String> entry : files.entrySet()) {
            Path file = entry.getKey();
            String relative = entry.getValue();
            done++;
            List<ImportProblem> fileProblems = new ArrayList<>();
            Optional<LegalDocument> parsed;
            try {
                byte[] bytes = Files.readAllBytes(file);
                parsed = relative.toLowerCase(java.util.Locale.ROOT).endsWith(".md")
                        ? lawRefBook.parse(relative, bytes, fileProblems)
                        : parsePlainText(plainText, relative, bytes, fileProblems);
            } catch (IOException | RuntimeException e) {
                // the administrator sees file and reason; the exception, with server paths and all, goes to the log
                log.warn("Cannot read {}", relative, e);
                fileProblems.add(new ImportProblem(relative, 0, ImportProblem.Severity.ERROR,
                        "regulation.import.unexpected", List.of()));
                parsed = Optional.empty();
            }
            if (parsed.isPresent() && parsed.get().articles().isEmpty()) {
                // whatever the parser: a document without text is not stored
                fileProblems.add(new ImportProblem(relative, 0, ImportProblem.Severity.ERROR,
                        "regulation.import.noArticles", List.of()));
                parsed = Optional.empty();
            }
            problems.addAll(fileProblems);
            if (parsed.isEmpty()) {
                failed++;
                if (fileProblems.stream().noneMatch(p -> p.severity() == ImportProblem.Severity.ERROR)) {
                    problems.add(new ImportProblem(relative, 0, ImportProblem.Severity.ERROR,
                            "regulation.import.noText", List.of()));
                }
            } else {
                LegalDocument document = parsed.get();
                // the statuses of every title read are decided again, so that an import stopped before its end
                // (statuses are decided after the last file) is mended by the next, unchanged files included
                statusKeys.add(document.versionKey());
                // the same text stored already: its dates perhaps read better now (in-force dates from the closing
                // article)
                java.util.OptionalInt datesUpdated = store.updateDatesIfStored(document.contentHash(), inForce(document),
                        repealed(document));
                if (datesUpdated.isPresent()) {
                    unchanged++;
                    if (datesUpdated.getAsInt() > 0) {
                        changedKeys.add(document.versionKey());
                        datesChanged++;
                    }
                    // and its region reads better (河南 → 河南省): stored, and indexed again (the index holds it too)
                    List<Long> regionsUpdated = store.updateRegionIfStored(document.contentHash(), document.region());
                    if (!regionsUpdated.isEmpty()) {
                        changedKeys.add(document.versionKey());
                        replaced.addAll(regionsUpdated);
                    }
                } else {
                    try {
                        // a file changed since its last import (a correction, or read better by a newer portal)
                        // replaces the version it gave in place, instead of standing beside it as a second one of
                        // that date: the document keeps its id, so its address and every permalink to it stay
                        Long kept = transactions.execute(tx -> {
                            List<Long> same = store.sameVersionFrom(document.versionKey(), document.versionDate(),
                                    relative);
                            if (same.isEmpty()) {
                                store.insert(document, inForce(document), repealed(document), clock.instant());
                                return null;
                            }
                            same.stream().skip(1).forEach(store::delete);
                            store.replace(same.get(0), document, inForce(document), repealed(document), clock.instant());
                            return same.get(0);
                        });
                        if (kept == null) {
                            imported++;
                        } else {
                            corrected++;
                            replaced.add(kept);
                        }
                        articles += document.articles().size();
                        changedKeys.add(document.versionKey());
                    } catch (RuntimeException e) {
                        failed++;
                        problems.add(new ImportProblem(relative, 0, ImportProblem.Severity.ERROR,
                                "regulation.import.storeFailed", List.of()));
                        log.warn("Cannot store {}", relative, e);
                    }
                }
            }
            counter.filesDone(done, files.size());
            if (done % PROGRESS_EVERY == 0 || done == files.size()) {
                progress.accept(String.format("imported %d/%d files, %,d articles", done, files.size(), articles));
            }
        }
        long decideStarted = System.nanoTime();
        int statusChanges = decideStatuses(statusKeys, today());
        log.info("Files read and stored; the statuses of {} title(s) decided in {} ms, {} changed; dates of {} unchanged"
                + " file(s) read anew", statusKeys.size(), (System.nanoTime() - decideStarted) / 1_000_000, statusChanges,
                datesChanged);
        boolean changed = !changedKeys.isEmpty() || statusChanges > 0;
        if (atStart) {
            // a rebuild already under way covers an unchanged database
            if (changed || (!index.rebuildActive() && index.isOutOfStep())) {
                rebuildAtStart(progress);
            }
        } else {
            if (index.rebuildActive()) {
                // one rebuild at a time: the one under way (e.g. started at start) ends first; when nothing
                // changed it may leave nothing to do
                progress.accept("waiting for the search index rebuild under way");
                while (!index.awaitRebuild(AWAIT_STEP) && !Thread.currentThread().isInterrupted()) {
                    index.rebuildProgress().ifPresent(p -> progress.accept(String.format(
                            "waiting for the search index rebuild under way: %,d/%,d articles", p.done(), p.total())));
                }
            }
            if (changed || index.isOutOfStep()) {
                progress.accept("indexing articles");
                long indexed = index.bringInStep(progress, replaced);
                progress.accept(String.format("indexed %,d articles", indexed));
            }
        }
        ImportSummary summary = new ImportSummary(files.size(), imported, corrected, unchanged, failed, articles,
                problems);
        log.info(summary.line());
        return summary;
    }

    /**
     * Makes the stored guides match the knowledge base: each valid guide (by its file label) is inserted or, when
     * its content changed, replaced; a guide whose file is gone is removed; files in {@code present} without a
     * valid guide keep their last stored version. Only the changed guides' articles are replaced in the index;
     * the whole index is rebuilt only when it was out of step with the database before (missing, another number
     * of articles, an older mapping), in the background when the database is large ({@link #rebuildAtStart}).
     * While a rebuild runs, the changed guides are applied to the live version and to the new one after the swap.
     *
     * @return the number of guides added, replaced or removed
     */
    int syncGuides(Map<String, LegalDocument> valid, Set<String> present) {
        lock.lock();
        try {
            // while a rebuild runs (or is asked for) the live version's count says nothing: the rebuild brings the
            // index in step, and changes made meanwhile reach the new version (RegulationIndex#update)
            boolean rebuildActive = index.rebuildActive();
            boolean inStep = rebuildActive || !index.isOutOfStep();
            List<String> removedArticles = new ArrayList<>();
            List<Long> added = new ArrayList<>();
            int changed = transactions.execute(tx -> {
                int n = 0;
                for (Map.Entry<String, LegalDocument> e : valid.entrySet()) {
                    LegalDocument guide = e.getValue();
                    List<RegulationStore.StoredDocument> stored = store.documentsBySource(e.getKey());
                    if (stored.size() == 1 && stored.get(0).contentHash().equals(guide.contentHash())) {
                        continue;
                    }
                    stored.forEach(d -> removeGuide(d, removedArticles));
                    added.add(store.insert(guide, null, null, clock.instant()));
                    n++;
                }
                for (RegulationStore.StoredDocument d : store.documentsByLevel(LegalLevel.GUIDE)) {
                    if (!present.contains(d.sourcePath())) {
                        removeGuide(d, removedArticles);
                        n++;
                    }
                }
                return n;
            });
            if (!inStep) {
                log.info("Guides: {} change(s); the index is out of step with the database: {}", changed,
                        rebuildAtStart(log::info));
            } else if (changed > 0) {
                index.update(removedArticles, added);
                log.info("Guides: {} change(s); {} article(s) removed from the index, {} guide(s) indexed", changed,
                        removedArticles.size(), added.size());
            }
            return changed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Rebuilds the out-of-step index: synchronously when the database holds at most {@link #synchronousRebuildUpTo}
     * articles (our own guides, a small test corpus: built in a second or two, so searches right after the start
     * find everything), otherwise in the background ({@link RegulationIndex#rebuildInBackground}) while the old
     * version, if any, keeps serving.
     *
     * @return what was done, for the log
     */
    private String rebuildAtStart(Consumer<String> progress) {
        long articles = store.articleCount();
        if (articles <= synchronousRebuildUpTo) {
            long indexed = index.rebuild(progress);
            return String.format("rebuilt with %,d articles", indexed);
        }
        index.rebuildInBackground();
        progress.accept(String.format("the search index is rebuilt in the background (%,d articles); the previous "
                + "version serves searches until then", articles));
        return String.format("rebuilding %,d articles in the background", articles);
    }

    private void removeGuide(RegulationStore.StoredDocument d, List<String> removedArticles) {
        store.articles(d.id()).forEach(a -> removedArticles.add(RegulationIndex.articleId(d.id(), a.sequence())));
        store.delete(d.id());
    }

    private static Optional<LegalDocument> parsePlainText(PlainTextParser parser, String relative, byte[] bytes,
            List<ImportProblem> problems) {
        return cn.gov.enforcement.portal.regulation.importer.Utf8Text.decode(relative, bytes, problems)
                .flatMap(text -> parser.parse(relative, text, problems));
    }

    /**
     * The path of {@code file} the documents' level and region are read from: from the corpus root on, as in an import
     * of the whole corpus. When {@code root} (the imported folder, or the folder of the imported file) or one of its
     * parents is a folder of the LawRefBook layout, the nearest such folder starts the path
     * ({@code --import=…/lawrefbook/DLC/河南地方法规} gives {@code DLC/河南地方法规/地方性法规/河南/x.md}); otherwise
     * the path starts at {@code root}, where the parser finds the layout under a wrapper folder of an upload
     * ({@code LawRefBook-main/行政法/x.md}). A region folder of DLC without its parent (a zip of {@code 河南地方法规})
     * is put back under {@code DLC/}.
     */
    static String layoutRelative(Path root, Path file) {
        for (Path dir = root; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && LawRefBookParser.isLayoutFolder(dir.getFileName().toString())) {
                return slashes(dir.getParent().relativize(file));
            }
        }
        String relative = slashes(root.relativize(file));
        String[] parts = relative.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (LawRefBookParser.isLayoutFolder(parts[i])) {
                break;
            }
            if (parts[i].endsWith(LOCAL_REGULATIONS)) {
                return "DLC/" + String.join("/", List.of(parts).subList(i, parts.length));
            }
        }
        return relative;
    }

    /** The end of the name of a region folder under DLC/ ({@code 河南地方法规}). */
    private static final String LOCAL_REGULATIONS = "地方法规";

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /**
     * The files to import, in path order, each with its {@link #layoutRelative} path: {@code folder} itself when it is
     * a file, else its Markdown and text files outside the folders the LawRefBook layout skips.
     */
    private static Map<Path, String> files(Path folder, Path root) {
        Map<Path, String> files = new java.util.LinkedHashMap<>();
        if (Files.isRegularFile(folder)) {
            files.put(folder, layoutRelative(root, folder));
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).filter(p -> {
                // 通知.TXT as well: the upload page accepts extensions in either case
                String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return name.endsWith(".md") || name.endsWith(".txt");
            }).sorted(Comparator.comparing(Path::toString)).forEach(p -> {
                String relative = layoutRelative(root, p);
                if (!LawRefBookParser.isSkipped(relative)) {
                    files.put(p, relative);
                }
            });
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decides the status of every version of each title again for {@code today}: a PENDING version whose in-force
     * date has come becomes CURRENT and the version it replaces SUPERSEDED; a version whose repeal date has come
     * becomes REPEALED. The documents whose status changed are revised in the index ({@link
     * RegulationIndex#bringInStep}). Run every day by {@link RegulationStatusSchedule}, so that the version in
     * force is the current one without waiting for the next import.
     *
     * @return the number of documents whose status changed
     */
    int refreshStatuses(LocalDate today) {
        lock.lock();
        try {
            long started = System.nanoTime();
            int changed = decideStatuses(new LinkedHashSet<>(store.versionKeys()), today);
            log.info("Statuses of the regulation versions decided again for {}: {} changed in {} ms", today, changed,
                    (System.nanoTime() - started) / 1_000_000);
            if (changed > 0) {
                index.bringInStep(log::info);
            }
            return changed;
        } finally {
            lock.unlock();
        }
    }

    /** Decides the statuses of the versions of each title in {@code keys}; returns how many changed. */
    private int decideStatuses(Set<String> keys, LocalDate today) {
        int changed = 0;
        for (String key : keys) {
            List<RegulationStore.StoredVersion> stored = store.versions(key);
            List<LegalDocument> stubs = stored.stream().map(ImportService::stub).toList();
            List<LegalDocument> decided = DocumentVersions.group(stubs, today).stream()
                    .flatMap(v -> v.versions().stream()).toList();
            // new status by document id, for the versions whose status changes
            Map<Long, DocumentStatus> changes = new java.util.LinkedHashMap<>();
            for (LegalDocument d : decided) {
                stored.stream().filter(s -> s.contentHash().equals(d.contentHash()) && s.status() != d.status())
                        .forEach(s -> changes.put(s.id(), d.status()));
            }
            if (!changes.isEmpty()) {
                transactions.executeWithoutResult(tx -> changes.forEach(store::updateStatus));
                changed += changes.size();
            }
        }
        return changed;
    }

    private static LegalDocument stub(RegulationStore.StoredVersion v) {
        List<HistoryEvent> history = new ArrayList<>();
        if (v.inForce() != null) {
            history.add(new HistoryEvent(v.inForce(), HistoryEvent.Kind.IN_FORCE, ""));
        }
        if (v.repealed() != null) {
            history.add(new HistoryEvent(v.repealed(), HistoryEvent.Kind.REPEALED, ""));
        }
        return new LegalDocument(v.title(), v.subtitle(), v.level(), "", "", "", history, v.versionDate(),
                DocumentStatus.CURRENT, List.of(), "", v.contentHash());
    }

    private static LocalDate inForce(LegalDocument d) {
        return d.history().stream().filter(e -> e.kind() == HistoryEvent.Kind.IN_FORCE).map(HistoryEvent::date)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static LocalDate repealed(LegalDocument d) {
        return d.history().stream().filter(e -> e.kind() == HistoryEvent.Kind.REPEALED).map(HistoryEvent::date)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
