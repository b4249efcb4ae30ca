package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReaderScriptTest {

    @Test
    void zhTwReadersGetTaiwanTraditionalWithPhrasesRespected() {
        assertThat(ReaderScript.forLocale(Translations.ZH_TW, "干部在后台发布了面条的价格，头发干燥"))
                .isEqualTo("幹部在後臺發布了麵條的價格，頭髮乾燥");
        // Taiwan's standard forms, not OpenCC's 爲, 裏, 着
        assertThat(ReaderScript.toTaiwan("为此，店里放着"))
                .isEqualTo("為此，店裡放著");
        assertThat(ReaderScript.toTaiwan("依法公布并发布")).isEqualTo("依法公布並發布");
    }

    @Test
    void ourPhrasesKeepTheLongestMatchFromJoiningTwoWords() {
        assertThat(ReaderScript.toTaiwan("以现金发工资")).isEqualTo("以現金發工資");
        assertThat(ReaderScript.toTaiwan("不满十四周岁的")).isEqualTo("不滿十四週歲的");
        assertThat(ReaderScript.toTaiwan("最多只能上传")).isEqualTo("最多只能上傳");
        assertThat(ReaderScript.toTaiwan("查明了什么，写明了理由")).isEqualTo("查明了什麼，寫明了理由");
        assertThat(ReaderScript.toTaiwan("简单明了")).isEqualTo("簡單明瞭");
        assertThat(ReaderScript.toTaiwan("少数情形只影响")).isEqualTo("少數情形只影響");
        assertThat(ReaderScript.toTaiwan("未签书面劳动合同")).isEqualTo("未簽書面勞動合同");
        assertThat(ReaderScript.toTaiwan("驾驶人未系安全带")).isEqualTo("駕駛人未繫安全帶");
        // a phrase at the very start and end of the text
        assertThat(ReaderScript.toTaiwan("周岁")).isEqualTo("週歲");
    }

    @Test
    void otherReadersAndNonChineseTextAreUnchanged() {
        String text = "干部在后台发布了价格";
        assertThat(ReaderScript.forLocale(Translations.ZH_CN, text)).isSameAs(text);
        assertThat(ReaderScript.forLocale(Translations.EN, text)).isSameAs(text);
        assertThat(ReaderScript.forLocale(null, text)).isSameAs(text);
        assertThat(ReaderScript.toTaiwan(null)).isNull();
        assertThat(ReaderScript.toTaiwan("")).isEmpty();
        assertThat(ReaderScript.toTaiwan("GB 32100-2015, 12.5 m²")).isEqualTo("GB 32100-2015, 12.5 m²");
        // outside a page (mail, JSON API) nothing is converted
        assertThat(ReaderScript.forReader(text)).isSameAs(text);
    }

    @Test
    void writtenTextIsMarkedWithItsScriptWhereThePageReadsAnother() {
        String simplified = "未按规定公示营业执照";
        String traditional = "未按規定公示營業執照";
        String shared = "王五";
        // a Chinese page marks only the other script's text
        assertThat(ReaderScript.writtenLanguage(Translations.ZH_TW, simplified)).isEqualTo("zh-CN");
        assertThat(ReaderScript.writtenLanguage(Translations.ZH_TW, traditional)).isNull();
        assertThat(ReaderScript.writtenLanguage(Translations.ZH_CN, traditional)).isEqualTo("zh-Hant");
        assertThat(ReaderScript.writtenLanguage(Translations.ZH_CN, simplified)).isNull();
        assertThat(ReaderScript.writtenLanguage(Translations.ZH_TW, shared)).isNull();
        assertThat(ReaderScript.writtenLanguage(Translations.ZH_CN, shared)).isNull();
        // an English page marks any Chinese with its script
        assertThat(ReaderScript.writtenLanguage(Translations.EN, simplified)).isEqualTo("zh-CN");
        assertThat(ReaderScript.writtenLanguage(Translations.EN, traditional)).isEqualTo("zh-Hant");
        assertThat(ReaderScript.writtenLanguage(Translations.EN, shared)).isEqualTo("zh-CN");
        // no Chinese, nothing to mark
        assertThat(ReaderScript.writtenLanguage(Translations.EN, "Zhang San, 2026")).isNull();
        assertThat(ReaderScript.writtenLanguage(Translations.ZH_TW, "")).isNull();
    }

    @Test
    void taiwanLocalesReadTraditional() {
        assertThat(ReaderScript.readsTraditional(Translations.ZH_TW)).isTrue();
        assertThat(ReaderScript.readsTraditional(Locale.forLanguageTag("zh-TW"))).isTrue();
        assertThat(ReaderScript.readsTraditional(Translations.ZH_CN)).isFalse();
        assertThat(ReaderScript.readsTraditional(Locale.CHINESE)).isFalse();
        assertThat(ReaderScript.readsTraditional(Translations.EN)).isFalse();
    }
}
