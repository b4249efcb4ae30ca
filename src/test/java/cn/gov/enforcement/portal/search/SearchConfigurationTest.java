package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.search.embedded.EmbeddedNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which cluster the portal talks to, and the embedded node's life inside a Spring context. */
class SearchConfigurationTest {

    private static final Path DATA = Path.of("target", "test-data", "spring-embedded").toAbsolutePath();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    ElasticsearchRestClientAutoConfiguration.class, ElasticsearchClientAutoConfiguration.class))
            .withUserConfiguration(SearchConfiguration.class)
            .withBean(PortalSettings.class, () -> new PortalSettings(DATA))
            .withBean(Clock.class, Clock::systemUTC)
            // the node that starts here once took more than the default two minutes on a two-core machine busy with
            // other portals and their nodes; this test is about what the context does, not how fast the node is
            .withPropertyValues("portal.data-dir=" + DATA, "portal.search.embedded.startup-timeout=5m");

    @Test
    void a_configured_cluster_address_means_no_embedded_node() {
        runner.withPropertyValues("spring.elasticsearch.uris=http://search.example:9200").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedSearchNode.class);
            assertThat(context.getBean(ElasticsearchConnectionDetails.class).getNodes().get(0).hostname())
                    .isEqualTo("search.example");
        });
    }

    @Test
    void external_mode_starts_no_node_even_without_an_address() {
        runner.withPropertyValues("portal.search.mode=external")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedSearchNode.class));
    }

    @Test
    void rebuilt_versions_are_merged_unless_switched_off() {
        runner.withPropertyValues("spring.elasticsearch.uris=http://search.example:9200").run(context ->
                assertThat(context.getBean(SearchSettings.class).mergeSegments()).isTrue());
        runner.withPropertyValues("spring.elasticsearch.uris=http://search.example:9200",
                "portal.search.merge-segments=false").run(context ->
                assertThat(context.getBean(SearchSettings.class).mergeSegments()).isFalse());
    }

    @Test
    void an_unknown_mode_fails_with_a_clear_message() {
        runner.withPropertyValues("portal.search.mode=sometimes").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("portal.search.mode must be auto, embedded or external"));
    }

    @Test
    void without_an_address_the_context_runs_its_own_node_and_stops_it_on_close() throws Exception {
        EmbeddedNode.killStaleNode(DATA.resolve("search/node.pid"));
        EmbeddedNode.deleteTree(DATA);
        List<ProcessHandle> family = new ArrayList<>();

        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EmbeddedSearchNode.class);
            EmbeddedSearchNode node = context.getBean(EmbeddedSearchNode.class);
            assertThat(node.node().layout().data()).isEqualTo(DATA.resolve("search/data"));
            assertThat(node.isRunning()).as("lifecycle waited for readiness").isTrue();
            ProcessHandle cli = node.node().processHandle().orElseThrow();
            family.add(cli);
            family.addAll(cli.descendants().toList());

            RestClient rest = context.getBean(RestClient.class);
            assertThat(rest.performRequest(new Request("GET", "/_cluster/health")).getStatusLine().getStatusCode())
                    .isEqualTo(200);
            assertThat(context.getBean(SearchIndexes.class).count("test-items")).isZero();
        });

        assertThat(family).hasSizeGreaterThan(1).noneMatch(ProcessHandle::isAlive);
    }
}
