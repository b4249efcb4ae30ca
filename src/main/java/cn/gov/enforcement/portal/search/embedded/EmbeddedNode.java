package cn.gov.enforcement.portal.search.embedded;

import cn.gov.enforcement.portal.search.DataDirectoryInUseException;
import cn.gov.enforcement.portal.search.SearchNodePortInUseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions and runs one local Elasticsearch node: finds (or downloads) the distribution zip,
 * unpacks it once into a cache directory, prepares per-node config/data/tmp/log directories, starts
 * the node as a child process bound to loopback and stops it again without leaving any process
 * behind. No Spring in here, so that tests start their node through exactly the same code.
 *
 * <p>A node that dies while the portal runs (the kernel's out-of-memory killer, {@code kill -9}) is started again by
 * a watchdog on the same HTTP port, which the portal's Elasticsearch client was built with, while the portal keeps
 * holding the data directory's lock; see {@link Options} for its delays and limits. {@link #stop()} never leads to a
 * restart.
 *
 * <p>When the JVM runs as root the node runs as {@code nobody:nogroup} (Elasticsearch refuses to run
 * as root) via {@code setpriv}; its directories are chowned to that user.
 */
public final class EmbeddedNode implements AutoCloseable {

    public static final String VERSION = "8.19.21";
    public static final String CLUSTER_NAME = "portal";
    public static final String NODE_NAME = "portal-embedded";
    public static final String DEFAULT_DOWNLOAD_URL = "https://repo1.maven.org/maven2/org/elasticsearch/distribution/"
            + "integ-test-zip/elasticsearch/" + VERSION + "/elasticsearch-" + VERSION + ".zip";
    static final String RUN_AS_USER = "nobody";
    static final String RUN_AS_GROUP = "nogroup";
    static final Path FALLBACK_ROOT = Path.of("/var/lib/portal-search");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNode.class);

    /**
     * How to provision the node.
     *
     * @param distribution an explicit distribution zip, or null to look in the local Maven
     *     repository and then download
     * @param downloadUrl where to download the zip from (its {@code .sha1} must sit beside it)
     * @param cacheDir where the distribution is unpacked (once, shared by every node)
     * @param portalDataDir the portal's data directory; the node keeps {@code search/} in it (its data, config,
     *     tmp and logs)
     * @param heap JVM heap of the node, e.g. {@code 512m}
     * @param httpPort HTTP port, 0 to pick a free one
     * @param transportPort transport port, 0 to pick a free one
     * @param startupTimeout how long to wait for the node to become ready
     * @param stopTimeout how long to wait for a graceful stop before killing the node
     * @param javaHome the Java installation the node runs on, or null to choose one ({@link NodeJava})
     * @param restartDelay how long the watchdog waits before it restarts a node that died while the portal runs;
     *     doubled for every earlier restart within {@code restartWindow}
     * @param restartMaxDelay the longest wait before a restart
     * @param restartAttempts how many restarts are tried within {@code restartWindow}; once they are used up the
     *     node stays down until the portal is restarted; 0 switches restarts off
     * @param restartWindow how long a restart counts against {@code restartAttempts}
     */
    public record Options(
            Path distribution,
            String downloadUrl,
            Path cacheDir,
            Path portalDataDir,
            String heap,
            int httpPort,
            int transportPort,
            Duration startupTimeout,
            Duration stopTimeout,
            Path javaHome,
            Duration restartDelay,
            Duration restartMaxDelay,
            Integer restartAttempts,
            Duration restartWindow) {

        public Options {
            if (portalDataDir == null) {
                throw new IllegalArgumentException("portalDataDir is required");
            }
            portalDataDir = portalDataDir.toAbsolutePath().normalize();
            if (downloadUrl == null || downloadUrl.isBlank()) {
                downloadUrl = DEFAULT_DOWNLOAD_URL;
            }
            if (cacheDir == null) {
                cacheDir = defaultCacheDir();
            }
            cacheDir = cacheDir.toAbsolutePath().normalize();
            if (heap == null || !heap.matches("\\d+[kmgKMG]?")) {
                throw new IllegalArgumentException("heap must look like 512m, got " + heap);
            }
            if (httpPort < 0 || httpPort > 65535 || transportPort < 0 || transportPort > 65535) {
                throw new IllegalArgumentException("ports must be between 0 and 65535");
            }
            if (startupTimeout == null) {
                startupTimeout = Duration.ofSeconds(120);
            }
            if (stopTimeout == null) {
                stopTimeout = Duration.ofSeconds(20);
            }
            if (restartDelay == null) {
                restartDelay = Duration.ofSeconds(5);
            }
            if (restartMaxDelay == null) {
                restartMaxDelay = Duration.ofMinutes(1);
            }
            if (restartAttempts == null) {
                restartAttempts = 5;
            }
            if (restartWindow == null) {
                restartWindow = Duration.ofMinutes(10);
            }
            if (restartDelay.isNegative() || restartDelay.isZero() || restartMaxDelay.compareTo(restartDelay) < 0
                    || restartAttempts < 0 || restartWindow.isNegative() || restartWindow.isZero()) {
                throw new IllegalArgumentException("restart delays and window must be positive (the longest delay at "
                        + "least the first), restart attempts not negative");
            }
        }

        /** Defaults for everything except the data directory. */
        public static Options defaults(Path portalDataDir) {
            return new Options(null, null, null, portalDataDir, "512m", 0, 0, null, null, null, null, null, null,
                    null);
        }
    }

    /** The directories the node uses. */
    public record Layout(Path searchDir, Path home, Path data, Path config, Path tmp, Path logs, Path pidFile) {

        /** The node's own log file: Elasticsearch names it after the cluster. */
        public Path logFile() {
            return logs.resolve(CLUSTER_NAME + ".log");
        }

        public Path consoleLog() {
            return logs.resolve("elasticsearch-console.log");
        }
    }

    private final Options options;
    private final boolean root;
    private volatile Layout layout;
    private volatile Path javaHome;
    private volatile int httpPort;
    private volatile Process process;
    private volatile CompletableFuture<Void> launch;
    private volatile DataDirectoryLock lock;
    private volatile boolean ready;
    /** Set by {@link #stop()}, under this object's monitor: from then on no node process may be started. */
    private boolean stopped;
    /** The first start succeeded: from then on the watchdog restarts a node that dies. */
    private volatile boolean wasReady;
    /** The server JVMs the CLI process had spawned when the node became ready. */
    private volatile List<ProcessHandle> servers = List.of();
    /** When the watchdog restarted the node within the restart window, oldest first; guarded by this. */
    private final Deque<Long> restarts = new ArrayDeque<>();
    private final ScheduledExecutorService watchdog;
    /** The sizes of the node's log and console log when the node was last launched: where its own lines begin. */
    private volatile long[] logOffsets = {0, 0};
    private Thread shutdownHook;

    public EmbeddedNode(Options options) {
        this.options = options;
        this.root = runningAsRoot();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "embedded-search-node-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.watchdog = executor;
    }

    public Options options() {
        return options;
    }

    /** Directories of the node; known once {@link #start()} or {@link #startAsync()} ran. */
    public Layout layout() {
        return layout;
    }

    /** The Java installation the node runs on; known once it was launched. */
    public Path javaHome() {
        return javaHome;
    }

    /** The HTTP port, known as soon as starting began. */
    public int httpPort() {
        return httpPort;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The CLI process, or empty before start and after stop. */
    public Optional<ProcessHandle> processHandle() {
        Process p = process;
        return p == null ? Optional.empty() : Optional.of(p.toHandle());
    }

    /**
     * Takes the data directory's lock, picks the port and launches provisioning and the node in the background;
     * returns at once. Call {@link #awaitReady()} where the connection is needed.
     *
     * @throws DataDirectoryInUseException when another process (another portal) holds the data directory's lock:
     *     its node is left alone
     */
    public synchronized CompletableFuture<Void> startAsync() {
        if (launch != null) {
            return launch;
        }
        if (lock == null) {
            lockDataDirectory(); // taken once: a start that failed before its launch keeps the one it took
        }
        // after the lock: a portal running on this data directory is reported as such, not as the user of its ports
        requireFree(options.httpPort(), "portal.search.embedded.port");
        requireFree(options.transportPort(), "portal.search.embedded.transport-port");
        httpPort = options.httpPort() == 0 ? freePort() : options.httpPort();
        CompletableFuture<Void> future = new CompletableFuture<>();
        launch = future;
        Thread thread = new Thread(() -> {
            try {
                launch();
                future.complete(null);
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "embedded-search-node-start");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /**
     * The refusal {@link #startAsync} would meet now because another process (another portal) holds the lock of
     * {@code portalDataDir}; empty when none does. Takes no lock beyond the look.
     */
    public static Optional<DataDirectoryInUseException> dataDirectoryInUse(Path portalDataDir) {
        return DataDirectoryLock.heldByAnotherProcess(portalDataDir);
    }

    /**
     * Holds the data directory's lock ({@link DataDirectoryLock}) before anything of the node is touched: only a node
     * no live process owns may be stopped as one a crashed run left behind.
     */
    private void lockDataDirectory() {
        try {
            lock = DataDirectoryLock.acquire(options.portalDataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + DataDirectoryLock.file(options.portalDataDir()), e);
        }
    }

    /** Starts the node and waits until it is ready. */
    public void start() {
        startAsync();
        awaitReady();
    }

    /**
     * Waits until the node answers {@code /_cluster/health} with at least yellow. Fails with the
     * tail of the node's log when it does not within the startup timeout or dies. Once the node was ready, returns
     * at once: a node that died afterwards is the watchdog's to restart.
     */
    public void awaitReady() {
        if (ready || wasReady) {
            return;
        }
        CompletableFuture<Void> future = launch;
        if (future == null) {
            throw new IllegalStateException("The embedded search node was not started");
        }
        long deadline = System.nanoTime() + options.startupTimeout().toNanos();
        try {
            future.get(options.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded search node", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot start the embedded search node: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            stop();
            throw new IllegalStateException("Provisioning the embedded search node took longer than "
                    + options.startupTimeout());
        }
        String failure;
        try {
            failure = awaitHealthy(process, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded search node", e);
        }
        if (failure == null) {
            log.info("Embedded search node ready at {} (log: {})", uri(), layout.logFile());
            return;
        }
        String tail = logTail();
        String cause = knownCause().map(line -> " Cause: " + line).orElse("");
        stop();
        throw new IllegalStateException("The embedded search node " + failure + "." + cause + " Last lines of "
                + layout.logFile() + " and the console log:\n" + tail);
    }

    /**
     * Polls {@code /_cluster/health} of the node process {@code p} until it answers with at least yellow (then the
     * node is ready), {@code p} exits or the deadline passes.
     *
     * @return null when the node is ready, else what went wrong, to follow the words {@code The embedded search node}
     */
    private String awaitHealthy(Process p, long deadline) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create(uri() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (p == null || !p.isAlive()) {
                return "exited" + (p == null ? "" : " with code " + p.exitValue()) + " before it was ready";
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    synchronized (this) {
                        if (process != p) {
                            return "was stopped before it was ready";
                        }
                        servers = p.descendants().toList();
                        ready = true;
                        wasReady = true;
                    }
                    watchServers(p);
                    return null;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.sleep(250);
        }
        return "did not become ready within " + options.startupTimeout() + " (last answer: " + last + ")";
    }

    public boolean isReady() {
        return ready;
    }

    private Process launch() throws IOException, InterruptedException {
        long started = System.nanoTime();
        ensureNotStopped();
        Path home = provisionDistribution();
        Layout l = prepareLayout(home);
        layout = l;
        ensureNotStopped();
        killStaleNode(l.pidFile());
        removeLauncherLeftovers(l.tmp());
        int transport = options.transportPort() == 0 ? freePort() : options.transportPort();

        Path java = NodeJava.choose(options.javaHome(), Path.of(System.getProperty("java.home")),
                NodeJava.SYSTEM_JVMS);
        javaHome = java;
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + RUN_AS_USER, "--regid=" + RUN_AS_GROUP, "--clear-groups"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        for (String setting : settings(l, transport)) {
            command.add("-E");
            command.add(setting);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", java.toString());
        env.put("ES_JAVA_OPTS", "-Xms" + options.heap() + " -Xmx" + options.heap());
        env.put("ES_PATH_CONF", l.config().toString());
        env.put("ES_TMPDIR", l.tmp().toString());
        // the launcher JVM asks a JVM for its final flags in a new final-flags* folder of its own temporary
        // directory and never removes it: one folder in /tmp per start unless it is the node's tmp, emptied here.
        // The launcher script splits CLI_JAVA_OPTS at spaces, so a tmp path with white space keeps /tmp.
        if (!l.tmp().toString().matches(".*\\s.*")) {
            env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + l.tmp());
        }
        env.remove("JAVA_HOME");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        // the distribution's jvm.options write gc.log, hs_err files and heap dumps relative to the
        // working directory: keep them in the node's log folder, not in the shared distribution
        builder.directory(l.logs().toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(l.consoleLog().toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        logOffsets = new long[] {size(l.logFile()), size(l.consoleLog())};
        Process p;
        synchronized (this) {
            // checked under the monitor stop() takes the process under: a launch it gave up (the startup timeout, the
            // portal closing) cannot start a node after it, and a node started before it is the one stop() ends
            ensureNotStopped();
            p = builder.start();
            process = p;
            installShutdownHook();
        }
        watch(p, p.onExit());
        Files.writeString(l.pidFile(), Long.toString(p.pid()), StandardCharsets.US_ASCII);
        log.info("Started embedded search node (pid {}, {}) on {} in {} ms{}, Java {}; data {}, logs {}",
                p.pid(), VERSION, uri(), Duration.ofNanos(System.nanoTime() - started).toMillis(),
                root ? " as user " + RUN_AS_USER : "", java, l.data(), l.logs());
        return p;
    }

    List<String> settings(Layout l, int transportPort) {
        return List.of(
                "cluster.name=" + CLUSTER_NAME,
                "node.name=" + NODE_NAME,
                // Security is off ONLY because the node listens on the loopback interface alone and
                // nothing but this portal process talks to it. Never bind it to another address.
                "network.host=127.0.0.1",
                "http.port=" + httpPort,
                "transport.port=" + transportPort,
                "discovery.type=single-node",
                "xpack.security.enabled=false",
                // no ingest.geoip.downloader.enabled: this distribution has no ingest-geoip module and
                // refuses the setting as unknown (tested), so there is no downloader to switch off
                "cluster.routing.allocation.disk.threshold_enabled=false",
                "path.data=" + l.data(),
                "path.logs=" + l.logs());
    }

    // ------------------------------------------------------------------ watchdog

    /** Has the watchdog look at node process {@code p} once {@code exit} (of it or of its server JVM) completes. */
    private void watch(Process p, CompletableFuture<?> exit) {
        exit.thenRunAsync(() -> exited(p), watchdog).exceptionally(e -> null); // rejected once stopped
    }

    /** The server JVM may die alone (the out-of-memory killer picks the largest process): watched too. */
    private void watchServers(Process p) {
        for (ProcessHandle server : servers) {
            watch(p, server.onExit());
        }
    }

    /** Node process {@code p} or its server JVM ended: a restart unless the portal stopped it. */
    private void exited(Process p) {
        synchronized (this) {
            if (stopped || process != p || !wasReady) {
                // stopped by the portal; or an earlier report of the same exit, or a failed restart, took care of it;
                // or the first start, which awaitReady() reports
                return;
            }
            process = null;
            ready = false;
        }
        String code = p.isAlive() ? "its server JVM exited" : "it exited with code " + p.exitValue();
        terminate(p.toHandle(), options.stopTimeout());
        terminateServers();
        log.error("The embedded search node (pid {}) stopped although the portal did not stop it: {}. Last lines of "
                + "{} and the console log:\n{}", p.pid(), code, layout.logFile(), logTail());
        scheduleRestart();
    }

    /** The server JVMs of the last ready node that outlived their CLI process. */
    private void terminateServers() {
        for (ProcessHandle server : servers) {
            if (server.isAlive()) {
                terminate(server, options.stopTimeout());
            }
        }
    }

    private synchronized void scheduleRestart() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        while (!restarts.isEmpty() && now - restarts.peekFirst() > options.restartWindow().toNanos()) {
            restarts.removeFirst();
        }
        if (options.restartAttempts() == 0) {
            log.error("The embedded search node is down and restarts are switched off "
                    + "(portal.search.embedded.restart-attempts=0): search stays unavailable until the portal is "
                    + "restarted");
            return;
        }
        if (restarts.size() >= options.restartAttempts()) {
            log.error("The embedded search node is down and is not restarted any more ({} restarts within {}, "
                    + "portal.search.embedded.restart-attempts): search stays unavailable until the portal is "
                    + "restarted", restarts.size(), options.restartWindow());
            return;
        }
        Duration delay = restartDelay(restarts.size());
        restarts.addLast(now);
        log.warn("Restarting the embedded search node on port {} in {} s (restart {} of at most {} within {})",
                httpPort, delay.toMillis() / 1000.0, restarts.size(), options.restartAttempts(),
                options.restartWindow());
        try {
            watchdog.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stop() shut the watchdog down meanwhile
        }
    }

    /** The wait before a restart that follows {@code earlier} restarts within the window. */
    Duration restartDelay(int earlier) {
        Duration delay = options.restartDelay();
        for (int i = 0; i < earlier && delay.compareTo(options.restartMaxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(options.restartMaxDelay()) > 0 ? options.restartMaxDelay() : delay;
    }

    /** Starts the node again on its HTTP port, keeping the data directory's lock. */
    private void restart() {
        Process started = null;
        String failure;
        try {
            started = launch();
            failure = awaitHealthy(started, System.nanoTime() + options.startupTimeout().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | RuntimeException e) {
            failure = "could not be started: " + e;
        }
        if (failure == null) {
            log.info("Embedded search node restarted at {}", uri());
            return;
        }
        Process leftover;
        synchronized (this) {
            if (stopped || (started != null && process != started)) {
                return; // stopped by the portal, or its exit was reported and handled
            }
            // the process this launch started, also when the launch failed after starting it (its pid file not
            // written on a full disk): ended below, or it would run on unknown to stop()
            leftover = process;
            process = null;
            ready = false;
        }
        log.error("Restarting the embedded search node failed: it {}.{} Last lines of {} and the console log:\n{}",
                failure, knownCause().map(line -> " Cause: " + line).orElse(""),
                layout == null ? "its log" : layout.logFile(), logTail());
        if (leftover != null) {
            terminate(leftover.toHandle(), options.stopTimeout());
        }
        scheduleRestart();
    }

    // ------------------------------------------------------------------ distribution

    /** The unpacked distribution's home directory, unpacking (and downloading) it when missing. */
    Path provisionDistribution() throws IOException, InterruptedException {
        Path cache = options.cacheDir();
        if (root && !traversableByNobody(cache.getParent())) {
            Path fallback = Path.of("/var/cache/portal-search");
            log.warn("Search cache directory {} is not reachable by user {}; using {} instead", cache, RUN_AS_USER,
                    fallback);
            cache = fallback;
        }
        Path home = cache.resolve("elasticsearch-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            log.debug("Reusing unpacked search distribution {}", home);
            return home;
        }
        Files.createDirectories(cache);
        openUp(cache);
        Path zip = locateDistribution(cache);
        log.info("Unpacking search distribution {} into {}", zip, home);
        Path tmp = Files.createTempDirectory(cache, ".unpack-");
        try {
            unzip(zip, tmp);
            Path unpacked = tmp.resolve("elasticsearch-" + VERSION);
            if (!Files.isRegularFile(unpacked.resolve("bin/elasticsearch"))) {
                throw new IOException(zip + " does not contain elasticsearch-" + VERSION + "/bin/elasticsearch");
            }
            openUp(tmp);
            try {
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("Cannot move the unpacked distribution atomically into " + home, e);
            } catch (IOException e) {
                // another process unpacked it at the same time: use theirs. Linux's rename onto a folder that is not
                // empty fails with a plain FileSystemException ("Directory not empty"), not DirectoryNotEmptyException
                if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
                    throw e;
                }
                log.info("Search distribution was unpacked concurrently; using {} ({})", home, e.getClass().getSimpleName());
            }
        } finally {
            deleteTree(tmp);
        }
        return home;
    }

    private static void openUp(Path dir) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    Path locateDistribution(Path cache) throws IOException, InterruptedException {
        if (options.distribution() != null) {
            Path zip = options.distribution().toAbsolutePath();
            if (!Files.isRegularFile(zip)) {
                throw new IOException("portal.search.embedded.distribution points to " + zip + ", which is not a file");
            }
            return zip;
        }
        Path m2 = Path.of(System.getProperty("user.home"), ".m2/repository/org/elasticsearch/distribution/integ-test-zip"
                + "/elasticsearch/" + VERSION + "/elasticsearch-" + VERSION + ".zip");
        if (Files.isRegularFile(m2)) {
            return m2;
        }
        Path downloaded = cache.resolve("downloads/elasticsearch-" + VERSION + ".zip");
        if (Files.isRegularFile(downloaded)) {
            return downloaded;
        }
        return download(options.downloadUrl(), downloaded);
    }

    static Path download(String url, Path target) throws IOException, InterruptedException {
        Files.createDirectories(target.getParent());
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        HttpResponse<String> sha = http.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (sha.statusCode() != HttpURLConnection.HTTP_OK) {
            throw new IOException("Cannot download " + url + ".sha1: HTTP " + sha.statusCode());
        }
        String expected = sha.body().trim().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        log.info("Downloading search distribution {} (first start only)", url);
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != HttpURLConnection.HTTP_OK) {
            response.body().close();
            throw new IOException("Cannot download " + url + ": HTTP " + response.statusCode());
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[64 * 1024];
            long done = 0;
            int lastPercent = -10;
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                done += n;
                if (total > 0) {
                    int percent = (int) (done * 100 / total);
                    if (percent >= lastPercent + 10) {
                        lastPercent = percent - percent % 10;
                        log.info("Downloading search distribution: {}% ({} of {} MB)", percent, done >> 20, total >> 20);
                    }
                }
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            Files.deleteIfExists(part);
            throw new IOException("Checksum mismatch for " + url + ": expected SHA-1 " + expected + ", got " + actual);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("Downloaded and verified search distribution into {}", target);
        return target;
    }

    static void unzip(Path zip, Path target) throws IOException {
        Set<PosixFilePermission> dirPerms = PosixFilePermissions.fromString("rwxr-xr-x");
        Set<PosixFilePermission> filePerms = PosixFilePermissions.fromString("rw-r--r--");
        Path normalizedTarget = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = normalizedTarget.resolve(entry.getName()).normalize();
                if (!out.startsWith(normalizedTarget)) {
                    throw new IOException("Zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    setPermissions(out, dirPerms);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                boolean executable = out.getParent().getFileName() != null
                        && out.getParent().getFileName().toString().equals("bin")
                        && !entry.getName().endsWith(".bat") && !entry.getName().endsWith(".exe");
                setPermissions(out, executable ? dirPerms : filePerms);
            }
        }
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> perms) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(perms);
        } else if (perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
            path.toFile().setExecutable(true, false);
        }
    }

    // ------------------------------------------------------------------ node directories

    /** The final-flags folders earlier launches left in the node's tmp (the node is stopped by now). */
    static void removeLauncherLeftovers(Path tmp) throws IOException {
        try (var entries = Files.newDirectoryStream(tmp, "final-flags*")) {
            for (Path leftover : entries) {
                deleteTree(leftover);
            }
        }
    }

    Layout prepareLayout(Path home) throws IOException {
        Path searchDir = options.portalDataDir().resolve("search");
        Files.createDirectories(searchDir);
        Path base = searchDir;
        if (root && !traversableByNobody(options.portalDataDir())) {
            base = FALLBACK_ROOT.resolve(shortHash(options.portalDataDir().toString()));
            log.warn("The portal data directory {} is not reachable by user {}, which the search node runs as; "
                    + "keeping the node's data, config, tmp and logs in {} instead", options.portalDataDir(),
                    RUN_AS_USER, base);
            Files.createDirectories(base);
            openUp(FALLBACK_ROOT);
            openUp(base);
        }
        // the node's logs beside its data, not in <data-dir>/logs: that folder is the portal's own, readable by the
        // portal's account only, where the node (running as nobody when the portal is root) could not write
        Layout l = new Layout(searchDir, home, base.resolve("data"), base.resolve("config"), base.resolve("tmp"),
                base.resolve("logs"), searchDir.resolve("node.pid"));
        for (Path dir : List.of(l.data(), l.config(), l.tmp(), l.logs())) {
            Files.createDirectories(dir);
        }
        copyMissing(home.resolve("config"), l.config());
        if (root) {
            for (Path dir : List.of(l.data(), l.config(), l.tmp(), l.logs())) {
                chownTree(dir);
            }
        }
        return l;
    }

    private static void copyMissing(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (!Files.exists(target)) {
                    Files.copy(file, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void chownTree(Path dir) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(RUN_AS_USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(RUN_AS_GROUP);
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                chown(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                chown(file);
                return FileVisitResult.CONTINUE;
            }

            private void chown(Path p) throws IOException {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        });
    }

    /**
     * Whether user {@code nobody} can reach the given directory: every existing ancestor must be
     * executable for others (or for nobody/nogroup as owner/group).
     */
    static boolean traversableByNobody(Path path) throws IOException {
        if (path == null) {
            return true;
        }
        Path current = path.toAbsolutePath().normalize();
        Deque<Path> chain = new ArrayDeque<>();
        for (Path p = current; p != null; p = p.getParent()) {
            chain.push(p);
        }
        for (Path p : chain) {
            if (!Files.exists(p)) {
                break;
            }
            PosixFileAttributes attrs = Files.readAttributes(p, PosixFileAttributes.class);
            Set<PosixFilePermission> perms = attrs.permissions();
            boolean ok = perms.contains(PosixFilePermission.OTHERS_EXECUTE)
                    || (attrs.owner().getName().equals(RUN_AS_USER) && perms.contains(PosixFilePermission.OWNER_EXECUTE))
                    || (attrs.group().getName().equals(RUN_AS_GROUP) && perms.contains(PosixFilePermission.GROUP_EXECUTE));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String shortHash(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ processes

    /** Kills a node left running by a previous run that crashed, as recorded in the pid file. */
    public static void killStaleNode(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
        Files.deleteIfExists(pidFile);
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            log.warn("Ignoring unreadable search node pid file {}", pidFile);
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        String commandLine = handle.get().info().commandLine().orElse("")
                + " " + handle.get().info().command().orElse("");
        if (!commandLine.contains("elasticsearch")) {
            log.info("Stale search node pid file {} points to pid {}, which is not Elasticsearch; leaving it alone",
                    pidFile, pid);
            return;
        }
        log.warn("Stopping search node pid {} left running by a previous run", pid);
        terminate(handle.get(), Duration.ofSeconds(20));
    }

    /** SIGTERM, wait, then SIGKILL the process and everything it spawned. */
    static void terminate(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> family = new ArrayList<>();
        family.add(handle);
        handle.descendants().forEach(family::add);
        handle.destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && family.stream().anyMatch(ProcessHandle::isAlive)) {
            // the CLI forwards SIGTERM to the server; refresh the list in case it spawned late
            handle.descendants().filter(d -> !family.contains(d)).forEach(family::add);
            sleep(100);
        }
        List<ProcessHandle> survivors = family.stream().filter(ProcessHandle::isAlive).toList();
        if (!survivors.isEmpty()) {
            log.warn("Search node did not stop within {}; killing pids {}", grace,
                    survivors.stream().map(ProcessHandle::pid).toList());
            survivors.forEach(ProcessHandle::destroyForcibly);
            long killDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < killDeadline && survivors.stream().anyMatch(ProcessHandle::isAlive)) {
                sleep(50);
            }
        }
    }

    private synchronized void ensureNotStopped() {
        if (stopped) {
            throw new IllegalStateException("The embedded search node was stopped before it was started");
        }
    }

    /**
     * Stops the node (gracefully, then forcibly) and waits until no process of it is left. A launch still going on
     * in the background starts no process any more; the data directory's lock is released once it has ended (at
     * once when none is going on), so that it touches no file of the node after another portal took the lock.
     */
    public void stop() {
        Process p;
        CompletableFuture<Void> pending;
        synchronized (this) {
            stopped = true;
            p = process;
            process = null;
            ready = false;
            pending = launch;
        }
        // drops a restart that waits for its delay; not shutdownNow(): an interrupt would make terminate() spin in a
        // watchdog thread ending a dead node's remains
        watchdog.shutdown();
        if (p != null) {
            log.info("Stopping embedded search node (pid {})", p.pid());
            terminate(p.toHandle(), options.stopTimeout());
            Layout l = layout;
            if (l != null) {
                try {
                    Files.deleteIfExists(l.pidFile());
                } catch (IOException e) {
                    log.debug("Cannot delete {}", l.pidFile(), e);
                }
            }
        }
        terminateServers();
        boolean watchdogEnded = false;
        try {
            // a restart going on ends soon: it starts no process any more, and one it started was ended above
            watchdogEnded = watchdog.awaitTermination(options.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeShutdownHook();
        // the lock is released once neither the first launch nor a restart can touch the node's files any more, so
        // that they never touch those of a node another portal started after taking it
        CompletableFuture<Void> launchEnded = pending == null ? CompletableFuture.completedFuture(null)
                : pending.handle((ok, failure) -> null);
        if (watchdogEnded) {
            launchEnded.thenRun(this::unlockDataDirectory); // at once when the launch has ended already
        } else {
            log.warn("The search node's watchdog did not end within {}; the data directory stays locked until it has",
                    options.stopTimeout());
            Thread release = new Thread(() -> {
                try {
                    watchdog.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                    launchEnded.thenRun(this::unlockDataDirectory);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "embedded-search-node-unlock");
            release.setDaemon(true);
            release.start();
        }
    }

    private void unlockDataDirectory() {
        DataDirectoryLock held;
        synchronized (this) {
            held = lock;
            lock = null;
        }
        if (held != null) {
            try {
                held.release();
            } catch (IOException e) {
                log.debug("Cannot release the lock {}", DataDirectoryLock.file(options.portalDataDir()), e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void installShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::stop, "embedded-search-node-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private synchronized void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // JVM already shutting down: the hook runs (or ran) anyway
            }
        }
        shutdownHook = null;
    }

    // ------------------------------------------------------------------ helpers

    /** The last lines of the node's log file and console log, for error messages. */
    public String logTail() {
        Layout l = layout;
        if (l == null) {
            return "(no log yet)";
        }
        StringBuilder out = new StringBuilder();
        for (Path file : List.of(l.logFile(), l.consoleLog())) {
            out.append("--- ").append(file).append('\n');
            out.append(String.join("\n", tail(file, 40))).append('\n');
        }
        return out.toString();
    }

    /**
     * Words in a node's log that name why it could not start, for the first line of the error: the node exits with
     * code 1 after a screen of stack frames, and the cause (another process on its port) is far above them.
     */
    static final List<String> KNOWN_CAUSES = List.of("BindHttpException", "BindTransportException",
            "Address already in use", "No space left on device", "AccessDeniedException", "OutOfMemoryError",
            "Could not reserve enough space", "max virtual memory areas", "failed to obtain node locks",
            "UnsupportedClassVersionError");

    /** Why the last launched node failed, when its log or console log names a known cause since its launch. */
    Optional<String> knownCause() {
        Layout l = layout;
        if (l == null) {
            return Optional.empty();
        }
        long[] from = logOffsets;
        return knownCause(l.consoleLog(), from[1]).or(() -> knownCause(l.logFile(), from[0]));
    }

    /**
     * The first line of {@code file} from byte {@code from} on (from its start when the file is shorter, a new
     * one) that holds one of {@link #KNOWN_CAUSES}, trimmed to 400 characters.
     */
    static Optional<String> knownCause(Path file, long from) {
        byte[] bytes;
        try (var channel = Files.newByteChannel(file)) {
            long start = from <= channel.size() ? from : 0;
            channel.position(start);
            bytes = java.nio.channels.Channels.newInputStream(channel).readAllBytes();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
            if (KNOWN_CAUSES.stream().anyMatch(line::contains)) {
                String trimmed = line.strip();
                return Optional.of(trimmed.length() > 400 ? trimmed.substring(0, 400) + "…" : trimmed);
            }
        }
        return Optional.empty();
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Fails at once when a configured port (not 0) cannot be opened on 127.0.0.1, where the node would exit with a
     * bind error after its own start-up.
     *
     * @throws SearchNodePortInUseException naming the port and its setting
     */
    public static void requireFree(int port, String setting) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException | IllegalArgumentException e) {
            throw new SearchNodePortInUseException(port, setting, String.valueOf(e.getMessage()));
        }
    }

    static List<String> tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of("(missing)");
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | UncheckedIOException e) {
            return Collections.singletonList("(unreadable: " + e + ")");
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }

    static boolean runningAsRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Default cache: {@code /var/cache/portal-search} for root, else {@code ~/.cache/portal-search}. */
    public static Path defaultCacheDir() {
        return runningAsRoot()
                ? Path.of("/var/cache/portal-search")
                : Path.of(System.getProperty("user.home"), ".cache", "portal-search");
    }
}
