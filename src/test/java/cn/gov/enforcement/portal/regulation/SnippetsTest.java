package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    private static String plain(String html) {
        return html.replaceAll("</?em>", "");
    }

    @Test
    void characters_a_zh_tw_reader_writes_for_other_simplified_ones_mark_them() {
        assertThat(Snippets.of("保持干燥，并书面答复。", "乾燥", List.of())).isEqualTo("保持<em>干燥</em>，并书面答复。");
        assertThat(Snippets.of("应当了解情况，并书面答复。", "答覆", List.of())).isEqualTo("应当了解情况，并书面<em>答复</em>。");
    }

    @Test
    void a_short_article_is_shown_whole_with_every_occurrence_of_the_question_words_marked() {
        assertThat(Snippets.of("租赁物交付承租人，租赁期满返还租赁物。", "租赁", List.of()))
                .isEqualTo("<em>租赁</em>物交付承租人，<em>租赁</em>期满返还<em>租赁</em>物。");
    }

    @Test
    void a_character_of_the_question_is_not_marked_alone_where_the_question_pairs_it() {
        // 工 of 工资 is not marked in 工作; 拖欠 and 工资 are
        assertThat(Snippets.of("拖欠工资的，延长工作时间的。", "公司拖欠工资", List.of()))
                .isEqualTo("<em>拖欠工资</em>的，延长工作时间的。");
        // 占 stands between particles (被, 了) in the question: it is marked alone; 房 of 房子 is not
        assertThat(Snippets.of("房屋被占用。", "房子被占了", List.of())).isEqualTo("房屋被<em>占</em>用。");
        // words that ask (怎么办) are not marked, nor particles (了) when single characters stand in for words
        assertThat(Snippets.of("房屋被占用的，具体办法由了解情况的部门规定。", "房子被占了怎么办", List.of()))
                .isEqualTo("房屋被<em>占</em>用的，具体办法由了解情况的部门规定。");
        assertThat(Snippets.of("为了公共利益，具体办法另定。", "房子被占了怎么办", List.of()))
                .isEqualTo("为了公共利益，具体办法另定。");
    }

    @Test
    void common_characters_are_marked_beside_a_rarer_one_and_particles_never() {
        String common = "机的人民法院理行政";
        assertThat(Snippets.of("醉酒驾驶机动车的，吊销机动车驾驶证。", "醉酒驾驶机动车的", common, List.of()))
                .isEqualTo("<em>醉酒驾驶机动车</em>的，吊销<em>机动车驾驶</em>证。");
        // 人民, 民法 and 法院 are pairs of common characters; 审理 has a rarer one
        assertThat(Snippets.of("人民法院依法审理。", "人民法院审理", common, List.of()))
                .isEqualTo("人民法院依法<em>审理</em>。");
        assertThat(Snippets.of("申请行政调解的，行政机关审理。", "行政调解如何申请", common, List.of()))
                .isEqualTo("<em>申请行政调解</em>的，行政机关审理。");
        assertThat(Snippets.of("劳动者的工作时间。", "劳动者的工资", common, List.of()))
                .isEqualTo("<em>劳动者</em>的工作时间。");
    }

    @Test
    void an_article_sharing_no_word_with_the_question_has_its_single_characters_marked() {
        assertThat(Snippets.of("出租人应当按照约定将租赁物交付承租人。", "房租", List.of()))
                .isEqualTo("出<em>租</em>人应当按照约定将<em>租</em>赁物交付承<em>租</em>人。");
    }

    @Test
    void legal_terms_are_marked_as_a_whole_and_adjacent_marks_merge() {
        assertThat(Snippets.of("承租人可以请求出租人在合理期限内维修。", "", List.of("出租人")))
                .isEqualTo("承租人可以请求<em>出租人</em>在合理期限内维修。");
        assertThat(Snippets.of("押金应当退还。", "押金", List.of("退还")))
                .isEqualTo("<em>押金</em>应当<em>退还</em>。");
    }

    @Test
    void simplified_questions_mark_traditional_articles_and_the_article_keeps_its_script() {
        assertThat(Snippets.of("行政機關應當依法履行職責。", "机关", List.of("职责")))
                .isEqualTo("行政<em>機關</em>應當依法履行<em>職責</em>。");
    }

    @Test
    void latin_words_and_numbers_are_marked_as_whole_words_ignoring_case() {
        assertThat(Snippets.of("APP运营者不得收集与App服务无关的信息，apple 不算。", "app", List.of()))
                .isEqualTo("<em>APP</em>运营者不得收集与<em>App</em>服务无关的信息，apple 不算。");
        assertThat(Snippets.of("罚款20万元以上200万元以下", "20万", List.of()))
                .isEqualTo("罚款<em>20万</em>元以上200<em>万</em>元以下");
    }

    @Test
    void html_in_the_text_is_escaped() {
        assertThat(Snippets.of("a<b>&\"c'", "b", List.of())).isEqualTo("a&lt;<em>b</em>&gt;&amp;&quot;c&#x27;");
    }

    @Test
    void a_long_article_is_cut_where_the_question_words_are_densest_starting_a_sentence() {
        String filler = "本条规定适用于一般情形，有关部门应当依照职权做好相应工作。".repeat(6);
        String answer = "用人单位拖欠劳动报酬的，劳动者可以向人民法院申请支付令。";
        String text = filler + answer + filler;
        String snippet = Snippets.of(text, "拖欠报酬支付令", List.of("劳动报酬"));
        assertThat(snippet).startsWith("…用人单位<em>拖欠劳动报酬</em>的").endsWith("…");
        assertThat(plain(snippet).replace("…", "")).hasSize(Snippets.LENGTH);
        assertThat(snippet).contains("<em>支付令</em>");
    }

    @Test
    void a_window_starting_inside_a_clause_moves_on_to_the_next_clause_when_that_skips_no_mark() {
        String filler = "无关内容".repeat(30);
        // a little context before the first mark would start the window at "一的，"
        String text = filler + "有下列情形之一的，用人单位应当向劳动者支付经济补偿" + filler;
        String snippet = Snippets.of(text, "", List.of("经济补偿", "劳动者"));
        assertThat(snippet).startsWith("…用人单位应当向<em>劳动者</em>支付<em>经济补偿</em>无关内容");
        assertThat(plain(snippet).replace("…", "")).hasSize(Snippets.LENGTH);
    }

    @Test
    void an_article_without_any_question_word_shows_its_beginning() {
        String text = "第一句。".repeat(50);
        String snippet = Snippets.of(text, "押金", List.of());
        assertThat(snippet).doesNotContain("<em>").startsWith("第一句。").endsWith("…");
        assertThat(snippet).hasSize(Snippets.LENGTH + 1);
    }

    @Test
    void the_window_with_more_distinct_words_wins_over_one_repeating_a_single_word() {
        String repeated = "甲甲甲甲甲甲甲甲甲甲甲甲，";
        String padding = "无关内容无关内容无关内容无关内容无关内容无关内容无关内容无关内容无关内容无关内容。".repeat(4);
        String text = repeated + padding + "甲乙丙同时出现。" + padding;
        String snippet = Snippets.of(text, "甲乙丙", List.of());
        assertThat(snippet).startsWith("…<em>甲乙丙</em>同时出现。");
    }

    @Test
    void empty_text_or_question_give_no_marks_and_no_error() {
        assertThat(Snippets.of("", "押金", List.of())).isEmpty();
        assertThat(Snippets.of(null, "押金", null)).isEmpty();
        assertThat(Snippets.of("押金应当退还。", null, null)).isEqualTo("押金应当退还。");
        assertThat(Snippets.of("押金应当退还。", "😀 {}[]", List.of(""))).isEqualTo("押金应当退还。");
    }

    @Test
    void characters_outside_the_basic_plane_keep_their_place() {
        assertThat(Snippets.of("𠀀押金𠀀", "押", List.of())).isEqualTo("𠀀<em>押</em>金𠀀");
    }
}
