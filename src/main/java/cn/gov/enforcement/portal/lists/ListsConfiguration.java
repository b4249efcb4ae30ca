package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.knowledge.KnowledgeLoader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ListsSettings.class)
class ListsConfiguration {

    @Bean
    KnowledgeLoader riskPointLoader(ListStore store) {
        return new ListContentLoader(ListKind.RISK_POINTS, store);
    }

    @Bean
    KnowledgeLoader exemptionLoader(ListStore store) {
        return new ListContentLoader(ListKind.EXEMPTIONS, store);
    }

    @Bean
    KnowledgeLoader discretionLoader(ListStore store) {
        return new ListContentLoader(ListKind.DISCRETION, store);
    }
}
