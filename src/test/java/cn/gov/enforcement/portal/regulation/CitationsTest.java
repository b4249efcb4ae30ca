package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CitationsTest {

    private static RegulationStore.StoredDocument doc(long id, String title, LegalLevel level) {
        return new RegulationStore.StoredDocument(id, title, "", level, "", "", "", null, DocumentStatus.CURRENT,
                "x.md", title, null, null, "hash" + id);
    }

    @Test
    void titles_compare_without_the_country_name_book_marks_spaces_or_traditional_characters() {
        assertThat(Citations.key("中华人民共和国行政处罚法")).isEqualTo("行政处罚法");
        assertThat(Citations.key("《行政处罚法》")).isEqualTo("行政处罚法");
        assertThat(Citations.key("最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释"))
                .isEqualTo(Citations.key("最高人民法院关于适用《民法典》有关担保制度的解释"));
        assertThat(Citations.key("中華人民共和國行政處罰法")).isEqualTo("行政处罚法");
        assertThat(Citations.key("中华人民共和国 民法典")).isEqualTo("民法典");
        assertThat(Citations.key(null)).isEmpty();
    }

    @Test
    void every_mention_by_another_document_counts_but_not_its_own_or_a_guides() {
        Map<Long, RegulationStore.StoredDocument> docs = Map.of(
                1L, doc(1, "中华人民共和国行政处罚法", LegalLevel.LAW),
                2L, doc(2, "某市行政执法办法", LegalLevel.NORMATIVE_DOCUMENT),
                3L, doc(3, "中华人民共和国行政处罚法", LegalLevel.LAW), // an older version of 1
                4L, doc(4, "关于轻微违法不罚的说明", LegalLevel.GUIDE),
                5L, doc(5, "无人引用的规定", LegalLevel.DEPARTMENTAL_RULE));
        List<Object[]> bodies = List.of(
                new Object[] {2L, "依据《中华人民共和国行政处罚法》和《行政处罚法》第三十三条，结合本市实际。"},
                new Object[] {2L, "适用《行政处罚法》。《》《某市行政执法办法》"},
                new Object[] {1L, "本法即《中华人民共和国行政处罚法》，另见《某市行政执法办法》。"},
                new Object[] {3L, "《中华人民共和国行政处罚法》"},
                new Object[] {4L, "《行政处罚法》《行政处罚法》《行政处罚法》"},
                new Object[] {99L, "《行政处罚法》"}); // an article whose document is not in the map
        Consumer<BiConsumer<Long, String>> source = visitor -> bodies.forEach(b -> visitor.accept((Long) b[0],
                (String) b[1]));
        Map<Long, Integer> counts = Citations.count(docs, source);
        assertThat(counts).containsEntry(1L, 3).containsEntry(3L, 3).containsEntry(2L, 1).containsEntry(4L, 0)
                .containsEntry(5L, 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_store_is_read_document_by_document_without_the_guides_with_the_same_counts() {
        Map<Long, RegulationStore.StoredDocument> docs = Map.of(
                1L, doc(1, "中华人民共和国行政处罚法", LegalLevel.LAW),
                2L, doc(2, "某市行政执法办法", LegalLevel.NORMATIVE_DOCUMENT),
                4L, doc(4, "关于轻微违法不罚的说明", LegalLevel.GUIDE));
        Map<Long, List<String>> bodies = Map.of(
                1L, List.of("另见《某市行政执法办法》。"),
                2L, List.of("依据《中华人民共和国行政处罚法》。", "适用《行政处罚法》。"),
                4L, List.of("《行政处罚法》"));
        RegulationStore store = org.mockito.Mockito.mock(RegulationStore.class);
        List<Long> asked = new java.util.ArrayList<>();
        org.mockito.Mockito.doAnswer(call -> {
            BiConsumer<Long, String> visitor = call.getArgument(1);
            for (Long id : (Iterable<Long>) call.getArgument(0)) {
                asked.add(id);
                bodies.get(id).forEach(body -> visitor.accept(id, body));
            }
            return null;
        }).when(store).forEachArticleBody(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        assertThat(Citations.count(store, docs)).containsEntry(1L, 2).containsEntry(2L, 1).containsEntry(4L, 0);
        assertThat(asked).containsExactly(1L, 2L);
    }

    @Test
    void the_prior_grows_with_the_citations_and_is_one_without_weight_or_citations() {
        assertThat(Citations.prior(0, 0.2)).isEqualTo(1.0);
        assertThat(Citations.prior(100, 0)).isEqualTo(1.0);
        assertThat(Citations.prior(-5, 0.2)).isEqualTo(1.0);
        assertThat(Citations.prior(10, 0.2)).isGreaterThan(1.0).isLessThan(Citations.prior(100, 0.2));
        assertThat(Citations.prior(100, 0.2)).isEqualTo(Math.pow(1 + Math.log(101), 0.2), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void a_long_question_drops_only_its_very_common_characters_from_the_single_character_clause() {
        assertThat(RegulationIndex.withoutCommonCharacters("个体工商户的诉讼主体是什么"))
                .isEqualTo("个体工商户 诉讼主体是什么");
        assertThat(RegulationIndex.withoutCommonCharacters("第十条")).isBlank();
        assertThat(RegulationIndex.withoutCommonCharacters("😀商标")).isEqualTo("😀商标");
    }
}
