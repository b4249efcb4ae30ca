package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldWidthsTest {

    @Test
    void a_select_fits_its_longest_label_and_is_never_narrower_than_the_default() {
        Select<String> select = new Select<>();
        FieldWidths.fitLongest(select, List.of("示例市生态环境局", "示例市城市管理综合行政执法局"));
        // 14 Chinese characters of one em each, and the field's padding and button
        assertThat(select.getWidth()).isEqualTo("min(100%, 17.5em)");
        FieldWidths.fitLongest(select, List.of("示例市城市管理綜合行政執法局"));
        assertThat(select.getWidth()).as("zh-TW").isEqualTo("min(100%, 17.5em)");
        FieldWidths.fitLongest(select, List.of("Sample City Urban Management Comprehensive Law Enforcement Bureau"));
        assertThat(select.getWidth()).isEqualTo("min(100%, 39.5em)");
        FieldWidths.fitLongest(select, List.of("短"));
        assertThat(select.getWidth()).isEqualTo("min(100%, 12.0em)");
        FieldWidths.fitLongest(select, List.of());
        assertThat(select.getWidth()).isEqualTo("min(100%, 12.0em)");
    }
}
