package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ListsCsvTest {

    private static final EligibilityTexts.Messages KEYS = (key, args) -> key;

    /** The entries' own texts as written (the script of every download but zh-TW's). */
    private static final java.util.function.UnaryOperator<String> AS_WRITTEN = java.util.function.UnaryOperator.identity();

    /** The messages of a lists bundle as the portal formats them (MessageFormat, like {@code Translations}). */
    private static EligibilityTexts.Messages bundle(String language) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("i18n", "lists_" + language + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return (key, args) -> {
            String pattern = p.getProperty(key);
            if (pattern == null) {
                throw new AssertionError("No " + key + " in lists_" + language);
            }
            return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
        };
    }

    /** Agency names as a directory gives them: here the id in capitals after 机关. */
    private static String name(String agencyId) {
        return "机关 " + agencyId.toUpperCase(java.util.Locale.ROOT);
    }

    private static RiskPoint riskPoint() {
        return new RiskPoint("tp-rp-x", "sample-traffic-police", "机动车驾驶", "驾驶人", "标题", "风险", "高", "原因",
                List.of(new Citation("中华人民共和国道路交通安全法", "第二十二条", 2)),
                List.of(new Citation("中华人民共和国道路交通安全法", "第九十一条", null)), "后果", List.of("措施一", "措施二"),
                List.of("提示", "约谈"), LocalDate.of(2024, 1, 1), null, true);
    }

    @Test
    void a_condition_met_by_the_answer_no_says_so_in_the_download_in_the_reader_s_language() throws IOException {
        List<Citation> basis = List.of(new Citation("中华人民共和国行政处罚法", "第三十三条", 1));
        ExemptionItem item = new ExemptionItem("tp-ex-x", "sample-traffic-police", "不予处罚", "首违不罚", null, "违法停车",
                null, basis, basis, basis, List.of(
                        new Condition(ConditionType.CORRECTED_IMMEDIATELY, "是否立即驶离？", null, null, null),
                        new Condition(ConditionType.NO_HARM, "是否造成了交通事故？", null, null, null, true)),
                List.of("教育"), LocalDate.of(2024, 1, 1), null, true);
        assertThat(ListsCsv.exemptionRows(List.of(item), bundle("zh_CN"), ListsCsvTest::name, AS_WRITTEN).get(1).get(9))
                .isEqualTo("是否立即驶离？\n是否造成了交通事故？（回答“否”时符合）");
        assertThat(ListsCsv.exemptionRows(List.of(item), bundle("en"), ListsCsvTest::name, AS_WRITTEN).get(1).get(9))
                .isEqualTo("是否立即驶离？\n是否造成了交通事故？ (met when the answer is No)");
    }

    @Test
    void a_download_names_the_agency_and_states_each_condition_s_limit_as_the_detail_page_does() throws IOException {
        List<Citation> basis = List.of(new Citation("中华人民共和国食品安全法", "第一百二十六条", null));
        ExemptionItem item = new ExemptionItem("mr-ex-x", "sample-market-regulation", "不予处罚", null, "餐饮服务", "健康证明过期",
                null, basis, basis, basis, List.of(
                        new Condition(ConditionType.QUANTITY_BELOW, "健康证明过期的从业人员有几人？", new java.math.BigDecimal("3"),
                                "人", "健康证明过期的从业人员"),
                        new Condition(ConditionType.CORRECTED_WITHIN_DAYS, "是否在 7 日内改正？", new java.math.BigDecimal("7"),
                                null, null),
                        new Condition(ConditionType.NO_HARM, "是否造成了食品安全事故？", null, null, null, true)),
                List.of("教育"), LocalDate.of(2024, 1, 1), null, true);
        List<String> chinese = ListsCsv.exemptionRows(List.of(item), bundle("zh_CN"), ListsCsvTest::name, AS_WRITTEN).get(1);
        assertThat(chinese.get(1)).isEqualTo("机关 SAMPLE-MARKET-REGULATION");
        assertThat(chinese.get(9)).isEqualTo("健康证明过期的从业人员有几人？适用界限：健康证明过期的从业人员低于 3人；达到或超过 3人的，本事项不适用。\n"
                + "是否在 7 日内改正？适用界限：7 日内改正。\n"
                + "是否造成了食品安全事故？（回答“否”时符合）");
        assertThat(ListsCsv.exemptionRows(List.of(item), bundle("en"), ListsCsvTest::name, AS_WRITTEN).get(1).get(9))
                .startsWith("健康证明过期的从业人员有几人？ Limit: “健康证明过期的从业人员” below 3 people;");
        assertThat(ListsCsv.riskPointRows(List.of(riskPoint()), bundle("zh_CN"), ListsCsvTest::name, AS_WRITTEN).get(1).get(1))
                .isEqualTo("机关 SAMPLE-TRAFFIC-POLICE");
    }

    @Test
    void a_zh_tw_download_has_the_entries_own_texts_in_traditional_characters_as_the_pages_show_them() throws IOException {
        java.util.function.UnaryOperator<String> taiwan = text -> cn.gov.enforcement.portal.platform.ReaderScript
                .forLocale(java.util.Locale.TAIWAN, text);
        var zhTw = bundle("zh_TW");
        java.util.function.UnaryOperator<String> names = id -> taiwan.apply(name(id)); // as the directory gives them
        List<String> risk = ListsCsv.riskPointRows(List.of(riskPoint()), zhTw, names, taiwan).get(1);
        assertThat(risk).contains("機動車駕駛", "駕駛人", "標題", "風險", "後果", "措施一\n措施二",
                "《中華人民共和國道路交通安全法》第二十二條第二款", "《中華人民共和國道路交通安全法》第九十一條");
        ExemptionItem item = new ExemptionItem("mr-ex-x", "sample-market-regulation", "不予处罚", null, "餐饮服务", "健康证明过期",
                null, List.of(), List.of(), List.of(new Citation("中华人民共和国食品安全法", "第一百二十六条", null)), List.of(
                        new Condition(ConditionType.QUANTITY_BELOW, "健康证明过期的从业人员有几人？", new java.math.BigDecimal("3"),
                                "人", "健康证明过期的从业人员"),
                        new Condition(ConditionType.NO_HARM, "是否造成了食品安全事故？", null, null, null, true)),
                List.of("责令改正", "教育"), LocalDate.of(2024, 1, 1), null, true);
        List<String> exemption = ListsCsv.exemptionRows(List.of(item), zhTw, names, taiwan).get(1);
        assertThat(exemption).contains("餐飲服務", "健康證明過期", "《中華人民共和國食品安全法》第一百二十六條", "責令改正、教育");
        assertThat(exemption.get(9)).startsWith("健康證明過期的從業人員有幾人？").contains("是否造成了食品安全事故？")
                .doesNotContain("证", "从", "几", "过", "员");
        // nothing Simplified left in any cell: converting again changes none
        assertThat(risk).allSatisfy(cell -> assertThat(taiwan.apply(cell)).isEqualTo(cell));
        assertThat(exemption).allSatisfy(cell -> assertThat(taiwan.apply(cell)).isEqualTo(cell));
        // the other languages keep the entries' texts as written
        assertThat(ListsCsv.riskPointRows(List.of(riskPoint()), bundle("en"), ListsCsvTest::name, AS_WRITTEN).get(1))
                .contains("标题", "机动车驾驶");
    }

    @Test
    void both_lists_give_the_end_date_after_the_start_date_empty_when_there_is_none_in_every_language() throws Exception {
        RiskPoint open = riskPoint();
        RiskPoint ending = new RiskPoint("tp-rp-y", open.agency(), open.sector(), open.appliesTo(), open.title(),
                open.risk(), open.level(), open.levelReason(), open.basisObligation(), open.basisPenalty(), open.consequence(),
                open.prevention(), open.guidance(), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 6, 30), true);
        List<Citation> basis = List.of(new Citation("中华人民共和国行政处罚法", "第三十三条", 1));
        ExemptionItem exemption = new ExemptionItem("tp-ex-y", "sample-traffic-police", "不予处罚", "首违不罚", null, "违法停车",
                null, basis, basis, basis, List.of(), List.of("教育"), LocalDate.of(2025, 3, 1), LocalDate.of(2027, 2, 28), true);
        ExemptionItem openExemption = new ExemptionItem("tp-ex-z", "sample-traffic-police", "不予处罚", "首违不罚", null,
                "违法停车", null, basis, basis, basis, List.of(), List.of("教育"), LocalDate.of(2025, 3, 1), null, true);
        for (var language : List.of(List.of("zh_CN", "施行日期", "失效日期", "是"), List.of("zh_TW", "施行日期", "失效日期", "是"),
                List.of("en", "In force from", "In force until", "Yes"))) {
            var m = bundle(language.get(0));
            List<List<String>> risks = ListsCsv.riskPointRows(List.of(ending, open), m, ListsCsvTest::name, AS_WRITTEN);
            List<List<String>> exemptions = ListsCsv.exemptionRows(List.of(exemption, openExemption), m,
                    ListsCsvTest::name, AS_WRITTEN);
            for (List<List<String>> rows : List.of(risks, exemptions)) {
                List<String> header = rows.get(0);
                assertThat(header.subList(header.size() - 3, header.size()))
                        .containsExactly(language.get(1), language.get(2), m.get("lists.csv.sample"));
                rows.forEach(row -> assertThat(row).hasSameSizeAs(header));
                assertThat(rows.get(2).get(header.size() - 2)).isEmpty();
                assertThat(rows.get(1).get(header.size() - 1)).isEqualTo(language.get(3));
            }
            assertThat(risks.get(1).subList(risks.get(0).size() - 3, risks.get(0).size() - 1))
                    .containsExactly("2024-01-01", "2026-06-30");
            assertThat(exemptions.get(1).subList(exemptions.get(0).size() - 3, exemptions.get(0).size() - 1))
                    .containsExactly("2025-03-01", "2027-02-28");
            // the CSV and the XLSX download hold the same rows
            assertThat(ListsCsv.riskPoints(List.of(ending, open), List.of(), m, ListsCsvTest::name, AS_WRITTEN))
                    .contains("\"2024-01-01\",\"2026-06-30\",").contains("\"2024-01-01\",\"\",");
            assertThat(ListsXlsxTest.readSheet(ListsXlsx.workbook("x", exemptions)).get(1))
                    .contains("2025-03-01", "2027-02-28");
        }
    }

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
    void a_risk_point_row_holds_its_citations_in_plain_chinese() throws IOException {
        String csv = ListsCsv.riskPoints(List.of(riskPoint()), List.of(), bundle("zh_CN"), ListsCsvTest::name, AS_WRITTEN);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("\"编号\",");
        assertThat(csv).contains("\"《中华人民共和国道路交通安全法》第二十二条第二款\"")
                .contains("\"《中华人民共和国道路交通安全法》第九十一条\"").contains("\"提示、约谈\"")
                .contains("\"风险\",\"高\",");
    }

    @Test
    void an_english_download_has_the_fixed_values_in_english_and_the_entries_own_texts_as_written() throws IOException {
        var en = bundle("en");
        List<List<String>> risks = ListsCsv.riskPointRows(List.of(riskPoint()), en, ListsCsvTest::name, AS_WRITTEN);
        assertThat(risks.get(0)).contains("ID", "Agency");
        assertThat(risks.get(1)).contains("High", "Reminder, Interview", "标题", "Yes")
                .doesNotContain("高");
        ExemptionItem item = new ExemptionItem("mr-ex-x", "sample-market-regulation", "不予处罚", "首违不罚", "营业执照", "未亮照经营", null,
                List.of(), List.of(), List.of(new Citation("中华人民共和国行政处罚法", "第三十三条", null)),
                List.of(), List.of("责令改正"), LocalDate.of(2024, 1, 1), null, false);
        List<List<String>> exemptions = ListsCsv.exemptionRows(List.of(item), en, ListsCsvTest::name, AS_WRITTEN);
        assertThat(exemptions.get(1)).contains("No penalty", "first violation, no penalty", "未亮照经营", "No")
                .doesNotContain("不予处罚", "首违不罚");
        List<List<String>> chinese = ListsCsv.exemptionRows(List.of(item), bundle("zh_CN"), ListsCsvTest::name, AS_WRITTEN);
        assertThat(chinese.get(1)).contains("不予处罚", "首违不罚");
    }

    @Test
    void a_search_that_left_entries_out_says_so_in_the_csv_s_last_row_and_on_the_xlsx_s_note_sheet() throws Exception {
        List<String> leftOut = List.of("营业执照未置于醒目位置", "网店首页未公示营业执照信息");
        String csv = ListsCsv.riskPoints(List.of(riskPoint()), leftOut, bundle("zh_CN"), ListsCsvTest::name, AS_WRITTEN);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        // the note in the first cell, the other cells empty: as many cells as the header
        assertThat(lines[2]).isEqualTo("\"说明：本次搜索说明尚未取得相关证照，因此没有列出 2 项关于持证后应当遵守的事项：“营业执照未置于醒目位置”、"
                + "“网店首页未公示营业执照信息”。要查看这些事项，请只搜索证照的名称。\"" + ",\"\"".repeat(14));
        assertThat(lines[2].split(",", -1)).hasSameSizeAs(lines[0].split(",", -1));
        // no note when nothing was left out
        assertThat(ListsCsv.riskPoints(List.of(riskPoint()), List.of(), bundle("zh_CN"), ListsCsvTest::name, AS_WRITTEN)
                .split("\r\n")).hasSize(2);
        // the titles in the reader's script, quoted as Traditional Chinese quotes
        java.util.function.UnaryOperator<String> taiwan = text -> cn.gov.enforcement.portal.platform.ReaderScript
                .forLocale(java.util.Locale.TAIWAN, text);
        assertThat(ListsCsv.leftOutNote(leftOut, bundle("zh_TW"), taiwan)).startsWith("說明：本次搜尋說明尚未取得相關證照")
                .contains("「營業執照未置於醒目位置」、「網店首頁未公示營業執照信息」");
        assertThat(ListsCsv.leftOutNote(leftOut.subList(0, 1), bundle("en"), AS_WRITTEN))
                .startsWith("Note: the search says the licence has not been obtained, so one entry about duties of those")
                .contains("is not listed: “营业执照未置于醒目位置”. To see it,");

        // the XLSX: the list's sheet stays a table, a second sheet says what was left out
        var m = bundle("zh_CN");
        List<List<String>> rows = ListsCsv.riskPointRows(List.of(riskPoint()), m, ListsCsvTest::name, AS_WRITTEN);
        List<List<String>> note = ListsCsv.leftOutRows(leftOut, m, AS_WRITTEN);
        assertThat(note).containsExactly(
                List.of("本次搜索说明尚未取得相关证照，因此没有列出以下 2 项关于持证后应当遵守的事项。要查看这些事项，请只搜索证照的名称。"),
                List.of("未列出的事项"), List.of("营业执照未置于醒目位置"), List.of("网店首页未公示营业执照信息"));
        assertThat(ListsCsv.leftOutRows(List.of(), m, AS_WRITTEN)).isEmpty();
        byte[] file = ListsXlsx.workbook(List.of(new ListsXlsx.Sheet("法律风险点清单", rows), new ListsXlsx.Sheet("说明", note)));
        assertThat(ListsXlsxTest.readSheet(file)).isEqualTo(rows);
        assertThat(ListsXlsxTest.readSheet(file, 2)).isEqualTo(note);
        assertThat(ListsXlsxTest.sheetNames(file)).containsExactly("法律风险点清单", "说明");
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
