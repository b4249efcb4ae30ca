package cn.gov.enforcement.portal.guidance;

import cn.gov.enforcement.portal.platform.EntryPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GuidancePagesConfiguration {

    /** The staff page of a guidance document answers 404 for an unknown number and another agency's alike. */
    @Bean
    EntryPages staffGuidancePages(GuidanceService guidance) {
        return EntryPages.forUrlParameter(GuidanceDetailView.class, number -> guidance.find(number).isPresent());
    }
}
