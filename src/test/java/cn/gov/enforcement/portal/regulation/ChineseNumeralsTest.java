package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseNumeralsTest {

    @ParameterizedTest
    @CsvSource({"一,1", "十,10", "十五,15", "二十,20", "三十三,33", "一百,100", "一百零一,101", "一百一十,110",
            "一百二十三,123", "二百,200", "一千,1000", "一千零一,1001", "一千零一十,1010", "一千二百六十,1260",
            "两千,2000", "一万,10000"})
    void chinese_numerals_parse_and_format_both_ways(String chinese, int value) {
        assertThat(ChineseNumerals.parse(chinese)).isEqualTo(value);
        assertThat(ChineseNumerals.format(value)).isEqualTo(chinese.replace('两', '二'));
    }

    @Test
    void every_number_up_to_two_thousand_survives_a_round_trip() {
        for (int i = 1; i <= 2000; i++) {
            assertThat(ChineseNumerals.parse(ChineseNumerals.format(i))).as("%d", i).isEqualTo(i);
        }
    }

    @Test
    void arabic_and_full_width_digits_are_accepted() {
        assertThat(ChineseNumerals.parse("123")).isEqualTo(123);
        assertThat(ChineseNumerals.parse("１２５")).isEqualTo(125);
        assertThat(ChineseNumerals.parse("一〇")).isEqualTo(10);
        assertThat(ChineseNumerals.parse("一九九五")).isEqualTo(1995);
    }

    @Test
    void article_numbers_parse_with_their_zhi_suffix() {
        assertThat(ArticleNumber.parse("第一百二十三条")).isEqualTo(new ArticleNumber(123, 0));
        assertThat(ArticleNumber.parse("第十条之一")).isEqualTo(new ArticleNumber(10, 1));
        assertThat(ArticleNumber.parse("第二百八十七条之二")).isEqualTo(new ArticleNumber(287, 2));
        assertThat(ArticleNumber.parse("第八條")).isEqualTo(new ArticleNumber(8, 0));
        assertThat(ArticleNumber.parse("第33条")).isEqualTo(new ArticleNumber(33, 0));
    }

    @Test
    void article_numbers_print_the_way_laws_write_them() {
        assertThat(new ArticleNumber(33, 0).toChinese()).isEqualTo("第三十三条");
        assertThat(new ArticleNumber(10, 1).toChinese()).isEqualTo("第十条之一");
        assertThat(new ArticleNumber(1260, 0).toChinese()).isEqualTo("第一千二百六十条");
    }

    @Test
    void article_numbers_sort_by_number_then_suffix() {
        assertThat(new ArticleNumber(10, 1)).isGreaterThan(new ArticleNumber(10, 0)).isLessThan(new ArticleNumber(11, 0));
    }

    @Test
    void malformed_numerals_are_rejected_with_a_message() {
        assertThatThrownBy(() -> ChineseNumerals.parse("十百")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChineseNumerals.parse("十十")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChineseNumerals.parse("百")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChineseNumerals.parse("一九九五二〇")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChineseNumerals.parse("条")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChineseNumerals.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArticleNumber.parse("第三十三款")).hasMessageContaining("第三十三款");
    }
}
