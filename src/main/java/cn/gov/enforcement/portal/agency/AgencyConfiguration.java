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

    /**
     * The staff page of an agency answers 404 for an agency the signed-in person may not see, as for an unknown one
     * (the page says 未找到 for both); without an id it shows the person's own agency or the administrator's picker.
     */
    @Bean
    EntryPages staffAgencyPages(AgencyStaffService staff) {
        return EntryPages.forView(StaffAgencyView.class, p -> p.get("id")
                .map(id -> EntryPages.found(() -> staff.agency(id).isPresent(), AgencyNotFoundException.class))
                .orElse(true));
    }

    /** The agency form answers 404 for an agency the signed-in editor may not edit, as for an unknown one. */
    @Bean
    EntryPages agencyFormPages(AgencyBackOffice backOffice) {
        return EntryPages.forView(AgencyEditView.class, p -> p.get("id")
                .map(id -> EntryPages.found(() -> backOffice.edit(id) != null, AgencyNotFoundException.class))
                .orElse(true));
    }
}
