package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LayTermsTest {

    @Test
    void a_question_with_everyday_words_gets_their_legal_terms_in_file_order_without_repeats() {
        LayTerms terms = LayTerms.parse("""
                # comment
                老板, 雇主 -> 用人单位
                工资、工钱 -> 劳动报酬 工资

                东家 -> 用人单位 雇佣
                """);
        assertThat(terms.size()).isEqualTo(3);
        assertThat(terms.expand("老板不给工钱，东家也不管")).containsExactly("用人单位", "劳动报酬", "工资", "雇佣");
    }

    @Test
    void terms_the_question_already_uses_are_not_added_and_a_plain_question_gets_none() {
        LayTerms terms = LayTerms.parse("工资 -> 劳动报酬 工资\n");
        assertThat(terms.expand("拖欠工资和劳动报酬")).isEmpty();
        assertThat(terms.expand("拖欠工资")).containsExactly("劳动报酬");
        assertThat(terms.expand("合同可以解除吗")).isEmpty();
        assertThat(terms.expand("")).isEmpty();
        assertThat(terms.expand(null)).isEmpty();
    }

    @Test
    void the_question_said_in_legal_terms_replaces_each_everyday_word_by_each_of_its_terms() {
        LayTerms terms = LayTerms.parse("饭店, 饭馆 -> 餐饮\n工资 -> 劳动报酬 工资\n");
        assertThat(terms.alternatives("饭店油烟", 12)).containsExactly("餐饮 油烟");
        assertThat(terms.alternatives("拖欠工资", 12)).containsExactly("拖欠 劳动报酬");
        assertThat(terms.alternatives("饭店拖欠工资", 1)).containsExactly("餐饮 拖欠工资");
        assertThat(terms.alternatives("餐饮", 12)).isEmpty();
        assertThat(terms.alternatives("", 12)).isEmpty();
        assertThat(terms.alternatives(null, 12)).isEmpty();
        assertThat(LayTerms.bundled().alternatives("饭店", 12)).containsExactly("餐饮");
    }

    @Test
    void a_malformed_line_is_refused_with_its_number() {
        assertThatThrownBy(() -> LayTerms.parse("老板 -> 用人单位\n老板 用人单位\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":2:");
        assertThatThrownBy(() -> LayTerms.parse("老板 -> \n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":1:");
        assertThatThrownBy(() -> LayTerms.parse(" , -> 用人单位\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":1:");
    }

    @Test
    void the_bundled_file_maps_common_everyday_words() {
        LayTerms bundled = LayTerms.bundled();
        assertThat(bundled.size()).isGreaterThan(50);
        assertThat(bundled.expand("老板不发工资怎么办")).contains("用人单位", "劳动报酬");
        assertThat(bundled.expand("房东不退押金")).contains("出租人");
        // words of small businesses the self-check assistant meets (its list entries say them in legal terms)
        assertThat(bundled.expand("中午喝了一瓶啤酒下午开车")).contains("饮酒", "驾驶");
        assertThat(bundled.expand("车子年检过期三个月了")).contains("安全技术检验");
        assertThat(bundled.expand("店里的价格标签写错了")).contains("明码标价");
        assertThat(bundled.expand("大巴车多拉了两个人")).contains("客运", "超员");
        assertThat(bundled.expand("货车超载了一点")).contains("超过核定载质量");
        assertThat(bundled.expand("被罚款以后多久内要交钱")).contains("缴纳");
        assertThat(bundled.expand("卖过期的饮料会被罚多少钱")).contains("超过保质期");
        assertThat(bundled.expand("电动车没上牌照上路会被罚吗")).contains("电动自行车", "非机动车", "号牌", "登记");
        assertThat(bundled.expand("车子年检过期三个月了")).doesNotContain("超过保质期");
        assertThat(bundled.expand("首次违法会被罚款吗")).contains("初次违法");
        assertThat(bundled.expand("车停在人行道上被贴罚单")).contains("停放");
        assertThat(bundled.expand("执法人员只来了一个人就要罚款")).contains("少于两人");
        assertThat(bundled.expand("罚款之前没告诉我为什么要罚")).contains("告知", "理由", "依据");
        assertThat(bundled.expand("执法人员不让我解释就罚款")).contains("陈述", "申辩");
        assertThat(bundled.expand("罚了款却没给我处罚决定书")).contains("行政处罚决定书", "交付");
        assertThat(bundled.expand("一个人能开公司吗")).doesNotContain("少于两人");
    }

    /** Every legal term of the bundled file is statutory vocabulary: it occurs in the corpus of real laws. */
    @Test
    void every_legal_term_of_the_bundled_file_occurs_in_the_corpus() throws IOException {
        Path corpus = SharedData.require("corpus/lawrefbook");
        Set<String> missing = new LinkedHashSet<>();
        LayTerms.bundled().entries().forEach(e -> missing.addAll(e.terms()));
        assertThat(missing).isNotEmpty();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".md"))::iterator) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                missing.removeIf(text::contains);
                if (missing.isEmpty()) {
                    break;
                }
            }
        }
        assertThat(missing).as("legal terms found in no article of the corpus").isEmpty();
    }
}
