package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.knowledge.KnowledgeLoader;
import cn.gov.enforcement.portal.platform.EntryPages;
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

    // the public pages of one entry answer 404 for an address of no entry, with the same look-ups as the pages

    @Bean
    EntryPages riskPointPages(ListsCatalog catalog) {
        return EntryPages.forView(RiskPointDetailView.class, p -> catalog.findRiskPoint(p.get("id").orElse("")).isPresent());
    }

    @Bean
    EntryPages exemptionPages(ListsCatalog catalog) {
        return EntryPages.forView(ExemptionDetailView.class, p -> catalog.findExemption(p.get("id").orElse("")).isPresent());
    }

    @Bean
    EntryPages eligibilityCheckPages(ListsCatalog catalog) {
        return EntryPages.forView(EligibilityCheckView.class, p -> catalog.findExemption(p.get("id").orElse("")).isPresent());
    }

    @Bean
    EntryPages discretionPages(ListsCatalog catalog) {
        return EntryPages.forView(DiscretionView.class, p -> DiscretionView.shows(catalog, p.get("agency").orElse(null)));
    }
}
