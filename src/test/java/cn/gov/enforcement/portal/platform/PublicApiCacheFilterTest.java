package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicApiCacheFilterTest {

    @Test
    void only_reads_of_published_data_without_credentials_may_be_kept() {
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/risk-points", false)).isTrue();
        assertThat(PublicApiCacheFilter.cacheable("HEAD", "/api/v1/agencies/sample-traffic-police", false)).isTrue();
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/exemptions.csv", false)).isTrue();
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/openapi.yaml", false)).isTrue();
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/openapiXyaml", false)).isFalse();
        // credentials on a published address: the answer may depend on who asks
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/risk-points", true)).isFalse();
        // a person's or a case's answer, a POST, an address below a published one
        assertThat(PublicApiCacheFilter.cacheable("POST", "/api/v1/exemptions/check", false)).isFalse();
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/exemptions/check", false)).isFalse();
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/self-check/report", false)).isFalse();
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/mediation/status", false)).isFalse();
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/certificates/ZF00000000", false)).isFalse();
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/agencies/x/officers", false)).isFalse();
        assertThat(PublicApiCacheFilter.cacheable("GET", "/api/v1/risk-points/", false)).isFalse();
    }

    @Test
    void only_a_successful_answer_trades_its_no_store_for_a_public_lifetime() {
        assertThat(PublicApiCacheFilter.published(200, "Cache-Control", PublicApiCacheFilter.NO_STORE)).isTrue();
        assertThat(PublicApiCacheFilter.published(406, "Cache-Control", PublicApiCacheFilter.NO_STORE)).isFalse();
        assertThat(PublicApiCacheFilter.published(200, "X-Content-Type-Options", "nosniff")).isFalse();
    }
}
