package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.platform.EntryPages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegulationSettings.class)
class RegulationConfiguration {

    /** A legal document's page answers 404 for an address of no document. */
    @Bean
    EntryPages regulationPages(RegulationCatalog catalog) {
        return EntryPages.forView(RegulationDocumentView.class,
                p -> RegulationDocumentView.documentId(p).map(catalog::exists).orElse(false));
    }
}
