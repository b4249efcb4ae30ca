package cn.gov.enforcement.portal.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.lists.Citation;
import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.RiskPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The subject rule of {@link SelfCheckService#related}: an item about another kind of vehicle is never named. */
class SelfCheckSubjectsTest {

    private static final Citation PASSAGE = new Citation("中华人民共和国道路交通安全法", "第二十六条", null);

    private static RiskPoint risk(String appliesTo, String title) {
        return new RiskPoint("r", "agency", "交通", appliesTo, title, "路口" + title + "。", "中", null, List.of(PASSAGE),
                List.of(), "罚款", List.of("按信号灯通行"), List.of(), null, null, true);
    }

    private static ExemptionItem item(String id, String violation) {
        return new ExemptionItem(id, "agency", "不予处罚", null, null, violation, null, List.of(PASSAGE), List.of(),
                List.of(), List.of(), List.of(), null, null, true);
    }

    @Test
    void a_risk_about_one_kind_of_vehicle_names_no_item_about_the_other_only() {
        List<ExemptionItem> items = List.of(item("car", "机动车驾驶人首次闯红灯"), item("ebike", "电动自行车驾驶人首次闯红灯"),
                item("anyone", "行人首次闯红灯"));
        assertThat(SelfCheckService.related(risk("机动车驾驶人", "驾车闯红灯"), items)).extracting(ExemptionItem::id)
                .containsExactlyInAnyOrder("car", "anyone");
        assertThat(SelfCheckService.related(risk("电动自行车驾驶人", "骑车闯红灯"), items)).extracting(ExemptionItem::id)
                .containsExactlyInAnyOrder("ebike", "anyone");
        // a risk naming no vehicle names every item
        assertThat(SelfCheckService.related(risk("驾驶人", "闯红灯"), items)).extracting(ExemptionItem::id)
                .containsExactlyInAnyOrder("car", "ebike", "anyone");
    }
}
