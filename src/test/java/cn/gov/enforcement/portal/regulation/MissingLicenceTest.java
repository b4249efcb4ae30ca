package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.ChineseScript;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a question says the business has no licence, and which entries and articles are about a licence held. */
class MissingLicenceTest {

    private static Set<String> lacked(String question) {
        return MissingLicence.lacked(ChineseScript.toSimplified(question));
    }

    @Test
    void a_question_lacks_the_licence_it_says_it_has_not_got_in_any_of_the_usual_ways() {
        assertThat(lacked("没有营业执照卖菜")).containsExactly("营业执照");
        assertThat(lacked("没办营业执照在菜市场卖水果")).containsExactly("营业执照");
        assertThat(lacked("营业执照还没办下来能先开业吗")).containsExactly("营业执照");
        assertThat(lacked("营业执照都没有，能摆摊吗")).containsExactly("营业执照");
        assertThat(lacked("沒有營業執照賣菜")).containsExactly("营业执照");
        assertThat(lacked("没有食品经营许可证卖盒饭")).containsExactly("食品经营许可证");
        assertThat(lacked("未取得建设工程规划许可证就盖房")).containsExactly("建设工程规划许可证");
        assertThat(lacked("没办健康证就上岗")).containsExactly("健康证");
        assertThat(lacked("没有驾照开车")).containsExactly("驾照");
        assertThat(lacked("无照经营")).containsExactly("执照");
        // 无证 names no licence: one of any kind; its legal term 未取得机动车驾驶证 names the driving licence
        assertThat(lacked("无证驾驶")).containsExactly("", "机动车驾驶证");
        assertThat(lacked("没证能不能卖")).containsExactly("");
    }

    @Test
    void not_showing_carrying_or_renewing_a_licence_one_has_lacks_none() {
        for (String q : List.of("营业执照没挂", "营业执照没有挂出来", "没有亮照", "第一次没有亮照经营会被罚款吗", "执照没有公示",
                "网店没放营业执照", "没有把营业执照挂出来", "开车没带驾驶证", "健康证过期了", "食品经营许可证过期了",
                "搬了新地址没去改执照", "进货没查验供货商的许可证", "没有证据", "饭店油烟扰民会被罚吗")) {
            assertThat(lacked(q)).as(q).isEmpty();
        }
    }

    @Test
    void an_entry_about_a_licence_held_is_about_the_licence_lacked_but_not_one_about_lacking_or_getting_it() {
        Set<String> business = lacked("没有营业执照卖菜");
        assertThat(MissingLicence.aboutOneHeld(business, "营业执照未置于醒目位置")).isTrue();
        assertThat(MissingLicence.aboutOneHeld(business, "首次未将营业执照置于经营场所醒目位置")).isTrue();
        assertThat(MissingLicence.aboutOneHeld(business, "电子商务经营者未在首页显著位置公示营业执照信息")).isTrue();
        assertThat(MissingLicence.aboutOneHeld(business, "未经登记从事经营活动")).isFalse();
        assertThat(MissingLicence.aboutOneHeld(business, "登记事项变更后未办理变更登记")).isFalse();
        // another licence held is not the one lacked
        assertThat(MissingLicence.aboutOneHeld(business, "首次发现个别从业人员健康证明过期未复查")).isFalse();
        // an article's passage with the search's marks; one about getting the licence or trading without it stays
        assertThat(MissingLicence.aboutOneHeld(business, "市场主体应当将<em>营业执照</em>置于住所或者主要经营场所的醒目位置"))
                .isTrue();
        assertThat(MissingLicence.aboutOneHeld(business, "申请人应当申请领取<em>营业执照</em>")).isFalse();
        assertThat(MissingLicence.aboutOneHeld(lacked("没有食品经营许可证卖盒饭"),
                "从事食品销售和餐饮服务，应当依法取得许可")).isFalse();
        assertThat(MissingLicence.aboutOneHeld(lacked("没有食品经营许可证卖盒饭"),
                "未取得食品生产经营许可从事食品生产经营活动的……情节严重的，吊销许可证")).isFalse();

        Set<String> food = lacked("没有食品经营许可证卖盒饭");
        assertThat(MissingLicence.aboutOneHeld(food, "未取得食品经营许可从事餐饮服务")).isFalse();
        // the supplier's licence, which the business checks, is none it holds: one selling without a licence of
        // their own must still check their suppliers'
        assertThat(MissingLicence.aboutOneHeld(food, "进货时未查验许可证和合格证明")).isFalse();
        assertThat(MissingLicence.aboutOneHeld(food, "食品经营者采购食品，应当查验供货者的<em>许可证</em>和产品合格证明文件"))
                .isFalse();
        assertThat(MissingLicence.aboutOneHeld(food, "未按要求索取供货商的食品经营许可证")).isFalse();
        assertThat(MissingLicence.aboutOneHeld(food, "食品经营许可证未置于醒目位置")).isTrue();
        assertThat(MissingLicence.aboutOneHeld(lacked("没有排污许可证排污水"), "排污许可证执行报告逾期提交，逾期时间很短"))
                .isTrue();
        assertThat(MissingLicence.aboutOneHeld(lacked("没有排污许可证排污水"), "无排污许可证排放污染物")).isFalse();

        // 驾照 is 机动车驾驶证 in legal terms; 无证 lacks a licence of any kind
        assertThat(MissingLicence.aboutOneHeld(lacked("没有驾照开车"), "驾车未随身携带驾驶证")).isTrue();
        assertThat(MissingLicence.aboutOneHeld(lacked("没有驾照开车"), "无证驾驶或把车交给无证人员驾驶")).isFalse();
        assertThat(MissingLicence.aboutOneHeld(lacked("无证驾驶"), "驾驶机动车未随身携带驾驶证（优驾容错）")).isTrue();
        assertThat(MissingLicence.aboutOneHeld(lacked("没有驾照开车"), "营业执照未置于醒目位置")).isFalse();

        // a question that lacks no licence keeps every entry
        assertThat(MissingLicence.aboutOneHeld(lacked("营业执照没挂"), "营业执照未置于醒目位置")).isFalse();
        assertThat(MissingLicence.aboutOneHeld(lacked("没有营业执照卖菜"), null)).isFalse();
    }

    @Test
    void a_licence_a_question_says_someone_else_lacks_is_not_the_business_s_own() {
        for (String q : List.of("供货商没有许可证", "供应商没有食品经营许可证能进他的货吗", "上家没有营业执照", "上家也没办营业执照",
                "进货的那家没有营业执照", "厂家没有生产许可证", "生产厂家无证生产", "对方没有许可证", "合作方没有营业执照",
                "承包方没有施工许可证", "分包没有资质许可", "从没有许可证的小作坊进货", "向没有营业执照的人采购了一批货",
                "无证厂家的货能卖吗", "在没有食品经营许可证的供货商那里进了货", "别人没有营业执照也在卖", "上家无证驾驶",
                "供貨商沒有許可證", "上家沒有營業執照", "供货商说他们没有许可证", "隔壁店没有营业执照也在卖", "那家店没有营业执照",
                "对面那家没有食品经营许可证", "邻居没有许可证却在卖", "房东没有消防许可", "隔壁店沒有營業執照")) {
            assertThat(lacked(q)).as(q).isEmpty();
        }
    }

    @Test
    void the_business_itself_named_or_not_and_its_staff_lack_their_own() {
        assertThat(lacked("我没有营业执照")).containsExactly("营业执照");
        // 隔壁 or 对面 alone is a place, not a party
        assertThat(lacked("我在隔壁街开了个店没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("学校对面的小卖部是我开的，没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("我们没办食品经营许可证")).containsExactly("食品经营许可证");
        assertThat(lacked("我店没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("本店没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("公司没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("員工沒有健康證")).containsExactly("健康证");
        assertThat(lacked("司机没有驾照")).containsExactly("驾照");
        // the business named after the supplier in the clause is the one that lacks it
        assertThat(lacked("供货商说我们没有许可证")).containsExactly("许可证");
        // one clause about the business, one about the supplier: only the business's licence counts
        assertThat(lacked("我没有营业执照，供货商也没有许可证")).containsExactly("营业执照");
        assertThat(lacked("供货商有许可证，我没有营业执照")).containsExactly("营业执照");
        // 进货的时候 is no supplier
        assertThat(lacked("进货的时候还没有营业执照")).containsExactly("营业执照");
        // 其他人 of the business are its staff
        assertThat(lacked("店里其他人没有健康证")).containsExactly("健康证");
        // the legal terms of the business's own words are still read
        assertThat(lacked("我无证驾驶被查了")).containsExactly("", "机动车驾驶证");
    }

    @Test
    void a_person_called_by_surname_is_someone_else() {
        for (String q : List.of("老王没有营业执照", "小李没办许可证", "王老板没有营业执照", "张师傅的店没有许可证",
                "李总没有食品经营许可证", "刘经理也没办营业执照", "陈阿姨没有健康证", "隔壁老王没有营业执照", "老王说他没有营业执照",
                "老王家没有营业执照", "没有营业执照的老王", "王姐没有健康证", "我跟老王说了，老王没有营业执照",
                // Traditional characters are read in Simplified ones: 闆 as 板, 蕭 as 萧
                "老王沒有營業執照", "王老闆沒有營業執照", "張師傅的店沒有許可證", "蕭老闆沒有營業執照", "小陳沒辦健康證")) {
            assertThat(lacked(q)).as(q).isEmpty();
        }
    }

    @Test
    void a_small_shop_an_old_shop_the_boss_and_words_that_merely_hold_a_surname_are_the_business() {
        // 小 or 老 and a noun, not a surname
        assertThat(lacked("我的小店没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("我的小店沒有營業執照")).containsExactly("营业执照");
        assertThat(lacked("小店没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("小作坊没有食品生产许可证")).containsExactly("食品生产许可证");
        assertThat(lacked("小卖部没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("老店没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("老字号没有营业执照")).containsExactly("营业执照");
        // the boss without a name: the business the asker works in
        assertThat(lacked("老板没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("我们老板没办营业执照")).containsExactly("营业执照");
        // a surname within a word is no person
        assertThat(lacked("卖小龙虾没有许可证")).containsExactly("许可证");
        assertThat(lacked("卖老陈醋没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("卖老姜没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("面积小于50平米没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("在小程序上卖货没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("老顾客说我们没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("我在这个地方总没办营业执照")).containsExactly("营业执照");
        assertThat(lacked("我的中文老师没有教师资格证")).containsExactly("教师资格证");
        // the business named after the person is the one that lacks it
        assertThat(lacked("老王说我没有营业执照")).containsExactly("营业执照");
        assertThat(lacked("我是小王，没有营业执照")).containsExactly("营业执照");
    }

    @Test
    void a_question_about_a_supplier_s_licence_keeps_the_entries_about_checking_and_about_licences_held() {
        Set<String> supplier = lacked("供货商没有许可证");
        assertThat(MissingLicence.aboutOneHeld(supplier, "进货时未查验许可证和合格证明")).isFalse();
        assertThat(MissingLicence.aboutOneHeld(supplier, "营业执照未置于醒目位置")).isFalse();
        assertThat(MissingLicence.aboutOneHeld(lacked("上家没有营业执照"), "营业执照未置于醒目位置")).isFalse();
    }
}
