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

    // the back office's pages of one entry, signed in: 404 for an entry the editor's agency does not hold, another
    // agency's alike (the service's look-up, as the signed-in person, decides both, as it does for the pages)

    @Bean
    EntryPages entryFormPages(ListsBackOffice backOffice) {
        return EntryPages.forView(ListEntryEditView.class, p -> {
            ListKind listKind = ListKind.editable(p.get("kind").orElse("")).orElse(null);
            return listKind != null && p.get("id").map(id -> heldEntry(() -> backOffice.entry(id).kind() == listKind))
                    .orElse(true);
        });
    }

    @Bean
    EntryPages entryHistoryPages(ListsBackOffice backOffice) {
        return EntryPages.forView(ListEntryHistoryView.class,
                p -> heldEntry(() -> backOffice.entry(p.get("id").orElse("")) != null));
    }

    @Bean
    EntryPages entryPreviewPages(ListsBackOffice backOffice) {
        return EntryPages.forView(ListEntryPreviewView.class, p -> heldEntry(() -> {
            // the version asked for (?version=N) is part of the address: a version the entry lacks is not found either
            com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
            String id = p.get("id").orElse("");
            return backOffice.preview(id, ListEntryPreviewView.version(id,
                    request == null ? null : request.getParameter("version"))) != null;
        }));
    }

    private static boolean heldEntry(java.util.function.BooleanSupplier lookUp) {
        return EntryPages.found(lookUp, ListEntryNotFoundException.class);
    }
}
