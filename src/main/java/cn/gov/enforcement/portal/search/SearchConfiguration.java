package cn.gov.enforcement.portal.search;

import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.search.embedded.EmbeddedNode;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import org.apache.http.Header;
import org.apache.http.message.BasicHeader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchSettings.class)
class SearchConfiguration {

    /** The local node, only when no external cluster is configured (see {@link EmbeddedModeCondition}). */
    @Bean
    @Conditional(EmbeddedModeCondition.class)
    EmbeddedSearchNode embeddedSearchNode(SearchSettings settings, PortalSettings portal) {
        return new EmbeddedSearchNode(new EmbeddedNode(settings.embedded().toOptions(portal.dataDir())));
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
        return new ElasticsearchSearchIndexes(client, clock, settings.bulkBatchSize(), awaitReady);
    }
}
