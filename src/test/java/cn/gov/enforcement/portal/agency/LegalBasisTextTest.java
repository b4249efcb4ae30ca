package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LegalBasisTextTest {

    @Test
    void a_law_and_its_article_become_one_reference() {
        assertThat(LegalBasisText.parse("《中华人民共和国行政处罚法》第十八条")).containsExactly(
                new LegalBasisText.Part("《中华人民共和国行政处罚法》第十八条", "中华人民共和国行政处罚法", "第十八条"));
    }

    @Test
    void several_articles_and_laws_keep_their_own_law_and_the_text_between_them() {
        assertThat(LegalBasisText.parse("《环境保护法》第二十四条、第二十五条第一款；《大气污染防治法》第九十九条之一"))
                .containsExactly(
                        new LegalBasisText.Part("《环境保护法》第二十四条", "环境保护法", "第二十四条"),
                        new LegalBasisText.Part("、", null, null),
                        new LegalBasisText.Part("第二十五条", "环境保护法", "第二十五条"),
                        new LegalBasisText.Part("第一款；", null, null),
                        new LegalBasisText.Part("《大气污染防治法》第九十九条之一", "大气污染防治法", "第九十九条之一"));
    }

    @Test
    void text_without_a_law_or_article_stays_plain() {
        assertThat(LegalBasisText.parse("《劳动保障监察条例》")).containsExactly(new LegalBasisText.Part("《劳动保障监察条例》", null, null));
        assertThat(LegalBasisText.parse("第五条")).containsExactly(new LegalBasisText.Part("第五条", null, null));
        assertThat(LegalBasisText.parse("")).isEmpty();
    }

    @Test
    void english_pages_show_the_english_name_and_fall_back_to_the_chinese_one() {
        AgencySummary both = new AgencySummary("x", "示例市某局", "Sample Bureau", AgencyCategory.MARKET, "示例市", "路1号", null,
                "0999-1", "a@b.cn", null, "9-17", null, true);
        AgencySummary chineseOnly = new AgencySummary("y", "示例市另一局", null, AgencyCategory.MARKET, "示例市", "路1号", null,
                "0999-1", "a@b.cn", null, "9-17", null, true);
        assertThat(both.displayName(Locale.ENGLISH)).isEqualTo("Sample Bureau");
        assertThat(both.otherName(Locale.ENGLISH)).contains("示例市某局");
        assertThat(both.displayName(Locale.SIMPLIFIED_CHINESE)).isEqualTo("示例市某局");
        assertThat(both.otherName(Locale.SIMPLIFIED_CHINESE)).contains("Sample Bureau");
        assertThat(chineseOnly.displayName(Locale.ENGLISH)).isEqualTo("示例市另一局");
        assertThat(chineseOnly.otherName(Locale.ENGLISH)).isEmpty();
    }

    @Test
    void english_pages_show_the_english_address_and_office_hours_and_fall_back_to_the_chinese_ones() {
        AgencySummary both = new AgencySummary("x", "示例市某局", null, AgencyCategory.MARKET, "示例市", "示例市和平路1号",
                "No. 1 Heping Road, Sample City", "0999-1", "a@b.cn", null, "工作日 9:00-17:00", "Working days 9:00-17:00",
                true);
        AgencySummary chineseOnly = new AgencySummary("y", "示例市另一局", null, AgencyCategory.MARKET, "示例市",
                "示例市和平路1号", null, "0999-1", "a@b.cn", null, "工作日 9:00-17:00", null, true);
        assertThat(both.displayAddress(Locale.ENGLISH)).isEqualTo("No. 1 Heping Road, Sample City");
        assertThat(both.displayOfficeHours(Locale.ENGLISH)).isEqualTo("Working days 9:00-17:00");
        assertThat(both.displayAddress(Locale.SIMPLIFIED_CHINESE)).isEqualTo("示例市和平路1号");
        assertThat(both.displayOfficeHours(Locale.TRADITIONAL_CHINESE)).isEqualTo("工作日 9:00-17:00");
        assertThat(chineseOnly.displayAddress(Locale.ENGLISH)).isEqualTo("示例市和平路1号");
        assertThat(chineseOnly.displayOfficeHours(Locale.ENGLISH)).isEqualTo("工作日 9:00-17:00");
        assertThat(chineseOnly.displayAddress(Locale.TRADITIONAL_CHINESE)).isEqualTo("示例市和平路1號");
    }
}
