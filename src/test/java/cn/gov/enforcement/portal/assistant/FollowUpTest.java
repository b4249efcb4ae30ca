package cn.gov.enforcement.portal.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rule that decides whether a question is answered in the context of the previous one. */
class FollowUpTest {

    @Test
    void short_questions_that_refer_back_depend_on_the_previous_one() {
        for (String q : List.of("那要罚多少钱？", "如果是第一次呢", "那如果是第一次被发现，还会罚款吗", "这种情况要罚多少钱",
                "還有別的風險嗎", "這種情況要罰多少錢", "该怎么整改", "第一次的话会被罚款吗", "请问那应该找哪个部门？",
                "你好，这个要去哪里办", "要是对方不同意呢", "另外还要注意什么", "此外还需要办什么证吗", "烧烤呢")) {
            assertThat(FollowUp.refersBack(q)).as(q).isTrue();
            assertThat(FollowUp.dependsOnPrevious(q, () -> false)).as(q).isTrue();
        }
    }

    @Test
    void questions_of_their_own_do_not_refer_back() {
        for (String q : List.of("工地扬尘没有覆盖怎么办", "加班工资怎么算", "第一次没有亮照经营会被罚款吗", "行政调解怎么申请",
                "应该怎么办", "还款逾期会被罚吗", "饭店油烟扰民会被罚吗", "因此被罚了怎么办", "店门前面摆摊会被罚吗")) {
            assertThat(FollowUp.refersBack(q)).as(q).isFalse();
            assertThat(FollowUp.dependsOnPrevious(q, () -> false)).as(q).isFalse();
        }
    }

    @Test
    void a_short_question_that_finds_something_only_with_the_previous_one_depends_on_it() {
        assertThat(FollowUp.dependsOnPrevious("多少钱", () -> true)).isTrue();
        assertThat(FollowUp.dependsOnPrevious("多少钱", () -> false)).isFalse();
        // a question that refers back does not need the searches
        AtomicInteger searched = new AtomicInteger();
        assertThat(FollowUp.dependsOnPrevious("那要罚多少钱", () -> searched.incrementAndGet() > 0)).isTrue();
        assertThat(searched).hasValue(0);
    }

    @Test
    void a_long_question_stands_on_its_own_whatever_its_words() {
        String q = "那如果我在小区门口开了一家烧烤店，晚上在店外摆桌子，邻居投诉油烟和噪音，会被怎么处罚";
        assertThat(FollowUp.coreLength(q)).isGreaterThan(FollowUp.MAX_CORE);
        assertThat(FollowUp.refersBack(q)).isTrue();
        AtomicInteger searched = new AtomicInteger();
        assertThat(FollowUp.dependsOnPrevious(q, () -> searched.incrementAndGet() > 0)).isFalse();
        assertThat(searched).hasValue(0);
    }

    @Test
    void question_words_fillers_and_punctuation_do_not_count_towards_the_length() {
        assertThat(FollowUp.coreLength("那要罚多少钱？")).isEqualTo(5); // 那 罚 多 少 钱
        assertThat(FollowUp.coreLength("請問怎麼辦呢？")).isZero();
        // a Latin word or a number is one
        assertThat(FollowUp.coreLength("What about the fine?")).isEqualTo(4);
        assertThat(FollowUp.coreLength("第59次呢")).isEqualTo(3);
        // fifteen letters and digits are short, sixteen are not
        assertThat(FollowUp.isShort("如果" + "一".repeat(13) + "吗")).isTrue();
        assertThat(FollowUp.isShort("如果" + "一".repeat(14) + "吗")).isFalse();
    }

    @Test
    void the_combined_text_keeps_the_newest_part_of_a_long_chain() {
        assertThat(FollowUp.combine("饭店油烟扰民会被罚吗 ", " 那要罚多少钱？", 500)).isEqualTo("饭店油烟扰民会被罚吗 那要罚多少钱？");
        String chain = FollowUp.combine("旧".repeat(498), "新问题", 500);
        assertThat(chain).hasSize(500).endsWith("旧 新问题").startsWith("旧");
        // a character outside the Basic Multilingual Plane is not cut in half
        String emoji = FollowUp.combine("😀".repeat(10), "问", 6);
        assertThat(emoji).isEqualTo("😀😀 问");
    }
}
