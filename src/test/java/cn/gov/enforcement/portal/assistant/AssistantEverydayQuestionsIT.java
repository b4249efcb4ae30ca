package cn.gov.enforcement.portal.assistant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.lists.DiscretionBenchmark;
import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.ListsCatalog;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.regulation.ImportService;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import cn.gov.enforcement.portal.regulation.RegulationCatalog.ArticleHit;
import cn.gov.enforcement.portal.search.TextEmbeddings;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Everyday questions of small business owners against real laws (the eleven a restaurant, a shop, a transport company
 * and an employer meet, from the shared LawRefBook corpus) and the shipped lists, with the embedding model and with
 * words alone: what the assistant offers must concern the question, and what it found before must stay found.
 */
class AssistantEverydayQuestionsIT extends KaribuViewTest {

    /** The laws imported, as paths in the LawRefBook corpus. */
    static final List<String> LAWS = List.of("行政法/行政处罚法(2021-01-22).md", "行政法/食品安全法(2021-04-29).md",
            "行政法/道路交通安全法(2021-04-29).md", "经济法/价格法(1997-12-29).md", "社会法/劳动合同法(2012-12-28).md",
            "部门规章/市场监督管理总局/明码标价和禁止价格欺诈规定(2022-04-14).md", "行政法规/城市市容和环境卫生管理条例(2017-03-01).md",
            "行政法规/劳动保障监察条例(2004-11-01).md", "行政法规/保障农民工工资支付条例(2019-12-30).md",
            "行政法规/道路交通安全法实施条例(2017-10-07).md", "行政法规/市场主体登记管理条例(2021-07-27).md");

    private static boolean imported;

    @Autowired AssistantService service;
    @Autowired ListsCatalog lists;
    @Autowired RegulationCatalog regulations;
    @Autowired Clock clock;
    @Autowired ImportService importService;
    @Autowired cn.gov.enforcement.portal.knowledge.KnowledgeBase knowledgeBase;

    @BeforeEach
    void importTheLaws() throws IOException {
        knowledgeBase.loadAll();
        if (imported) {
            return;
        }
        // skipped with a message when the shared corpus is absent (-Dportal.shared-dir names it)
        Path corpus = cn.gov.enforcement.portal.regulation.SharedData.require("corpus/lawrefbook");
        Path dir = Files.createDirectories(RUN_DATA_DIR.resolve("everyday-laws-" + System.nanoTime()));
        for (String law : LAWS) {
            Path source = corpus.resolve(law);
            assertThat(source).as("the shared LawRefBook corpus").exists();
            Path target = dir.resolve(law);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        importService.importFolder(dir, line -> {});
        imported = true;
    }

    /** The assistant with words alone, as with {@code portal.embeddings.enabled=false} or a failing model. */
    private AssistantService wordsOnly() {
        ObjectProvider<TextEmbeddings> none = new StaticListableBeanFactory().getBeanProvider(TextEmbeddings.class);
        return new AssistantService(lists, regulations, new AssistantSettings(null, null, null, Duration.ofSeconds(10),
                1000), clock, none);
    }

    private static AssistantAnswer ask(AssistantService s, String question) {
        return s.answer(question, Locale.SIMPLIFIED_CHINESE, "test-" + UUID.randomUUID());
    }

    static String describe(AssistantAnswer a) {
        List<String> parts = new ArrayList<>();
        parts.add("R: " + String.join(" / ", a.risks().stream().map(RiskPoint::title).toList()));
        parts.add("E: " + String.join(" / ", a.exemptions().stream().map(ExemptionItem::violation).toList()));
        parts.add("B: " + String.join(" / ", a.benchmarks().stream().map(DiscretionBenchmark::violation).toList()));
        parts.add("A: " + String.join(" / ", a.articles().stream().map(h -> h.documentTitle() + (h.article() == null
                ? "" : h.article()) + "[" + marks(h) + "]").toList()));
        return String.join("\n    ", parts);
    }

    private static String marks(ArticleHit h) {
        if (h.snippet() == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("<em>([^<]*)</em>").matcher(h.snippet());
        while (m.find()) {
            out.add(m.group(1));
        }
        return String.join(",", out);
    }

    /** The titles of the answer's risks, exemptions and benchmarks, and its articles, in one line each. */
    private static List<String> titles(AssistantAnswer a) {
        return Stream.of(a.risks().stream().map(RiskPoint::title), a.exemptions().stream().map(ExemptionItem::violation),
                a.benchmarks().stream().map(DiscretionBenchmark::violation)).flatMap(s -> s).toList();
    }

    private List<AssistantService> bothWays() {
        return List.of(service, wordsOnly());
    }

    @Test
    void an_entry_needs_more_than_one_shared_word_and_a_fine_range_is_never_another_violations() {
        for (AssistantService s : bothWays()) {
            AssistantAnswer car = ask(s, "车子年检过期三个月了");
            assertThat(car.risks()).as(describe(car)).extracting(RiskPoint::title).contains("机动车逾期未检验");
            assertThat(titles(car)).as(describe(car)).noneMatch(t -> t.contains("过期") || t.contains("劳动合同"));

            // no benchmark of expired food exists: no range at all rather than that of another food offence
            AssistantAnswer food = ask(s, "卖过期食品第一次被发现怎么办");
            assertThat(food.risks()).as(describe(food)).extracting(RiskPoint::title).contains("销售超过保质期的食品");
            assertThat(food.benchmarks()).as(describe(food)).isEmpty();
            assertThat(titles(food)).as(describe(food)).noneMatch(t -> t.contains("施工现场") || t.contains("健康证明"));

            AssistantAnswer scale = ask(s, "电子秤没拿去检定");
            assertThat(scale.risks()).as(describe(scale)).extracting(RiskPoint::title).contains("使用未经强制检定的电子秤");
            assertThat(scale.benchmarks()).as(describe(scale)).isEmpty();
            assertThat(titles(scale)).as(describe(scale))
                    .noneMatch(t -> t.contains("进货查验") || t.contains("舍零取整") || t.contains("电子商务"));

            AssistantAnswer bus = ask(s, "大巴车多拉了两个人");
            assertThat(bus.risks()).as(describe(bus)).extracting(RiskPoint::title).contains("公路客运车辆超员");
            assertThat(titles(bus)).as(describe(bus)).noneMatch(t -> t.contains("生活垃圾"));

            AssistantAnswer hours = ask(s, "员工一天干12个小时");
            assertThat(titles(hours)).as(describe(hours)).doesNotContain("连续驾驶超过四小时未休息");
        }
    }

    @Test
    void an_article_needs_chinese_words_of_the_question_not_a_number_or_a_single_pair() {
        for (String[] q : new String[][] {{"暑假雇了个15岁的学生帮忙", "行政处罚法"}, {"暑假雇了个15岁的学生帮忙", "市场主体登记"},
                {"饭店油烟扰民会被罚吗", "劳动合同法"}, {"诊所的医疗废物随便扔了", "劳动合同法"},
                {"饭店油烟太大邻居投诉", "食品安全法"}}) {
            AssistantAnswer a = ask(service, q[0]);
            assertThat(a.articles()).as(q[0] + "\n" + describe(a)).noneMatch(h -> h.documentTitle().contains(q[1]));
        }
        AssistantAnswer beer = ask(service, "中午喝了一瓶啤酒下午开车");
        assertThat(beer.articles()).as(describe(beer))
                .noneMatch(h -> h.documentTitle().contains("实施条例") && "第四十六条".equals(h.article()));
    }

    @Test
    void everyday_words_find_the_entries_that_use_their_legal_terms_with_words_alone() {
        AssistantService words = wordsOnly();
        for (String[] q : new String[][] {{"没给员工交社保", "未办理社会保险登记"}, {"中午喝了一瓶啤酒下午开车", "饮酒后驾驶机动车"},
                {"店里的价格标签写错了会怎样", "未按规定明码标价"}, {"车子年检过期三个月了", "机动车逾期未检验"},
                // the sixth batch of everyday words: prices not marked, scales, tableware, superlatives, goods piled
                // at the door, wages held back
                {"卖的东西没标价格", "未按规定明码标价"}, {"店里的秤不准", "使用未经强制检定的电子秤"},
                {"餐馆的碗没消毒", "餐具饮具未清洗消毒"}, {"广告说我们是最好的", "广告使用“最佳”“国家级”等绝对化用语"},
                {"门口堆了货", "店外经营、占道堆放物品"}, {"工人工资拖了两个月没发", "克扣或无故拖欠劳动者工资"}}) {
            AssistantAnswer a = ask(words, q[0]);
            assertThat(a.risks()).as(q[0] + "\n" + describe(a)).extracting(RiskPoint::title).contains(q[1]);
        }
    }

    /**
     * The seventh batch of everyday words (search/lay-terms.txt): paying a fine (交钱 → 缴纳 收缴), expired drinks (卖过期 →
     * 超过保质期), an e-bike without plates (电动车 → 电动自行车 非机动车, 上牌 → 号牌 登记); before, words alone found nothing.
     */
    @Test
    void paying_a_fine_expired_drinks_and_an_e_bike_without_plates_are_answered() {
        for (AssistantService s : bothWays()) {
            AssistantAnswer pay = ask(s, "被罚款以后多久内要交钱");
            assertThat(pay.articles()).as(describe(pay))
                    .anyMatch(h -> h.documentTitle().contains("行政处罚法") && "第六十七条".equals(h.article()));
            AssistantAnswer drinks = ask(s, "我开了个小超市，卖过期的饮料会被罚多少钱");
            assertThat(drinks.risks()).as(describe(drinks)).extracting(RiskPoint::title).contains("销售超过保质期的食品");
            AssistantAnswer bike = ask(s, "电动车没上牌照上路会被罚吗");
            assertThat(bike.articles()).as(describe(bike))
                    .anyMatch(h -> h.documentTitle().contains("道路交通安全法") && "第十八条".equals(h.article()));
        }
    }

    /** Whether an entry is about a licence held; 进货时未查验许可证 is about the supplier's, which is none. */
    private static boolean aboutALicenceHeld(String title) {
        return title.contains("置于") || title.contains("公示营业执照") || title.contains("携带驾驶证")
                || title.contains("执行报告") || title.contains("与许可证");
    }

    @Test
    void a_licence_the_supplier_lacks_is_not_the_business_s_own_and_the_entry_about_checking_it_is_offered() {
        for (AssistantService s : bothWays()) {
            for (String q : List.of("供货商没有许可证", "供貨商沒有許可證", "供货商没有许可证，我能从他那里进货吗")) {
                AssistantAnswer a = ask(s, q);
                assertThat(a.risks()).as(q + "\n" + describe(a)).extracting(RiskPoint::title)
                        .contains("进货时未查验许可证和合格证明");
            }
        }
    }

    @Test
    void a_business_without_a_licence_gets_the_items_about_having_none_not_those_about_a_licence_held() {
        String[][] none = {{"没有营业执照卖菜", "未经登记从事经营活动"}, {"没办营业执照在菜市场卖水果", "未经登记从事经营活动"},
                {"营业执照还没办下来能先开业吗", "未经登记从事经营活动"}, {"无照经营", "未经登记从事经营活动"},
                {"没有食品经营许可证卖盒饭", "未取得食品经营许可从事餐饮服务"},
                {"没有排污许可证排污水", "无排污许可证排放污染物"}, {"没有驾照开车", "无证驾驶或把车交给无证人员驾驶"},
                {"无证驾驶", "无证驾驶或把车交给无证人员驾驶"}};
        for (AssistantService s : bothWays()) {
            for (String[] q : none) {
                AssistantAnswer a = ask(s, q[0]);
                assertThat(a.risks()).as(q[0] + "\n" + describe(a)).extracting(RiskPoint::title).contains(q[1]);
                assertThat(titles(a)).as(q[0] + "\n" + describe(a)).noneMatch(AssistantEverydayQuestionsIT::aboutALicenceHeld)
                        // 未取得 of every licence lacked says nothing about which: no health certificate for a driver
                        .noneMatch(t -> q[0].contains("驾") && t.contains("健康证明"));
                assertThat(a.articles()).as(q[0] + "\n" + describe(a))
                        .noneMatch(h -> h.snippet() != null && h.snippet().contains("醒目位置"));
            }
            // having the licence but not showing it still finds the items about showing it
            for (String q : List.of("营业执照没挂", "营业执照没有挂出来", "第一次没有亮照经营会被罚款吗")) {
                AssistantAnswer a = ask(s, q);
                assertThat(a.risks()).as(q + "\n" + describe(a)).extracting(RiskPoint::title).contains("营业执照未置于醒目位置");
                assertThat(titles(a)).as(q + "\n" + describe(a)).doesNotContain("未经登记从事经营活动");
            }
            // an expired licence is still held: no item about another licence that shares only 许可证
            AssistantAnswer expired = ask(s, "食品经营许可证过期了");
            assertThat(titles(expired)).as(describe(expired)).noneMatch(t -> t.contains("排污") || t.contains("规划"));
        }
        // with words alone, the item about having none comes first; not showing it finds the showing items
        AssistantService words = wordsOnly();
        for (String[] q : none) {
            AssistantAnswer a = ask(words, q[0]);
            assertThat(a.risks()).as(q[0] + "\n" + describe(a)).first().extracting(RiskPoint::title).isEqualTo(q[1]);
            // 车驾 of 机动车驾驶证 is in every 驾驶人's title: a driver without a licence is no cyclist
            assertThat(titles(a)).as(q[0] + "\n" + describe(a)).noneMatch(t -> t.contains("非机动车"));
        }
        for (String q : List.of("没有亮照", "执照没有公示")) {
            AssistantAnswer a = ask(words, q);
            assertThat(titles(a)).as(q + "\n" + describe(a)).isNotEmpty().allMatch(t -> t.contains("营业执照"))
                    .anyMatch(t -> t.contains("置于") || t.contains("公示"));
        }
    }

    @Test
    void the_answers_that_were_right_stay_right_follow_ups_too() {
        for (AssistantService s : bothWays()) {
            for (String[] q : new String[][] {{"我开了个小饭馆，没办健康证会被罚吗", "从业人员未取得健康证明上岗", "健康证明"},
                    {"货车超载了一点会罚多少", "货运机动车超过核定载质量", "货运机动车超过核定载质量"},
                    {"营业执照没挂出来", "营业执照未置于醒目位置", "营业执照置于"}, {"饭店油烟扰民会被罚吗", "餐饮油烟未经净化超标排放", "油烟"},
                    {"晚上在店门口摆摊烧烤", "在禁止区域露天烧烤", "露天烧烤"},
                    {"渣土车撒了一路土", "渣土车未密闭运输造成遗撒", "渣土"}, {"店招牌掉了几个字", "店招标牌破损、字体残缺未及时维修", null}}) {
                AssistantAnswer a = ask(s, q[0]);
                assertThat(a.risks()).as(q[0] + "\n" + describe(a)).extracting(RiskPoint::title).contains(q[1]);
                if (q[2] != null) {
                    assertThat(a.benchmarks()).as(q[0] + "\n" + describe(a)).extracting(DiscretionBenchmark::violation)
                            .anySatisfy(v -> assertThat(v).contains(q[2]));
                }
            }
            String client = "test-" + UUID.randomUUID();
            AssistantAnswer fumes = s.answer("饭店油烟扰民会被罚吗", Locale.SIMPLIFIED_CHINESE, client);
            AssistantAnswer howMuch = s.answer("那要罚多少钱？", fumes, Locale.SIMPLIFIED_CHINESE, client);
            assertThat(howMuch.followUp()).isTrue();
            assertThat(howMuch.benchmarks()).as(describe(howMuch)).extracting(DiscretionBenchmark::violation)
                    .contains("餐饮服务业经营者超标排放油烟");
            AssistantAnswer first = s.answer("如果是第一次呢", howMuch, Locale.SIMPLIFIED_CHINESE, client);
            assertThat(first.followUp()).isTrue();
            assertThat(first.risks()).as(describe(first)).extracting(RiskPoint::title).contains("餐饮油烟未经净化超标排放");
        }
    }

    @Test
    void an_english_question_that_finds_nothing_is_asked_for_in_chinese_on_an_english_page() {
        String question = "Can I be fined for selling expired food?";
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("assistant", QueryParameters.simple(Map.of("q", question)));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("assistant-none")).getText()).startsWith(
                "Nothing in the lists or laws matches the question. Ask in Chinese (the lists and laws are Chinese");
        // zh-TW's message stays as it was
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("assistant", QueryParameters.simple(Map.of("q", question)));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("assistant-none")).getText())
                .isEqualTo("沒有找到與問題相關的清單事項或法條。可以換個說法，寫清行業和具體行為，或者直接瀏覽清單。");
    }

    /** Whether an article is the given one of a law whose title contains {@code law}. */
    private static boolean isArticle(ArticleHit h, String law, String article) {
        return h.documentTitle().contains(law) && article.equals(h.article());
    }

    /**
     * The forty-fourth session: a pair across two words of the question (款决 of 罚款|决定, 照会 of 执照|会) or one long
     * word (营业执照, 三轮车) made an article a source, and the 人员 of 执法人员 made an exemption about forged identity
     * papers one; now an article's marks must cover two words of the question and 人员 is no word of it. (With the
     * embedding model the officer's question still came within 0.6 of 进货查验 and of the forged papers in meaning
     * alone, which words did not decide; since the forty-fifth session such entries must share a word of the question
     * beside articles: {@link #beside_articles_an_entry_on_meaning_alone_must_share_a_word_of_the_question}.)
     */
    @Test
    void an_article_needs_two_words_of_the_question_not_one_long_word_or_a_pair_across_two() {
        // the officer's duty to show the certificate, not the exemption about forged papers of a child worker
        AssistantAnswer byWords = ask(wordsOnly(), "执法人员来检查不出示证件");
        assertThat(titles(byWords)).as(describe(byWords)).isEmpty();
        for (AssistantService s : bothWays()) {
            AssistantAnswer officer = ask(s, "执法人员来检查不出示证件");
            assertThat(officer.articles()).as(describe(officer)).anyMatch(h -> isArticle(h, "行政处罚法", "第五十五条"));

            // 罚款决定 marked in articles on paying a fine is one word of 对罚款决定不服; 决定不服 leads to review and suit
            AssistantAnswer appeal = ask(s, "对罚款决定不服怎么办");
            assertThat(appeal.articles()).as(describe(appeal)).anyMatch(h -> isArticle(h, "行政处罚法", "第七十三条"))
                    .noneMatch(h -> isArticle(h, "行政处罚法", "第六十七条"))
                    .noneMatch(h -> isArticle(h, "道路交通安全法", "第八十二条"));

            // zh-TW: 營業執照 alone is no sign that an article concerns a shop without one
            AssistantAnswer shop = s.answer("我的店沒有營業執照會怎樣", Locale.TRADITIONAL_CHINESE, "test-" + UUID.randomUUID());
            assertThat(shop.risks()).as(describe(shop)).extracting(RiskPoint::title).contains("未经登记从事经营活动");
            assertThat(shop.articles()).as(describe(shop)).anyMatch(h -> isArticle(h, "市场主体登记管理条例", "第四十三条"))
                    .noneMatch(h -> h.documentTitle().contains("道路交通安全法"))
                    .noneMatch(h -> isArticle(h, "劳动保障监察条例", "第三十三条"));

            // 执法人员 and 罚款 marked in the articles on collecting a fine on the spot: not about how many officers come
            AssistantAnswer alone = ask(s, "执法人员只来了一个人就要罚款");
            assertThat(alone.articles()).as(describe(alone)).noneMatch(h -> isArticle(h, "行政处罚法", "第六十八条")
                    || isArticle(h, "行政处罚法", "第六十九条") || isArticle(h, "行政处罚法", "第七十条"));

            // 三轮车 alone: the articles on driving a motor tricycle say nothing of the urban management's seizure
            AssistantAnswer tricycle = ask(s, "城管把我的三轮车扣了");
            assertThat(tricycle.articles()).as(describe(tricycle)).noneMatch(h -> h.documentTitle().contains("实施条例"));

            // a complaint about an officer's manner: the portal's guide on rating the enforcement, not the certificate
            AssistantAnswer manner = ask(s, "执法人员态度很差怎么投诉");
            assertThat(manner.articles()).as(describe(manner)).anyMatch(h -> h.documentTitle().contains("怎样评价执法"))
                    .noneMatch(h -> isArticle(h, "行政处罚法", "第五十五条"));

            // pesticide residues: the food law's articles that mark 农药残留 and 蔬菜
            AssistantAnswer pesticide = ask(s, "卖的蔬菜农药残留超标");
            assertThat(pesticide.articles()).as(describe(pesticide)).anyMatch(h -> h.documentTitle().contains("食品安全法"));
            // and the exemption of a seller who checked the supplier: 超标 said as 不符合 标准 (search/lay-terms.txt), a
            // word it shares, since beside articles an entry found on meaning alone must share one
            assertThat(pesticide.exemptions()).as(describe(pesticide)).extracting(ExemptionItem::violation)
                    .anyMatch(v -> v.startsWith("已履行进货查验义务"));

            // two words of the question still find their articles
            AssistantAnswer hearing = ask(s, "罚款之前能不能要求听证");
            assertThat(hearing.articles()).as(describe(hearing)).anyMatch(h -> isArticle(h, "行政处罚法", "第六十三条"));
            AssistantAnswer suit = ask(s, "对行政处罚不服可以起诉吗");
            assertThat(suit.articles()).as(describe(suit)).anyMatch(h -> isArticle(h, "行政处罚法", "第七条"));
            AssistantAnswer phone = ask(s, "开车打电话会扣分吗");
            assertThat(phone.risks()).as(describe(phone)).extracting(RiskPoint::title).contains("驾车时手持电话");
            assertThat(phone.articles()).as(describe(phone)).anyMatch(h -> isArticle(h, "道路交通安全法", "第二十四条"));
        }
    }

    /**
     * A car left on the pavement: the article on it (道路交通安全法 第五十六条, 禁止在人行道上停放机动车) says 停放 where
     * the question says 停在, so its marks covered one word of the question only (人行道) and it was no longer offered
     * once an article needed two; 停在 → 停放 (`search/lay-terms.txt`) gives it its second word.
     */
    @Test
    void a_car_left_on_the_pavement_finds_the_article_on_parking() {
        for (AssistantService s : bothWays()) {
            AssistantAnswer parked = s.answer("我的車停在人行道上被貼罰單", Locale.TRADITIONAL_CHINESE,
                    "test-" + UUID.randomUUID());
            assertThat(parked.articles()).as(describe(parked)).anyMatch(h -> isArticle(h, "道路交通安全法", "第五十六条"));
        }
    }

    /**
     * Running a red light: the article on the fine (道路交通安全法 第九十条, a driver who breaks the rules of passage
     * 关于道路通行规定, 警告或者二十元以上二百元以下罚款) says nothing of a red light, so neither 闯红灯 nor its term 交通信号
     * found it; 闯红灯 → 道路通行规定 (`search/lay-terms.txt`) does.
     */
    @Test
    void running_a_red_light_finds_the_article_on_its_fine() {
        for (AssistantService s : bothWays()) {
            AssistantAnswer red = s.answer("开车闯红灯罚多少钱", Locale.SIMPLIFIED_CHINESE, "test-" + UUID.randomUUID());
            assertThat(red.articles()).as(describe(red)).anyMatch(h -> isArticle(h, "道路交通安全法", "第九十条"));
        }
    }

    /**
     * The questions of the forty-fifth session about how officers must act, and the articles of which each must be
     * offered one: where several articles answer it (the duty to tell and hear the party, 第四十四/四十五条, and the
     * decision that may not be made without it, 第六十二条; the written decision's contents, 第五十九条, its handing over,
     * 第六十一条, and the one made on the spot, 第五十二条), which of them come first depends on the index's statistics:
     * a run of .ci/run, with other laws in the node, offered 第五十二/六十一条 and not 第五十九条.
     */
    private static final String[][] OFFICERS = {{"执法人员只来了一个人就要罚款", "第四十二条"},
            {"就一个执法人员来检查，这样合法吗", "第四十二条"}, {"来检查的人没给我看执法证", "第五十五条"},
            {"罚款之前没告诉我为什么要罚", "第四十四条|第六十二条"}, {"执法人员不让我解释就罚款", "第四十五条|第六十二条"},
            {"罚了款却没给我处罚决定书", "第五十九条|第六十一条|第五十二条"}};

    /**
     * The forty-fifth session: how officers must act, in everyday words. Two officers at least (行政处罚法 第四十二条,
     * 执法人员不得少于两人): 只来了一个人 shared only 执法 with it, and the search did not even return it, until 只来了一个 /
     * 一个执法人员 → 少于两人 joined `search/lay-terms.txt`; telling the reasons before a penalty (第四十四条, 告知…理由、依据),
     * hearing the party (第四十五条, 陈述和申辩) and the written decision (第五十九条, 行政处罚决定书, of which 处罚决定书 is one
     * word of the question) alike, while the articles on collecting a fine on the spot, which mark 执法人员 and 罚款, are not
     * offered (the traffic police's own rules on hearing the party and on the decision, 道路交通安全法 第一百零七条 and its
     * 实施条例 第一百一十条, may be).
     */
    @Test
    void how_officers_must_act_finds_the_articles_of_the_administrative_penalty_law() {
        for (AssistantService s : bothWays()) {
            for (String[] q : OFFICERS) {
                AssistantAnswer a = ask(s, q[0]);
                assertThat(a.articles()).as(q[0] + "\n" + describe(a)).anyMatch(h -> java.util.Arrays.stream(q[1].split("\\|"))
                                .anyMatch(number -> isArticle(h, "行政处罚法", number)))
                        .noneMatch(h -> isArticle(h, "行政处罚法", "第六十八条") || isArticle(h, "行政处罚法", "第六十九条")
                                || isArticle(h, "行政处罚法", "第七十条"));
            }
        }
        // and with words alone, no list entry: none is about how officers act
        AssistantService words = wordsOnly();
        for (String[] q : OFFICERS) {
            AssistantAnswer a = ask(words, q[0]);
            assertThat(titles(a)).as(q[0] + "\n" + describe(a)).isEmpty();
        }
    }

    /**
     * The forty-fifth session: beside articles the question's words found, a list entry offered on its meaning alone
     * must share one of the question's words. 执法人员来检查不出示证件 came within 0.6 to 0.68 in meaning of 进货查验, of two
     * entries on health certificates and of the exemption about a child worker's forged identity papers (证件, now a
     * generic pair like 人员: the words before it say whose papers), sharing no word with them; 第一次违法后果轻微会被罚款吗
     * keeps its exemption 情节轻微…违法行为 (轻微), and a question no article concerns keeps what meaning alone finds.
     */
    @Test
    void beside_articles_an_entry_on_meaning_alone_must_share_a_word_of_the_question() {
        AssistantAnswer officer = ask(service, "执法人员来检查不出示证件");
        assertThat(officer.articles()).as(describe(officer)).anyMatch(h -> isArticle(h, "行政处罚法", "第五十五条"));
        assertThat(titles(officer)).as(describe(officer)).isEmpty();
        AssistantAnswer first = ask(service, "第一次违法后果轻微会被罚款吗");
        assertThat(first.articles()).as(describe(first)).anyMatch(h -> isArticle(h, "行政处罚法", "第三十三条"));
        assertThat(first.exemptions()).as(describe(first)).extracting(ExemptionItem::violation)
                .anyMatch(v -> v.startsWith("情节轻微"));
        AssistantAnswer pupil = ask(service, "暑假雇了个15岁的学生帮忙");
        assertThat(pupil.articles()).as(describe(pupil)).isEmpty();
        assertThat(pupil.risks()).as(describe(pupil)).extracting(RiskPoint::title).contains("招用不满十六周岁的未成年人");
    }

    /** Whether an article is one of the numbers (第X条|第Y条) of 道路交通安全法 itself, not of its 实施条例. */
    private static boolean isTrafficArticle(ArticleHit h, String numbers) {
        return !h.documentTitle().contains("实施条例") && java.util.Arrays.stream(numbers.split("\\|"))
                .anyMatch(number -> isArticle(h, "道路交通安全法", number));
    }

    /**
     * The forty-sixth session: a question about one kind of vehicle (开车, 货车 …: a motor vehicle; 电动车, 骑车 …: a
     * non-motor one) is not answered by what concerns the other kind only ({@code VehicleKinds}). 我开车闯红灯了会罚多少钱 got
     * the e-bike's red-light risk, the non-motor benchmark and 道路交通安全法 第八十九条 (非机动车驾驶人) beside 第九十条
     * (机动车驾驶人); 开车超速了罚多少 (words alone) the e-bike's speeding risk; 电动车超速会怎么样 the car's speeding risk and
     * benchmark. The reverse, a question naming no vehicle and a truck overloading keep what answers them.
     */
    @Test
    void a_question_about_one_kind_of_vehicle_gets_nothing_about_the_other_only() {
        String ebike = "电动自行车超速、逆行和闯红灯";
        String nonMotorFine = "非机动车驾驶人违反道路通行规定";
        for (AssistantService s : bothWays()) {
            AssistantAnswer car = ask(s, "我开车闯红灯了会罚多少钱");
            assertThat(car.articles()).as(describe(car)).anyMatch(h -> isTrafficArticle(h, "第九十条"))
                    .noneMatch(h -> isTrafficArticle(h, "第八十九条"));
            assertThat(titles(car)).as(describe(car)).doesNotContain(ebike, nonMotorFine)
                    .noneMatch(t -> t.contains("非机动车") || t.contains("电动自行车"));

            AssistantAnswer bike = ask(s, "骑电动车闯红灯罚多少钱");
            assertThat(bike.risks()).as(describe(bike)).extracting(RiskPoint::title).contains(ebike);
            assertThat(bike.benchmarks()).as(describe(bike)).extracting(DiscretionBenchmark::violation).contains(nonMotorFine);
            assertThat(bike.articles()).as(describe(bike)).anyMatch(h -> isTrafficArticle(h, "第八十九条|第五十八条")
                            || isArticle(h, "实施条例", "第三十八条"))
                    .noneMatch(h -> isTrafficArticle(h, "第九十条"));
            assertThat(titles(bike)).as(describe(bike)).noneMatch(t -> t.startsWith("机动车") || t.contains("驾驶机动车"));

            // naming no vehicle, the red light keeps both kinds
            AssistantAnswer anyone = ask(s, "闯红灯罚多少钱");
            assertThat(anyone.risks()).as(describe(anyone)).extracting(RiskPoint::title).contains(ebike);
            assertThat(anyone.benchmarks()).as(describe(anyone)).extracting(DiscretionBenchmark::violation)
                    .contains(nonMotorFine);
            assertThat(anyone.articles()).as(describe(anyone))
                    .anyMatch(h -> isTrafficArticle(h, "第九十条|第八十九条|第二十六条|第四十四条"));

            AssistantAnswer truck = ask(s, "货车超载了会罚多少钱");
            assertThat(truck.risks()).as(describe(truck)).extracting(RiskPoint::title).contains("货运机动车超过核定载质量");
            assertThat(truck.benchmarks()).as(describe(truck)).extracting(DiscretionBenchmark::violation)
                    .contains("货运机动车超过核定载质量");
            assertThat(truck.articles()).as(describe(truck)).anyMatch(h -> isTrafficArticle(h, "第九十二条")
                    || isArticle(h, "实施条例", "第一百零六条"));
            assertThat(titles(truck)).as(describe(truck)).noneMatch(t -> t.contains("非机动车") || t.contains("电动自行车"));

            AssistantAnswer speeding = ask(s, "开车超速了罚多少");
            assertThat(speeding.risks()).as(describe(speeding)).extracting(RiskPoint::title).contains("超过限速行驶")
                    .doesNotContain(ebike);
            assertThat(speeding.benchmarks()).as(describe(speeding)).extracting(DiscretionBenchmark::violation)
                    .contains("机动车超过规定时速行驶");

            AssistantAnswer fast = ask(s, "电动车超速会怎么样");
            assertThat(fast.risks()).as(describe(fast)).extracting(RiskPoint::title).contains(ebike);
            assertThat(titles(fast)).as(describe(fast)).doesNotContain("超过限速行驶", "机动车超过规定时速行驶")
                    .noneMatch(t -> t.startsWith("货运机动车"));
        }
    }
}
