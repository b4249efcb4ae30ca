package cn.gov.enforcement.portal.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.ChineseScript;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the assistant counts the words a question shares with a list entry, in either script. */
class ListWordsTest {

    private static Set<String> question(String text) {
        return AssistantService.questionPairs(ChineseScript.toSimplified(text));
    }

    private static List<Set<String>> words(String text) {
        return AssistantService.questionWords(ChineseScript.toSimplified(text));
    }

    @Test
    void title_words_count_three_body_words_one_and_fillers_none() {
        Set<String> pairs = question("请问开车时回复消息会被罚吗");
        assertThat(pairs).contains("开车", "回复", "消息").doesNotContain("请问");
        assertThat(AssistantService.words(pairs, "驾驶时回复消息", "")).isEqualTo(4 * 3); // 时回 回复 复消 消息
        assertThat(AssistantService.words(pairs, "驾驶时回复", "手持手机发消息")).isEqualTo(2 * 3 + 1); // 时回 回复; 消息
        assertThat(AssistantService.words(pairs, "餐饮油烟超标", "未经净化")).isZero();
    }

    @Test
    void a_traditional_question_meets_the_simplified_entry_even_where_conversion_keeps_the_character() {
        // 回覆 and 瞭解 stay as they are when converted to Simplified; the fold makes them 回复 and 了解 on both sides
        assertThat(ChineseScript.toSimplified("回覆訊息")).startsWith("回覆");
        Set<String> traditional = question("開車時回覆訊息會被罰嗎");
        Set<String> simplified = question("开车时回复讯息会被罚吗");
        assertThat(traditional).isEqualTo(simplified);
        assertThat(AssistantService.words(traditional, "手持手机回复讯息", "")).isEqualTo(3 * 3); // 回复 复讯 讯息
        assertThat(AssistantService.words(question("不瞭解申報要求"), "未申报", "小产废单位不了解申报要求")).isPositive();
        // an entry written in Traditional characters is folded alike
        assertThat(AssistantService.words(simplified, "手持手機回覆訊息", "")).isEqualTo(3 * 3);
    }

    @Test
    void one_shared_pair_offers_no_entry_and_generic_pairs_numbers_and_latin_words_are_no_words() {
        // 车子年检过期 shares only 过期 with 健康证明过期未复查: one pair says nothing about which violation is meant
        Set<String> car = question("车子年检过期三个月了");
        assertThat(AssistantService.words(car, "首次发现个别从业人员健康证明过期未复查", "")).isZero();
        assertThat(AssistantService.words(car, "施工现场维权信息公示牌缺失或信息过期", "")).isZero();
        // two pairs of the title are enough, one of the title and two of the rest too; one and one, or the rest alone,
        // are not
        assertThat(AssistantService.words(question("电子秤没拿去检定"), "使用未经强制检定的电子秤", "")).isEqualTo(3 * 3);
        assertThat(AssistantService.words(question("电子秤没拿去检定"), "电子商务经营者未在首页公示营业执照信息", "")).isZero();
        assertThat(AssistantService.words(question("饭店油烟扰民"), "", "餐饮油烟扰民")).isZero();
        assertThat(AssistantService.words(question("卖过期食品"), "销售无标签的预包装食品", "过期的")).isZero();
        assertThat(AssistantService.words(question("卖过期食品"), "销售无标签的预包装食品", "过期食品")).isEqualTo(3 + 2);
        // when it happened and how it was found say nothing about what was done
        assertThat(question("卖过期食品第一次被发现怎么办")).contains("过期", "食品").doesNotContain("第一", "一次", "发现");
        assertThat(AssistantService.words(question("卖过期食品第一次被发现怎么办"),
                "安排未取得健康证明的人员从事接触直接入口食品的工作", "首次发现的，责令改正")).isZero();
        // 未取得 is the boilerplate of every licence lacked, and the kind of a 许可证 is in the words before it
        assertThat(AssistantService.words(question("无证驾驶 未取得机动车驾驶证"), "安排未取得健康证明的人员从事接触直接入口食品的工作",
                "")).isZero();
        assertThat(AssistantService.words(question("食品经营许可证过期了"), "排污许可证执行报告逾期提交", "")).isZero();
        assertThat(AssistantService.words(question("没有排污许可证"), "无排污许可证排放污染物", "")).isEqualTo(3 * 3);
        // 车驾 of 机动车驾驶证 is in every 机动车驾驶人 and 电动自行车驾驶人: a driver without a licence is no cyclist
        assertThat(AssistantService.words(question("没有驾照开车 机动车驾驶证 驾驶"), "电动自行车驾驶人首次未在非机动车道内行驶", ""))
                .isZero();
        // the 15 of a 15-year-old and the 12 of twelve hours are no words
        assertThat(question("暑假雇了个15岁的学生帮忙")).noneMatch(p -> p.matches(".*\\d.*"));
        assertThat(question("员工一天干12个小时")).noneMatch(p -> p.matches(".*\\d.*"));
    }

    @Test
    void an_article_counts_when_its_marks_cover_two_words_of_the_question() {
        List<Set<String>> clinic = words("诊所的医疗废物随便扔了");
        // 医疗 of 医疗废物 marked in 医疗期: one pair
        assertThat(AssistantService.sharesWords("劳动者患病或者非因工负伤，在规定的<em>医疗</em>期内的", clinic)).isFalse();
        assertThat(AssistantService.sharesWords("<em>医疗废物</em>应当交由", clinic)).isTrue();
        assertThat(AssistantService.sharesWords("<em>医疗</em>机构产生的<em>废物</em>", clinic)).isTrue();
        // a marked number is no word of the question
        List<Set<String>> student = words("暑假雇了个15岁的学生帮忙");
        assertThat(AssistantService.sharesWords("本法自2021年7月<em>15</em>日起施行", student)).isFalse();
        assertThat(AssistantService.sharesWords(null, student)).isFalse();
        // 没有 says that something is lacking, not what: 没有明码标价 met 刑法's 法律没有明文规定 (没有 and 有明, a pair
        // across two words) and the same three characters in an article of the food law; what is lacking still counts
        List<Set<String>> price = words("第一次被查到没有明码标价会罚款吗");
        assertThat(AssistantService.sharesWords("法律<em>没有明</em>文规定为犯罪行为的，不得定罪处刑。", price)).isFalse();
        assertThat(AssistantService.sharesWords("经营者应当<em>明码标价</em>", price)).isTrue();
    }

    @Test
    void a_pair_across_two_words_of_the_question_is_no_word_and_one_long_word_is_one() {
        // 罚款|决定|不服: 款决 and 定不 span two words; 罚款 is generic, so the question's words are 决定 and 不服
        List<Set<String>> fine = words("对罚款决定不服怎么办");
        assertThat(fine).containsExactly(Set.of("决定"), Set.of("不服"));
        assertThat(question("对罚款决定不服怎么办")).contains("款决", "定不"); // the lists still count every pair
        // 作出罚款决定 marks 款决 and 决定: one word of the question, however many pairs
        assertThat(AssistantService.sharesWords("依法作出<em>罚款决定</em>的行政机关", fine)).isFalse();
        assertThat(AssistantService.sharesWords("当事人对行政处罚<em>决定不服</em>，申请行政复议", fine)).isTrue();
        // 营业执照 is one word of three pairs: an article on vehicle makers without one is not about the shop's
        List<Set<String>> shop = words("我的店沒有營業執照會怎樣");
        assertThat(shop).contains(Set.of("营业", "业执", "执照")).noneMatch(w -> w.contains("照会") || w.contains("有营"));
        assertThat(AssistantService.sharesWords("没有<em>营业执照</em>的，予以查封", shop)).isFalse();
        assertThat(AssistantService.sharesWords("<em>营业执照</em>遗失的，可以申请补领<em>营业执照</em>", shop)).isFalse();
        // a question word is no word, a filler inside a word (the 要 of 要求) is part of it
        assertThat(words("罚款之前能不能要求听证")).contains(Set.of("要求"), Set.of("听证"))
                .noneMatch(w -> w.contains("不能") || w.contains("求听"));
        // two words of the question still count, as they did
        assertThat(AssistantService.sharesWords("在<em>人行道</em>上<em>停放</em>机动车", words("车停放在人行道上"))).isTrue();
    }

    @Test
    void the_person_of_a_question_is_no_word_of_it() {
        // 执法人员来检查不出示证件 shared only 人员 and 证件 with the exemption about forged identity papers: which
        // person is meant, the words before 人员 say, and whose papers, the words before 证件
        Set<String> officer = question("执法人员来检查不出示证件");
        assertThat(officer).contains("执法", "出示").doesNotContain("人员", "证件");
        assertThat(AssistantService.words(officer, "招用时已核查身份证件，但被他人冒用或伪造的证件欺骗而招用了未满十六周岁的人员",
                "劳动用工")).isZero();
        assertThat(AssistantService.words(question("员工没办健康证"), "从业人员未取得健康证明上岗", "")).isEqualTo(2 * 3);
    }

    @Test
    void an_entry_shares_a_word_when_it_holds_a_pair_of_one_and_papers_of_any_kind_are_no_word() {
        List<Set<String>> officer = words("执法人员来检查不出示证件");
        assertThat(officer).containsExactly(Set.of("执法"), Set.of("检查"), Set.of("出示"));
        assertThat(AssistantService.sharesAWord(officer, "招用时已核查身份证件，但被他人冒用或伪造的证件欺骗而招用了未满十六周岁的人员"))
                .isFalse();
        assertThat(AssistantService.sharesAWord(officer, "执法证件")).isTrue();
        assertThat(AssistantService.sharesAWord(words("第一次违法后果轻微会被罚款吗"),
                "情节轻微、未影响道路通行的道路交通安全违法行为（当场发现）")).isTrue();
    }
}
