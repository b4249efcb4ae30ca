package cn.gov.enforcement.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import org.apache.http.Header;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import cn.gov.enforcement.portal.platform.PortalSettings;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SearchSettings.class, EmbeddingSettings.class})
class SearchConfiguration {

    /** Starts the local node early, only when no external cluster is configured (see {@link EmbeddedModeCondition}). */
    @Bean
    @Conditional(EmbeddedModeCondition.class)
    static EmbeddedNodeLauncher embeddedNodeLauncher() {
        return new EmbeddedNodeLauncher();
    }

    /** The local node's lifecycle and connection details. */
    @Bean
    @Conditional(EmbeddedModeCondition.class)
    EmbeddedSearchNode embeddedSearchNode(EmbeddedNodeLauncher launcher) {
        return new EmbeddedSearchNode(launcher.node());
    }

    /**
     * Health component {@code elasticsearch}: this bean's name keeps Boot's own check, which logs a stack trace on
     * every failing call, from being created.
     */
    @Bean
    @ConditionalOnEnabledHealthIndicator("elasticsearch")
    SearchHealthIndicator elasticsearchHealthIndicator(RestClient client) {
        return new SearchHealthIndicator(client);
    }

    /** External clusters secured with an API key: {@code portal.search.api-key}. */
    @Bean
    @ConditionalOnProperty(prefix = "portal.search", name = "api-key")
    RestClientBuilderCustomizer searchApiKeyCustomizer(SearchSettings settings) {
        return builder -> {
            if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + settings.apiKey().trim())});
            }
        };
    }

    @Bean
    ElasticsearchSearchIndexes searchIndexes(ElasticsearchClient client, SearchSettings settings, Clock clock,
            ObjectProvider<EmbeddedSearchNode> embedded) {
        Runnable awaitReady = () -> embedded.ifAvailable(EmbeddedSearchNode::awaitReady);
        return new ElasticsearchSearchIndexes(client, clock, settings.bulkBatchSize(), awaitReady,
                settings.mergeSegments());
    }

    /** The in-process embedding model with its vector cache under {@code <data-dir>/embeddings}. */
    @Bean
    InProcessEmbeddings textEmbeddings(EmbeddingSettings settings, PortalSettings portal) {
        Path dir = settings.cacheDir() != null ? settings.cacheDir() : portal.dataDir().resolve("embeddings");
        return new InProcessEmbeddings(settings, dir);
    }
}
