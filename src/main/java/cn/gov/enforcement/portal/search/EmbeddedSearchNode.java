package cn.gov.enforcement.portal.search;

import cn.gov.enforcement.portal.search.embedded.EmbeddedNode;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.context.SmartLifecycle;

/**
 * The embedded node as a Spring bean. The node is launched in the constructor, in the background,
 * so that it boots in parallel with the rest of the application context; the lifecycle
 * {@link #start()} (before the web server opens) waits until it is ready. Its connection details
 * replace Boot's {@code spring.elasticsearch.*} properties.
 */
class EmbeddedSearchNode implements SmartLifecycle, DisposableBean, ElasticsearchConnectionDetails {

    /** Start before the web server, stop after it. */
    static final int PHASE = -1000;

    private final EmbeddedNode node;
    private volatile boolean running;

    EmbeddedSearchNode(EmbeddedNode node) {
        this.node = node;
        node.startAsync();
    }

    EmbeddedNode node() {
        return node;
    }

    void awaitReady() {
        node.awaitReady();
    }

    @Override
    public List<Node> getNodes() {
        return List.of(new Node("127.0.0.1", node.httpPort(), Node.Protocol.HTTP));
    }

    @Override
    public void start() {
        node.awaitReady();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        node.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void destroy() {
        node.stop();
    }
}
