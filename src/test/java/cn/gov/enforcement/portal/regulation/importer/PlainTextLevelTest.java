package cn.gov.enforcement.portal.regulation.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.LegalLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The level a plain-text document is given (texts written for this test). */
class PlainTextLevelTest {

    private static LegalLevel level(String text) {
        List<ImportProblem> problems = new ArrayList<>();
        return new PlainTextParser().parse("test.txt", text, problems)
                .orElseThrow(() -> new AssertionError("not parsed: " + problems)).level();
    }

    private static final String BODY = """
            一、总体要求
            （一）坚持教育与处罚相结合。
            （二）推行首次轻微违法免罚。
            """;

    @Test
    void a_report_without_number_notice_or_kind_of_document_is_other_material() {
        assertThat(level("示例县推行柔性执法 助力小店经营\n时间:2025-01-02 来源:示例县司法局 作者:佚名\n" + BODY))
                .isEqualTo(LegalLevel.OTHER_MATERIAL);
        // the same in Traditional characters
        assertThat(level("示例縣推行柔性執法 助力小店經營\n" + BODY)).isEqualTo(LegalLevel.OTHER_MATERIAL);
    }

    @Test
    void a_title_that_names_its_kind_keeps_the_document_a_normative_one() {
        assertThat(level("示例县市场监管领域轻微违法行为免罚清单\n" + BODY)).isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
        assertThat(level("示例县推行柔性执法实施方案\n" + BODY)).isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
        assertThat(level("示例县行政执法公示办法\n" + BODY)).isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
        assertThat(level("示例县人民政府令\n" + BODY)).isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
    }

    @Test
    void a_document_number_or_a_covering_notice_makes_it_a_document_whatever_its_title() {
        assertThat(level("示例法〔2025〕3号\n示例县推行柔性执法 助力小店经营\n" + BODY))
                .isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
        assertThat(level("示例县司法局关于印发《示例县柔性执法十条》的通知\n各乡镇：\n现印发给你们。\n示例县柔性执法十条\n" + BODY))
                .isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
    }

    @Test
    void a_text_that_names_its_level_keeps_it() {
        assertThat(level("示例市柔性执法若干规定\n《示例市柔性执法若干规定》是示例市的一部地方政府规章\n" + BODY))
                .isEqualTo(LegalLevel.LOCAL_GOVERNMENT_RULE);
        // an encyclopedia's infobox names the level of a title that names no kind
        assertThat(level("示例市柔性执法十条\n类别：地方性法规\n" + BODY)).isEqualTo(LegalLevel.LOCAL_REGULATION);
    }
}
