package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListsCsvTest {

    private static final EligibilityTexts.Messages KEYS = (key, args) -> key;

    @Test
    void cells_are_quoted_quotes_doubled_and_formulas_neutralised() {
        assertThat(ListsCsv.cell("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(ListsCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ListsCsv.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(ListsCsv.cell(null)).isEqualTo("\"\"");
    }

    @Test
    void the_download_starts_with_the_utf8_byte_order_mark() {
        byte[] bytes = ListsCsv.withBom("编号\r\n");
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo("编号\r\n");
    }

    @Test
    void a_risk_point_row_holds_its_citations_in_plain_chinese() {
        RiskPoint r = new RiskPoint("tp-rp-x", "sample-traffic-police", "机动车驾驶", "驾驶人", "标题", "风险", "高", "原因",
                List.of(new Citation("中华人民共和国道路交通安全法", "第二十二条", 2)),
                List.of(new Citation("中华人民共和国道路交通安全法", "第九十一条", null)), "后果", List.of("措施一", "措施二"),
                List.of("提示", "约谈"), LocalDate.of(2024, 1, 1), null, true);
        String csv = ListsCsv.riskPoints(List.of(r), KEYS);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("\"lists.csv.id\",\"lists.csv.agency\"");
        assertThat(csv).contains("\"《中华人民共和国道路交通安全法》第二十二条第二款\"")
                .contains("\"《中华人民共和国道路交通安全法》第九十一条\"").contains("\"提示、约谈\"");
    }

    @Test
    void paragraph_numbers_are_written_as_chinese_numerals() {
        assertThat(ChineseNumbers.of(1)).isEqualTo("一");
        assertThat(ChineseNumbers.of(10)).isEqualTo("十");
        assertThat(ChineseNumbers.of(12)).isEqualTo("十二");
        assertThat(ChineseNumbers.of(20)).isEqualTo("二十");
        assertThat(ChineseNumbers.of(35)).isEqualTo("三十五");
    }
}
