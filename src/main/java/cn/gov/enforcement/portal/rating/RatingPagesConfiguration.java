package cn.gov.enforcement.portal.rating;

import cn.gov.enforcement.portal.platform.EntryPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RatingPagesConfiguration {

    /** The staff page of a rating answers 404 for an unknown reference and another agency's rating alike. */
    @Bean
    EntryPages staffRatingPages(RatingService ratings) {
        return EntryPages.forUrlParameter(RatingDetailView.class, reference -> ratings.find(reference).isPresent());
    }
}
