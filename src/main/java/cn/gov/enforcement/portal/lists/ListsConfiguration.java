package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.knowledge.KnowledgeLoader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ListsSettings.class)
class ListsConfiguration {

    @Bean
    KnowledgeLoader riskPointLoader(ListStore store, PublishedLists published) {
        return new ListContentLoader(ListKind.RISK_POINTS, store, published);
    }

    @Bean
    KnowledgeLoader exemptionLoader(ListStore store, PublishedLists published) {
        return new ListContentLoader(ListKind.EXEMPTIONS, store, published);
    }

    @Bean
    KnowledgeLoader discretionLoader(ListStore store, PublishedLists published) {
        return new ListContentLoader(ListKind.DISCRETION, store, published);
    }
}
