package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChineseScriptTest {

    @ParameterizedTest
    @CsvSource({"執法,执法", "處罰,处罚", "調解,调解", "行政執法實施辦法,行政执法实施办法", "洛陽市,洛阳市", "條例,条例",
            "規章,规章", "第八條,第八条"})
    void known_pairs_convert_both_ways(String traditional, String simplified) {
        assertThat(ChineseScript.toSimplified(traditional)).isEqualTo(simplified);
        assertThat(ChineseScript.toTraditional(simplified)).isEqualTo(traditional);
    }

    @Test
    void text_without_convertible_characters_is_returned_unchanged() {
        String text = "ABC 123，。行政";
        assertThat(ChineseScript.toSimplified(text)).isSameAs(text);
        assertThat(ChineseScript.toSimplified(null)).isNull();
        assertThat(ChineseScript.containsTraditional("执法")).isFalse();
        assertThat(ChineseScript.containsTraditional("執法")).isTrue();
    }

    @Test
    void the_characters_the_table_keeps_are_folded_to_the_simplified_ones_for_search() {
        // the table keeps 瞭 覆 著 as they are, so the Simplified text's 了 复 着 need the fold
        assertThat(ChineseScript.toSimplified("瞭解答覆著手")).isEqualTo("瞭解答覆著手");
        assertThat(ChineseScript.fold("瞭解答覆著手乾燥藉口祇是")).isEqualTo("了解答复着手干燥借口只是");
        assertThat(ChineseScript.fold(ChineseScript.toSimplified("彷彿"))).isEqualTo("仿佛");
        assertThat(ChineseScript.fold("了解 ABC")).isEqualTo("了解 ABC");
        assertThat(ChineseScript.fold(null)).isNull();
    }

    @Test
    void conversion_of_a_megabyte_is_fast_enough_and_prints_its_speed() {
        String sample = "本辦法所稱服務型行政執法，是指行政執法機關在堅持嚴格規範公正文明執法的基礎上。";
        String text = sample.repeat(1_000_000 / sample.length() / 3 + 1);
        ChineseScript.toSimplified(text);
        long start = System.nanoTime();
        String simplified = ChineseScript.toSimplified(text);
        double seconds = (System.nanoTime() - start) / 1e9;
        double megabytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1e6;
        System.out.printf("converted %.1f MB to Simplified in %.3f s (%.1f MB/s)%n", megabytes, seconds,
                megabytes / seconds);
        assertThat(simplified).startsWith("本办法所称服务型行政执法");
        assertThat(ChineseScript.toTraditional(simplified)).isEqualTo(text);
    }
}
