package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleAnchorTest {

    @Test
    void an_article_number_is_its_own_anchor_in_either_script() {
        assertThat(RegulationCatalog.anchor("第三十三条", 40)).isEqualTo("第三十三条");
        assertThat(RegulationCatalog.anchor("第十条之一", 12)).isEqualTo("第十条之一");
        assertThat(RegulationCatalog.anchor("第十一條", 11)).isEqualTo("第十一條");
        assertThat(RegulationCatalog.url(7, "第 三十三 条", 40)).isEqualTo("/regulations/7#第三十三条");
    }

    @Test
    void sections_and_items_that_restart_in_every_part_are_named_by_their_place() {
        // （一） comes again under 一、 and 二、 of one document: only the sequence names one of them
        assertThat(RegulationCatalog.anchor("(一)", 5)).isEqualTo("p5");
        assertThat(RegulationCatalog.anchor("（一）", 9)).isEqualTo("p9");
        assertThat(RegulationCatalog.anchor("一、", 3)).isEqualTo("p3");
        assertThat(RegulationCatalog.anchor("1.", 4)).isEqualTo("p4");
        assertThat(RegulationCatalog.anchor("", 2)).isEqualTo("p2");
        assertThat(RegulationCatalog.anchor(null, 1)).isEqualTo("p1");
    }
}
