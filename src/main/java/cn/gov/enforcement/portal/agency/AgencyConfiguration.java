package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.EntryPages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgencySettings.class)
class AgencyConfiguration {

    /** An agency's public page answers 404 for an agency the directory does not show. */
    @Bean
    EntryPages agencyPages(AgencyDirectory directory) {
        return EntryPages.forView(AgencyDetailView.class, p -> directory.find(p.get("id").orElse("")).isPresent());
    }
}
