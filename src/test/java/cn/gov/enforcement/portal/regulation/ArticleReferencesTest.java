package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleReferencesTest {

    @Test
    void a_law_and_a_number_give_every_tail_of_the_words_before_it_longest_first_and_the_number_as_written() {
        assertThat(ArticleReferences.of("根据劳动合同法第85条")).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo("第八十五条");
            assertThat(r.titles()).containsExactly("根据劳动合同法", "据劳动合同法", "劳动合同法", "动合同法", "合同法", "同法");
        });
        assertThat(ArticleReferences.of("《中华人民共和国民法典》 第五百条").get(0).titles()).first()
                .isEqualTo("中华人民共和国民法典");
        assertThat(ArticleReferences.of("刑法第一百二十条之一").get(0).number()).isEqualTo("第一百二十条之一");
        assertThat(ArticleReferences.of("刑法第１２０条之一").get(0).number()).isEqualTo("第一百二十条之一");
        assertThat(ArticleReferences.of("最高人民法院关于审理劳动争议案件适用法律问题的解释（一）第十条").get(0).titles())
                .first().isEqualTo("最高人民法院关于审理劳动争议案件适用法律问题的解释（一）");
    }

    @Test
    void a_number_joined_to_the_one_before_takes_its_law_and_a_number_alone_is_no_reference() {
        List<ArticleReferences.Reference> two = ArticleReferences.of("行政处罚法第三十二条、第三十三条");
        assertThat(two).extracting(ArticleReferences.Reference::number).containsExactly("第三十二条", "第三十三条");
        assertThat(two.get(1).titles()).isEmpty();
        assertThat(ArticleReferences.of("第三十三条")).isEmpty();
        assertThat(ArticleReferences.of("我想问第三十三条")).singleElement()
                .satisfies(r -> assertThat(r.titles()).contains("我想问"));
        // a sentence in between: the second number is not joined to the first law
        assertThat(ArticleReferences.of("行政处罚法第三十二条。另外，第三十三条")).hasSize(1);
        // one character before a number is no title; a number that is none is skipped
        assertThat(ArticleReferences.of("法第一条")).isEmpty();
        assertThat(ArticleReferences.of("某法第一二三四五六七八条")).isEmpty();
        assertThat(ArticleReferences.of(null)).isEmpty();
        assertThat(ArticleReferences.of("a法第1条b法第2条c法第3条d法第4条e法第5条f法第6条")).isEmpty();
        assertThat(ArticleReferences.of("民法典第1条民法典第2条民法典第3条民法典第4条民法典第5条民法典第6条"))
                .hasSize(ArticleReferences.MAX_REFERENCES);
    }
}
