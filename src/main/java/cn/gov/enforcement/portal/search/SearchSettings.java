package cn.gov.enforcement.portal.search;

import cn.gov.enforcement.portal.search.embedded.EmbeddedNode;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the search module.
 *
 * @param mode {@code auto} (default): embedded node unless {@code spring.elasticsearch.uris} is
 *     set; {@code embedded}: always start the local node; {@code external}: never start it, use
 *     Boot's {@code spring.elasticsearch.*} properties
 * @param apiKey API key for an external cluster, sent as {@code Authorization: ApiKey <key>}
 * @param bulkBatchSize documents per bulk request when rebuilding an index
 * @param embedded the embedded node
 * @param mergeSegments whether the node is asked to merge a rebuilt index version, and at start a version left in
 *     many segments, into one segment in the background (default true: searches get cheaper)
 */
@ConfigurationProperties(prefix = "portal.search")
public record SearchSettings(Mode mode, String apiKey, int bulkBatchSize, Embedded embedded, Boolean mergeSegments) {

    public enum Mode {
        AUTO,
        EMBEDDED,
        EXTERNAL
    }

    public SearchSettings {
        if (mode == null) {
            mode = Mode.AUTO;
        }
        if (bulkBatchSize <= 0) {
            bulkBatchSize = 500;
        }
        if (embedded == null) {
            embedded = new Embedded(null, null, null, null, 0, 0, null, null, null, null, null, null, null);
        }
        if (mergeSegments == null) {
            mergeSegments = true;
        }
    }

    /**
     * The local node started when no external cluster is configured.
     *
     * @param distribution path of the Elasticsearch {@value EmbeddedNode#VERSION} integ-test zip;
     *     empty: the local Maven repository, then download
     * @param downloadUrl where to download the zip when it is nowhere local (the {@code .sha1}
     *     beside it is verified)
     * @param cacheDir where the distribution is unpacked once; default {@code /var/cache/portal-search}
     *     as root, else {@code ~/.cache/portal-search}
     * @param heap JVM heap of the node
     * @param port HTTP port on 127.0.0.1, 0 picks a free port
     * @param transportPort transport port on 127.0.0.1, 0 picks a free port
     * @param startupTimeout how long to wait for the node to answer
     * @param stopTimeout how long to wait for a graceful stop before killing it
     * @param javaHome the Java installation the node runs on; empty: the newest of Java 21 to 25 found in the
     *     portal's own or {@code /usr/lib/jvm}, else the portal's own (see {@code NodeJava})
     * @param restartDelay how long to wait before a node that died while the portal runs is started again (default
     *     5 s), doubled for every earlier restart within {@code restartWindow}
     * @param restartMaxDelay the longest wait before such a restart (default 1 min)
     * @param restartAttempts how many restarts are tried within {@code restartWindow} (default 5); then the node
     *     stays down until the portal is restarted; 0 switches restarts off
     * @param restartWindow how long a restart counts against {@code restartAttempts} (default 10 min)
     */
    public record Embedded(
            Path distribution,
            String downloadUrl,
            Path cacheDir,
            String heap,
            int port,
            int transportPort,
            Duration startupTimeout,
            Duration stopTimeout,
            Path javaHome,
            Duration restartDelay,
            Duration restartMaxDelay,
            Integer restartAttempts,
            Duration restartWindow) {

        public Embedded {
            if (downloadUrl == null || downloadUrl.isBlank()) {
                downloadUrl = EmbeddedNode.DEFAULT_DOWNLOAD_URL;
            }
            if (cacheDir == null) {
                cacheDir = EmbeddedNode.defaultCacheDir();
            }
            if (heap == null || heap.isBlank()) {
                heap = "512m";
            }
            if (startupTimeout == null) {
                startupTimeout = Duration.ofSeconds(120);
            }
            if (stopTimeout == null) {
                stopTimeout = Duration.ofSeconds(20);
            }
        }

        /** The provisioning options for a node keeping its files under the portal data directory. */
        public EmbeddedNode.Options toOptions(Path portalDataDir) {
            return new EmbeddedNode.Options(distribution, downloadUrl, cacheDir, portalDataDir, heap, port,
                    transportPort, startupTimeout, stopTimeout, javaHome, restartDelay, restartMaxDelay, restartAttempts,
                    restartWindow);
        }
    }
}
