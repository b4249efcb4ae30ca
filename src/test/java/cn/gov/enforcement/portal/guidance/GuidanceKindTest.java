package cn.gov.enforcement.portal.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.lists.ListsFormat;
import cn.gov.enforcement.portal.platform.Translations;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The lists name the means of guidance in Chinese; a risk point's means become the guidance's kind by that name. */
class GuidanceKindTest {

    @Test
    void each_means_the_lists_name_is_the_kind_of_the_same_chinese_name() {
        Properties zh = Translations.readBundles().get("guidance").get(Translations.ZH_CN);
        assertThat(ListsFormat.GUIDANCE).hasSize(GuidanceKind.values().length);
        for (String chinese : ListsFormat.GUIDANCE) {
            GuidanceKind kind = GuidanceService.kindNamed(chinese).orElseThrow();
            assertThat(zh.getProperty(kind.messageKey())).as(chinese).isEqualTo(chinese);
        }
        assertThat(GuidanceService.kindNamed("检查")).isEmpty();
        assertThat(GuidanceService.kindNamed(null)).isEmpty();
    }
}
