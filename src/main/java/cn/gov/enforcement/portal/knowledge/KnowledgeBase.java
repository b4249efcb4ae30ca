package cn.gov.enforcement.portal.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Locates the knowledge base, reads its YAML files and runs every {@link KnowledgeLoader}. A file
 * with problems is skipped by its loader; the problems are logged at WARN and kept for the
 * administrators' page. In strict mode ({@code portal.knowledge.strict}) any problem at startup
 * stops the portal.
 */
@Service
public class KnowledgeBase implements SmartLifecycle {

    /**
     * Content is loaded (and indexed) after the search node is up and before the web server opens,
     * so the first request already sees the knowledge base.
     */
    static final int PHASE = 0;

    private volatile boolean started;

    public static final String LABEL_ROOT = "knowledge-base";

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KnowledgeSettings settings;
    private final ObjectProvider<KnowledgeLoader> loaders;
    private final Map<String, LoadReport> lastReports = new LinkedHashMap<>();

    public KnowledgeBase(KnowledgeSettings settings, ObjectProvider<KnowledgeLoader> loaders) {
        this.settings = settings;
        this.loaders = loaders;
    }

    /** The directory in use, or empty when the copy packaged in the jar is used. */
    public java.util.Optional<Path> directory() {
        if (settings.dir() != null) {
            return java.util.Optional.of(settings.dir().toAbsolutePath().normalize());
        }
        Path local = Path.of(LABEL_ROOT);
        if (Files.isDirectory(local)) {
            return java.util.Optional.of(local.toAbsolutePath().normalize());
        }
        return java.util.Optional.empty();
    }

    /** Where content is read from, for people: a directory or {@code classpath:knowledge-base/}. */
    public String location() {
        return directory().map(Path::toString).orElse("classpath:" + LABEL_ROOT + "/");
    }

    /** Every {@code .yaml}/{@code .yml} file directly in the folder, sorted by name. */
    public List<KnowledgeFile> files(String folder) {
        return files(folder, ".yaml", ".yml");
    }

    /** Every file directly in the folder whose name ends with one of {@code extensions}, sorted by name. */
    public List<KnowledgeFile> files(String folder, String... extensions) {
        java.util.function.Predicate<String> wanted = name -> Stream.of(extensions).anyMatch(name::endsWith);
        if (!folder.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("Bad knowledge-base folder name: " + folder);
        }
        List<KnowledgeFile> files = new ArrayList<>();
        try {
            var dir = directory();
            if (dir.isPresent()) {
                Path folderPath = dir.get().resolve(folder);
                if (!Files.isDirectory(folderPath)) {
                    return List.of();
                }
                try (Stream<Path> stream = Files.list(folderPath)) {
                    for (Path path : stream.filter(Files::isRegularFile).filter(p -> wanted.test(p.getFileName().toString()))
                            .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                        files.add(KnowledgeFile.of(LABEL_ROOT + "/" + folder + "/" + path.getFileName(), Files.readAllBytes(path)));
                    }
                }
            } else {
                Resource[] resources = new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:" + LABEL_ROOT + "/" + folder + "/*");
                List<Resource> sorted = Stream.of(resources)
                        .filter(r -> r.getFilename() != null && wanted.test(r.getFilename()))
                        .sorted(Comparator.comparing(Resource::getFilename)).toList();
                for (Resource resource : sorted) {
                    try (InputStream in = resource.getInputStream()) {
                        files.add(KnowledgeFile.of(LABEL_ROOT + "/" + folder + "/" + resource.getFilename(), in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read knowledge base folder " + folder + " from " + location(), e);
        }
        return files;
    }

    @Override
    public void start() {
        if (!started) {
            if (settings.loadOnStart()) {
                loadAtStartup();
            } else {
                log.info("The knowledge base is not loaded at this start (portal.knowledge.load-on-start=false, as for a "
                        + "command-line import); the next start loads it");
            }
            started = true;
        }
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    void loadAtStartup() {
        List<LoadReport> reports = loadAll();
        List<ContentProblem> problems = reports.stream().flatMap(r -> r.problems().stream()).toList();
        if (settings.strict() && !problems.isEmpty()) {
            throw new IllegalStateException("The knowledge base has " + problems.size()
                    + " problem(s) and portal.knowledge.strict is on:\n"
                    + String.join("\n", problems.stream().map(ContentProblem::describe).toList()));
        }
    }

    /** True when the failure, or one of its causes, is the search index's. */
    static boolean searchFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof cn.gov.enforcement.portal.search.SearchIndexException) {
                return true;
            }
        }
        return false;
    }

    /** Runs every loader now; problems are logged at WARN and kept for {@link #problems()}. */
    public synchronized List<LoadReport> loadAll() {
        List<LoadReport> reports = new ArrayList<>();
        log.info("Loading the knowledge base from {}", location());
        for (KnowledgeLoader loader : loaders.orderedStream().toList()) {
            LoadReport report;
            try {
                report = loader.load(this);
            } catch (RuntimeException e) {
                log.error("Loading knowledge-base folder {} failed", loader.folder(), e);
                // a search node that does not answer is no fault of the files: said so, in the reader's language
                report = new LoadReport(loader.folder(), 0, 0, 0, List.of(searchFailure(e)
                        ? new ContentProblem(LABEL_ROOT + "/" + loader.folder(), 0, "", "knowledge.problem.searchUnavailable")
                        : new ContentProblem(LABEL_ROOT + "/" + loader.folder(), 0, "", "knowledge.problem.loadingFailed",
                                e.getMessage())));
            }
            report.problems().forEach(p -> log.warn("{}", p.describe()));
            log.info("Knowledge base folder {}: {} file(s), {} skipped, {} change(s)", report.folder(),
                    report.files(), report.skipped(), report.changed());
            lastReports.put(report.folder(), report);
            reports.add(report);
        }
        return reports;
    }

    /** The reports of the last load, one per folder. */
    public synchronized List<LoadReport> lastReports() {
        return List.copyOf(lastReports.values());
    }

    /** Every problem found by the last load. */
    public synchronized List<ContentProblem> problems() {
        return lastReports.values().stream().flatMap(r -> r.problems().stream()).toList();
    }
}
