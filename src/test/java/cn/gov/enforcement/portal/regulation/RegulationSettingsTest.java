package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Defaults of the ranking settings that are derived from other settings. */
class RegulationSettingsTest {

    private static RegulationSettings.Ranking ranking(Integer depth, Integer candidates) {
        return new RegulationSettings.Ranking(null, null, null, depth, null, null, null, null, null, null, candidates);
    }

    @Test
    void the_dense_search_gathers_five_candidates_per_place_of_its_list_and_at_least_two_hundred() {
        assertThat(new RegulationSettings("", null).ranking().candidates())
                .isEqualTo(5 * new RegulationSettings("", null).ranking().depth());
        assertThat(ranking(400, null).candidates()).isEqualTo(2000);
        assertThat(ranking(20, null).candidates()).isEqualTo(200);
        assertThat(ranking(400, 0).candidates()).as("nonsense falls back to the default").isEqualTo(2000);
        assertThat(ranking(400, 900).candidates()).isEqualTo(900);
    }
}
