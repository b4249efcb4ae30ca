package cn.gov.enforcement.portal.search;

import cn.gov.enforcement.portal.search.embedded.EmbeddedNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one search node of a test run, started through the same {@link EmbeddedNode} the portal
 * uses, on first use, with its data in {@code target/test-data/search-node} (wiped when the run
 * starts it). A JVM shutdown hook stops it; every Spring integration test of every module points
 * at it through {@code cn.gov.enforcement.portal.IntegrationTest}.
 */
public final class TestSearchNode {

    public static final Path DATA_DIR = Path.of("target", "test-data", "search-node").toAbsolutePath();

    private static EmbeddedNode node;

    private TestSearchNode() {}

    /** Starts the node if needed and returns its base URI, e.g. {@code http://127.0.0.1:43123}. */
    public static synchronized String uri() {
        return node().uri().toString();
    }

    static synchronized EmbeddedNode node() {
        if (node == null) {
            try {
                // a crashed earlier run may have left its node running: stop it before wiping its data
                EmbeddedNode.killStaleNode(DATA_DIR.resolve("search/node.pid"));
                EmbeddedNode.deleteTree(DATA_DIR);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot wipe " + DATA_DIR, e);
            }
            EmbeddedNode started = new EmbeddedNode(EmbeddedNode.Options.defaults(DATA_DIR));
            // EmbeddedNode registers a JVM shutdown hook that stops it when the test JVM exits
            started.start();
            node = started;
        }
        return node;
    }
}
