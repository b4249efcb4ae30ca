package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuideSpreadTest {

    @Test
    void a_guide_keeps_two_sections_where_they_rank_and_its_others_follow_every_other_hit() {
        // g1-* are sections of guide 1, g2-* of guide 2, the others articles of laws
        List<String> ranked = List.of("g1-1", "g1-2", "g1-3", "law-a", "g2-1", "g1-4", "law-b", "g2-2", "g2-3", "law-c");
        Set<String> guides = Set.of("g1-1", "g1-2", "g1-3", "g1-4", "g2-1", "g2-2", "g2-3");
        Map<String, Long> documents = Map.of("g1-1", 1L, "g1-2", 1L, "g1-3", 1L, "g1-4", 1L, "g2-1", 2L, "g2-2", 2L,
                "g2-3", 2L, "law-a", 10L, "law-b", 11L, "law-c", 12L);
        assertThat(RegulationIndex.spreadGuides(ranked, guides, documents, 2))
                .containsExactly("g1-1", "g1-2", "law-a", "g2-1", "law-b", "g2-2", "law-c", "g1-3", "g1-4", "g2-3");
    }

    @Test
    void without_guides_or_with_few_sections_nothing_moves() {
        List<String> ranked = List.of("a", "b", "g-1", "c");
        assertThat(RegulationIndex.spreadGuides(ranked, Set.of(), Map.of(), 2)).isSameAs(ranked);
        assertThat(RegulationIndex.spreadGuides(ranked, Set.of("g-1"), Map.of("g-1", 5L), 2))
                .containsExactlyElementsOf(ranked);
    }
}
