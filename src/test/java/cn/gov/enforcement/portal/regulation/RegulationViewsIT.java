package cn.gov.enforcement.portal.regulation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Browserless tests of the public regulation pages (search and document) on the whole application. */
class RegulationViewsIT extends KaribuViewTest {

    @Autowired ImportService importService;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void importThePenaltyLawAndTheSeeds() throws IOException {
        Path corpus = SharedData.require("corpus/lawrefbook");
        Path seeds = SharedData.require("seeds");
        Path dir = Files.createDirectories(RUN_DATA_DIR.resolve("regulation-views"));
        Files.createDirectories(dir.resolve("行政法"));
        Files.copy(corpus.resolve("行政法/行政处罚法(2021-01-22).md"), dir.resolve("行政法/行政处罚法(2021-01-22).md"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(seeds.resolve("000_d934e9e45ad9936f.txt"), dir.resolve("000.txt"), StandardCopyOption.REPLACE_EXISTING);
        // sections 二、 and 三、 of this notice both number their items (一), (二), (三)
        Files.copy(seeds.resolve("002_bdbcc8da2c5c7a22.txt"), dir.resolve("002.txt"), StandardCopyOption.REPLACE_EXISTING);
        // two real versions of one title: the 2022 revision replaces the 2016 amendment
        for (String version : new String[] {"体育法(2016-11-07).md", "体育法(2022-06-24).md"}) {
            Files.copy(corpus.resolve("行政法").resolve(version), dir.resolve("行政法").resolve(version),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        // idempotent: the second and later calls write nothing
        importService.importFolder(dir, line -> {});
    }

    @Autowired SearchThrottle throttle;

    @Test
    void a_client_over_the_search_limit_is_told_to_wait_and_keeps_its_question() {
        throttle.limit(1);
        try {
            UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法")));
            assertThat(_find(Anchor.class, spec -> spec.withClasses("regulation-hit-link"))).isNotEmpty();
            UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "危害后果轻微")));
            assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("regulation-count")).getText())
                    .matches("检索过于频繁，请 \\d+ 秒后再试。");
            assertThat(_find(Anchor.class, spec -> spec.withClasses("regulation-hit-link"))).isEmpty();
            assertThat(_get(TextField.class, spec -> spec.withId("regulation-search")).getValue()).isEqualTo("危害后果轻微");
        } finally {
            throttle.limit(0);
        }
    }

    @Test
    void searching_from_the_url_lists_the_article_with_its_permalink_and_snippet() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微", "level", "law")));
        assertThat(_get(TextField.class, spec -> spec.withId("regulation-search")).getValue())
                .isEqualTo("初次违法且危害后果轻微");
        Anchor first = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0);
        assertThat(first.getText()).isEqualTo("中华人民共和国行政处罚法 第三十三条");
        assertThat(first.getHref()).matches("regulations/\\d+#第三十三条");
        assertThat(_get(Div.class, spec -> spec.withId("regulation-results")).getElement().getOuterHTML())
                .contains("<em>");
    }

    @Test
    void the_english_page_counts_its_hits_in_english() {
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        try {
            UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微", "level", "law")));
            assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("regulation-count")).getText())
                    .matches("\\d[\\d,]* matching articles?; page 1 of \\d+\\.");
        } finally {
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Test
    void each_hit_says_its_level_status_version_and_in_force_date() {
        String law = UI.getCurrent().getTranslation("regulation.level.LAW");
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "体育", "status", "superseded")));
        List<Div> old = _find(Div.class, spec -> spec.withClasses("regulation-hit-meta"));
        assertThat(old).isNotEmpty().allSatisfy(meta -> {
            assertThat(meta.getElement().getTextRecursively()).startsWith(law + " · ")
                    .contains(UI.getCurrent().getTranslation("regulation.status.SUPERSEDED"))
                    .contains(UI.getCurrent().getTranslation("regulation.document.versionLabel", "2016-11-07"));
            assertThat(_get(meta, com.vaadin.flow.component.html.Span.class,
                    spec -> spec.withClasses("regulation-hit-status")).getElement().getAttribute("data-status"))
                    .isEqualTo("SUPERSEDED");
        });
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "体育", "level", "law")));
        List<Div> current = _find(Div.class, spec -> spec.withClasses("regulation-hit-meta"));
        assertThat(current).isNotEmpty().allSatisfy(meta -> assertThat(meta.getElement().getTextRecursively())
                .contains(UI.getCurrent().getTranslation("regulation.status.CURRENT"))
                .doesNotContain(UI.getCurrent().getTranslation("regulation.status.SUPERSEDED")));
        // the corpus's sports law names no in-force date: the version date alone is shown
        assertThat(current).anySatisfy(meta -> assertThat(meta.getElement().getTextRecursively())
                .contains(UI.getCurrent().getTranslation("regulation.document.versionLabel", "2022-06-24"))
                .doesNotContain(UI.getCurrent().getTranslation("regulation.document.inForceOn", "2022-06-24")));
        // a version in force after its version date says from when; a repealed one says so
        Div pending = RegulationSearchView.meta(UI.getCurrent(), new RegulationCatalog.ArticleHit(1, "某条例", "某条例",
                "第一条", "", LegalLevel.LOCAL_REGULATION, DocumentStatus.REPEALED, java.time.LocalDate.of(2024, 5, 1),
                java.time.LocalDate.of(2024, 10, 1), "", "/regulations/1#第一条", 1));
        assertThat(pending.getElement().getTextRecursively()).isEqualTo(String.join(" · ",
                UI.getCurrent().getTranslation("regulation.level.LOCAL_REGULATION"),
                UI.getCurrent().getTranslation("regulation.status.REPEALED"),
                UI.getCurrent().getTranslation("regulation.document.versionLabel", "2024-05-01"),
                UI.getCurrent().getTranslation("regulation.document.inForceOn", "2024-10-01")));
    }

    @Test
    void the_search_page_says_which_legal_terms_it_also_searched_for() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "城管开的罚单不服怎么办")));
        Paragraph terms = _get(Paragraph.class, spec -> spec.withId("regulation-legal-terms"));
        assertThat(terms.isVisible()).isTrue();
        List<Anchor> links = _find(terms, Anchor.class);
        assertThat(links).extracting(Anchor::getText).contains("行政执法", "行政处罚");
        // each term searches for itself alone, the other filters kept
        Anchor link = links.stream().filter(a -> a.getText().equals("行政执法")).findFirst().orElseThrow();
        assertThat(link.getHref()).startsWith("regulations?").contains("q=" + java.net.URLEncoder.encode("行政执法",
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        UI.getCurrent().navigate("regulations",
                QueryParameters.fromString(link.getHref().substring(link.getHref().indexOf('?') + 1)));
        assertThat(_get(TextField.class, spec -> spec.withId("regulation-search")).getValue()).isEqualTo("行政执法");
        // a search in the statutes' own words shows no such line
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "行政处罚")));
        assertThat(_find(Paragraph.class, spec -> spec.withId("regulation-legal-terms"))).isEmpty();
    }

    @Test
    void an_empty_search_asks_for_words_and_a_hopeless_one_says_nothing_was_found() {
        UI.getCurrent().navigate("regulations");
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-count")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("regulation.search.prompt"));
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "😀 ((( 鬱鬱")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-count")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("regulation.search.none"));
    }

    @Test
    void the_document_page_has_a_table_of_contents_and_an_anchor_per_article() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微", "level", "law")));
        String href = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0).getHref();
        UI.getCurrent().navigate(href.substring(0, href.indexOf('#')));
        assertThat(_get(H1.class, spec -> spec.withId("regulation-title")).getText()).isEqualTo("中华人民共和国行政处罚法");
        assertThat(articles().select("[id=第三十三条]")).hasSize(1);
        assertThat(contents().select("a.regulation-toc-article").eachAttr("href"))
                .contains(href.substring(0, href.indexOf('#')) + "#第三十三条");
    }

    @Test
    void a_report_about_enforcement_is_shown_as_other_material_and_no_basis_for_an_act() throws IOException {
        Path dir = Files.createDirectories(RUN_DATA_DIR.resolve("regulation-views-report"));
        Files.copy(SharedData.require("seeds").resolve("003_fc8b619ff426a033.txt"), dir.resolve("003.txt"),
                StandardCopyOption.REPLACE_EXISTING);
        importService.importFolder(dir, line -> {});
        long id = jdbc.queryForObject("select id from regulation_document where title = ? and level = 'OTHER_MATERIAL'",
                Long.class, "刚柔并济 包容审慎以服务型行政执法打造法治化营商环境");
        UI.getCurrent().navigate("regulations/" + id);
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-other-material")).getText())
                .contains("不是法律、法规、规章或规范性文件").contains("不能作为执法依据");

        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微", "level", "law")));
        String href = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0).getHref();
        UI.getCurrent().navigate(href.substring(0, href.indexOf('#')));
        assertThat(_find(Paragraph.class, spec -> spec.withId("regulation-other-material"))).isEmpty();
    }

    @Test
    void a_middle_article_links_to_the_previous_and_the_next_article() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微", "level", "law")));
        String href = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0).getHref();
        String base = href.substring(0, href.indexOf('#'));
        UI.getCurrent().navigate(base);
        org.jsoup.nodes.Element article = article("第三十三条");
        org.jsoup.nodes.Element previous = article.selectFirst("a.regulation-previous");
        org.jsoup.nodes.Element next = article.selectFirst("a.regulation-next");
        assertThat(previous.attr("href")).isEqualTo(base + "#第三十二条");
        assertThat(previous.text()).isEqualTo(UI.getCurrent().getTranslation("regulation.document.previous"));
        assertThat(next.attr("href")).isEqualTo(base + "#第三十四条");
        // hundreds of such links on one page: each is named after the article it leads to
        assertThat(previous.attr("aria-label")).isEqualTo("上一条：第三十二条");
        assertThat(next.attr("aria-label")).isEqualTo("下一条：第三十四条");
        org.jsoup.nodes.Element copy = article.selectFirst("button.regulation-copy-citation");
        assertThat(copy.attr("type")).isEqualTo("button");
        assertThat(copy.attr("data-citation")).isEqualTo("《中华人民共和国行政处罚法》第三十三条");
        assertThat(copy.attr("aria-label")).isEqualTo("复制引用 第三十三条");
        assertThat(article.select("button.regulation-copy-citation")).hasSize(1);
    }

    @Test
    void a_typed_date_the_picker_cannot_read_stops_the_search_with_a_message_instead_of_searching_without_it() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "行政处罚")));
        com.vaadin.flow.component.datepicker.DatePicker from = _get(com.vaadin.flow.component.datepicker.DatePicker.class,
                spec -> spec.withId("regulation-from"));
        // the calendar speaks the page's language
        assertThat(from.getI18n().getMonthNames()).startsWith("1月");
        // a start after the end (or an end before the start) is marked on leaving the field with a message, not an empty one
        assertThat(from.getI18n().getMaxErrorMessage()).isEqualTo("起始日期不能晚于截止日期。");
        assertThat(datePicker("regulation-to").getI18n().getMinErrorMessage()).isEqualTo("起始日期不能晚于截止日期。");
        from.getElement().setProperty("_inputElementValue", "2021-02-30");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(Button.class, spec -> spec.withId("regulation-search-submit")));
        assertThat(from.isInvalid()).isTrue();
        assertThat(from.getErrorMessage()).isEqualTo("无法识别这个日期，请按 2026-01-31 的格式填写，或在日历中选择。");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters())
                .doesNotContainKey("from");
        assertThat(_get(cn.gov.enforcement.portal.platform.SearchForm.class).filtersOpen()).isTrue();
    }

    private static com.vaadin.flow.component.datepicker.DatePicker datePicker(String id) {
        return _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static com.vaadin.flow.component.select.Select<Object> select(String id) {
        return _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId(id));
    }

    @Test
    void a_value_the_address_gives_but_the_search_refuses_marks_its_field_with_the_message() {
        // years the search node cannot store: the page says the date is bad, not that the search is unavailable
        for (String year : new String[] {"0000-01-01", "-0001-01-01", "+10000-01-01"}) {
            String badDate = "链接中的日期“" + year + "”无法识别，请按 2021-07-15 的格式填写，或在日历中选择。";
            UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "行政处罚", "to", year)));
            assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-count")).getText()).as(year)
                    .isEqualTo("无法检索：" + badDate);
            assertThat(datePicker("regulation-to").isInvalid()).as(year).isTrue();
            assertThat(datePicker("regulation-to").getErrorMessage()).isEqualTo(badDate);
            assertThat(datePicker("regulation-to").getValue()).isNull();
            // the refused field counts as a set filter: a phone unfolds the filters to show it
            assertThat(_get(Button.class, spec -> spec.withId("regulation-filters-toggle")).getText()).as(year)
                    .isNotEqualTo(UI.getCurrent().getTranslation("platform.searchForm.filters"));
        }
        // a day that does not exist is no format error; a long value is cut in the message
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "行政处罚", "from", "2026-02-30")));
        assertThat(datePicker("regulation-from").getErrorMessage()).startsWith("链接中的日期“2026-02-30”无法识别");
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "行政处罚", "level", "x".repeat(200))));
        assertThat(select("regulation-level").getErrorMessage())
                .isEqualTo("链接中的效力级别“" + "x".repeat(30) + "…”无法识别，请在“效力级别”中选择。");
        // the page names no API codes; the level is refused first, as the search does
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "行政处罚", "from", "tomorrow",
                "level", "nonsense", "status", "old")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-count")).getText())
                .isEqualTo("无法检索：链接中的效力级别“nonsense”无法识别，请在“效力级别”中选择。")
                .doesNotContain("constitution");
        assertThat(datePicker("regulation-from").isInvalid()).isTrue();
        assertThat(datePicker("regulation-from").getErrorMessage())
                .isEqualTo("链接中的日期“tomorrow”无法识别，请按 2021-07-15 的格式填写，或在日历中选择。");
        assertThat(datePicker("regulation-to").isInvalid()).isFalse();
        com.vaadin.flow.component.select.Select<Object> level = select("regulation-level");
        assertThat(level.isInvalid()).isTrue();
        assertThat(level.getErrorMessage()).isEqualTo("链接中的效力级别“nonsense”无法识别，请在“效力级别”中选择。");
        assertThat(select("regulation-status").isInvalid()).isTrue();
        assertThat(select("regulation-status").getErrorMessage())
                .isEqualTo("链接中的时效性“old”无法识别，请在“时效性”中选择。");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "行政处罚", "status", "old")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-count")).getText())
                .isEqualTo("The search cannot run: The validity “old” in the link is not known; choose one under Validity.");
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "行政处罚", "from", "tomorrow",
                "level", "nonsense", "status", "old")));
        level = select("regulation-level");
        // the reader changes a field: its mark goes
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(level, level.getListDataView().getItem(1));
        assertThat(level.isInvalid()).isFalse();
        // an address with good values clears every mark
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "行政处罚", "from", "2021-01-01",
                "status", "any")));
        assertThat(datePicker("regulation-from").isInvalid()).isFalse();
        assertThat(datePicker("regulation-from").getValue()).isEqualTo(java.time.LocalDate.of(2021, 1, 1));
        assertThat(datePicker("regulation-to").isInvalid()).isFalse();
        assertThat(select("regulation-level").isInvalid()).isFalse();
        assertThat(select("regulation-status").isInvalid()).isFalse();
    }

    @Test
    void a_hit_on_an_article_number_its_text_repeats_links_to_its_own_place() throws IOException {
        Path dir = Files.createDirectories(RUN_DATA_DIR.resolve("regulation-repeated"));
        Files.writeString(dir.resolve("repeated.txt"), """
                螺旋桨维修登记办法（测试样例）

                第一条 为了规范螺旋桨维修登记，制定本办法。
                第二条 本办法自发布之日起施行，登记表样式 <b>甲</b> & "乙" 另行公布。

                附件：螺旋桨维修登记细则

                第一条 螺旋桨维修登记由所在地机关办理，材料齐全的当场登记。
                """);
        importService.importFolder(dir, line -> {});
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "螺旋桨维修登记由所在地机关办理")));
        Anchor hit = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0);
        // the second 第一条 of the document: its own place, not the first article
        assertThat(hit.getHref()).matches("regulations/\\d+#p\\d+");
        String base = hit.getHref().substring(0, hit.getHref().indexOf('#'));
        UI.getCurrent().navigate(base);
        String annex = hit.getHref().substring(hit.getHref().indexOf('#') + 1);
        assertThat(article(annex).text()).contains("材料齐全的当场登记");
        assertThat(article("第一条").text()).contains("制定本办法");
        // the page is built as HTML text: what the document says is shown as written, never taken as markup
        assertThat(article("第二条").text()).contains("登记表样式 <b>甲</b> & \"乙\" 另行公布");
        assertThat(article("第二条").select("b")).isEmpty();
        // its citation names the heading it stands under, not the main text's 第一条
        assertThat(article(annex).selectFirst("button.regulation-copy-citation").attr("data-citation"))
                .isEqualTo("《螺旋桨维修登记办法（测试样例）》附件：螺旋桨维修登记细则 第一条");
        assertThat(article("第一条").selectFirst("button.regulation-copy-citation").attr("data-citation"))
                .isEqualTo("《螺旋桨维修登记办法（测试样例）》第一条");
        // the copy button's notification names the citation of its own article; an anchor the page did not show
        // (the call comes from the browser) shows nothing
        RegulationDocumentView view = _get(RegulationDocumentView.class);
        view.copied("no-such-article", true);
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications()).isEmpty();
        view.copied(annex, true);
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "已复制：《螺旋桨维修登记办法（测试样例）》附件：螺旋桨维修登记细则 第一条");
        view.copied("第一条", false);
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(UI.getCurrent()
                .getTranslation("regulation.document.copyByHand", "《螺旋桨维修登记办法（测试样例）》第一条"));
    }

    @Test
    void the_way_back_from_a_document_leads_to_the_search_it_was_found_by() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微", "level", "law")));
        String href = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0).getHref();
        UI.getCurrent().navigate(href.substring(0, href.indexOf('#')));
        String back = _get(Anchor.class, spec -> spec.withId("regulation-back")).getHref();
        assertThat(java.net.URLDecoder.decode(back, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("regulations?").contains("q=初次违法且危害后果轻微").contains("level=law");
        UI.getCurrent().navigate("regulations", QueryParameters.fromString(back.substring(back.indexOf('?') + 1)));
        assertThat(_get(TextField.class, spec -> spec.withId("regulation-search")).getValue()).isEqualTo("初次违法且危害后果轻微");
    }

    @Test
    void items_numbered_again_in_each_section_have_permalinks_of_their_own() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "加强组织领导 督导")));
        Anchor hit = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0);
        assertThat(hit.getHref()).matches("regulations/\\d+#p\\d+");
        String base = hit.getHref().substring(0, hit.getHref().indexOf('#'));
        UI.getCurrent().navigate(base);
        // the permalink's article is the one found, not the first (一) of the notice
        assertThat(article(hit.getHref().substring(hit.getHref().indexOf('#') + 1)).text()).contains("加强组织领导");
        // no id twice on the page, and the contents link every item to its own place
        List<String> ids = articles().select(".regulation-article").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(5);
        List<String> toc = contents().select("a").eachAttr("href");
        assertThat(toc).doesNotHaveDuplicates().hasSizeGreaterThan(5);
    }

    @Test
    void legal_terms_are_written_word_by_word_in_traditional_characters_on_a_zh_tw_page() {
        UI.getCurrent().setLocale(java.util.Locale.TRADITIONAL_CHINESE);
        try {
            UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "邻居家漏水")));
            Paragraph terms = _get(Paragraph.class, spec -> spec.withId("regulation-legal-terms"));
            // 关系 is 關係 in a word; character by character it would be 關系
            assertThat(_find(terms, Anchor.class)).extracting(Anchor::getText).contains("相鄰關係");
            // the region and issuer choices in Traditional characters too (their values stay as stored)
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.combobox.ComboBox<String> region = _get(
                    com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("regulation-region"));
            assertThat(region.getItemLabelGenerator().apply("广东")).isEqualTo("廣東");
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.combobox.ComboBox<String> issuer = _get(
                    com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("regulation-issuer"));
            assertThat(issuer.getItemLabelGenerator().apply("全国人民代表大会常务委员会")).isEqualTo("全國人民代表大會常務委員會");
        } finally {
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Test
    void the_first_article_has_no_previous_link() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微", "level", "law")));
        String href = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0).getHref();
        UI.getCurrent().navigate(href.substring(0, href.indexOf('#')));
        org.jsoup.nodes.Element first = article("第一条");
        assertThat(first.select("a.regulation-previous")).isEmpty();
        assertThat(first.select("a.regulation-next")).hasSize(1);
    }

    @Test
    void the_citation_puts_the_title_in_book_title_marks_before_the_article() {
        assertThat(RegulationDocumentView.citation("中华人民共和国行政处罚法", "第三十三条"))
                .isEqualTo("《中华人民共和国行政处罚法》第三十三条");
    }

    @Test
    void an_unknown_document_id_shows_the_not_found_page() {
        UI.getCurrent().navigate("regulations/999999999");
        assertThat(_find(H1.class, spec -> spec.withId("regulation-title"))).isEmpty();
        UI.getCurrent().navigate("regulations/not-a-number");
        assertThat(_find(H1.class, spec -> spec.withId("regulation-title"))).isEmpty();
    }

    private long sportsLaw(String versionDate) {
        return jdbc.queryForObject("select id from regulation_document where title = ? and version_date = ?",
                Long.class, "中华人民共和国体育法", java.sql.Date.valueOf(versionDate));
    }

    @Test
    void the_document_page_lists_every_version_and_marks_the_current_one() {
        long old = sportsLaw("2016-11-07");
        long current = sportsLaw("2022-06-24");
        UI.getCurrent().navigate("regulations/" + current);
        Div versions = _get(Div.class, spec -> spec.withId("regulation-versions"));
        java.util.List<com.vaadin.flow.component.html.ListItem> items =
                _find(versions, com.vaadin.flow.component.html.ListItem.class);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).getElement().getAttribute("aria-current")).isEqualTo("page");
        assertThat(items.get(0).getElement().getAttribute("data-status")).isEqualTo("CURRENT");
        assertThat(items.get(0).getElement().getText() + items.get(0).getElement().getOuterHTML())
                .contains("2022-06-24").contains(UI.getCurrent().getTranslation("regulation.status.CURRENT"));
        assertThat(items.get(1).getElement().getAttribute("data-status")).isEqualTo("SUPERSEDED");
        Anchor toOld = _get(items.get(1), Anchor.class, spec -> spec.withClasses("regulation-version-link"));
        assertThat(toOld.getHref()).isEqualTo("regulations/" + old);
        assertThat(toOld.getText()).contains("2016-11-07");
        // the current version needs no notice
        assertThat(_find(Div.class, spec -> spec.withId("regulation-version-notice"))).isEmpty();
    }

    @Test
    void a_superseded_version_says_so_and_links_to_the_current_one() {
        long old = sportsLaw("2016-11-07");
        long current = sportsLaw("2022-06-24");
        UI.getCurrent().navigate("regulations/" + old);
        Div notice = _get(Div.class, spec -> spec.withId("regulation-version-notice"));
        assertThat(notice.getElement().getOuterHTML())
                .contains(UI.getCurrent().getTranslation("regulation.document.notice.SUPERSEDED"));
        Anchor link = _get(Anchor.class, spec -> spec.withId("regulation-current-version"));
        assertThat(link.getHref()).isEqualTo("regulations/" + current);
        Div versions = _get(Div.class, spec -> spec.withId("regulation-versions"));
        assertThat(_find(versions, Anchor.class)).extracting(Anchor::getHref).containsExactly("regulations/" + current);
        // the old text is what this page shows
        assertThat(article("第一条").text()).contains("发展体育事业");
        // its text names no in-force date: it applies from its version date, as the API says
        assertThat(_find(Div.class, spec -> spec.withClasses("regulation-fact"))).extracting(d -> d.getElement().getTextRecursively())
                .contains(UI.getCurrent().getTranslation("regulation.document.inForceDate")
                        + UI.getCurrent().getTranslation("regulation.document.colon") + "2016-11-07");
    }

    @Test
    void the_versions_list_reads_well_in_english() {
        long law = jdbc.queryForObject("select id from regulation_document where title = ? and version_date = ?",
                Long.class, "中华人民共和国行政处罚法", java.sql.Date.valueOf("2021-01-22"));
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        try {
            UI.getCurrent().navigate("regulations/" + law);
            java.util.List<com.vaadin.flow.component.html.ListItem> items = _find(
                    _get(Div.class, spec -> spec.withId("regulation-versions")), com.vaadin.flow.component.html.ListItem.class);
            assertThat(items).extracting(i -> i.getElement().getTextRecursively())
                    .contains("Version of 2021-01-22 (shown on this page) · In force · applies from 2021-07-15");
        } finally {
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Test
    void law_text_on_a_page_in_another_language_is_marked_as_chinese() {
        long law = sportsLaw("2022-06-24");
        UI.getCurrent().navigate("regulations/" + law);
        assertThat(_get(H1.class, spec -> spec.withId("regulation-title")).getElement().hasAttribute("lang")).isFalse();
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        try {
            UI.getCurrent().navigate("regulations/" + law);
            assertThat(_get(H1.class, spec -> spec.withId("regulation-title")).getElement().getAttribute("lang"))
                    .isEqualTo("zh-CN");
            assertThat(article("第一条").selectFirst("p").attr("lang")).isEqualTo("zh-CN");
            UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "体育", "level", "law")));
            assertThat(_find(Anchor.class, spec -> spec.withClasses("regulation-hit-link"))).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        } finally {
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Test
    void issuer_and_region_are_written_as_the_search_filters_write_them_on_a_zh_tw_page() {
        long law = sportsLaw("2022-06-24");
        Map<String, Object> facts = jdbc.queryForMap("select issuer, region from regulation_document where id = ?", law);
        String issuer = (String) facts.get("issuer");
        String region = (String) facts.get("region");
        assertThat(issuer).startsWith("全国人民代表大会");
        assertThat(region).isEqualTo("全国");
        UI.getCurrent().setLocale(java.util.Locale.TRADITIONAL_CHINESE);
        try {
            UI.getCurrent().navigate("regulations/" + law);
            List<String> lines = _find(Div.class, spec -> spec.withClasses("regulation-fact")).stream()
                    .map(d -> d.getElement().getTextRecursively()).toList();
            String colon = UI.getCurrent().getTranslation("regulation.document.colon");
            assertThat(lines).anyMatch(line -> line.contains("全國人民代表大會"));
            assertThat(lines).contains(UI.getCurrent().getTranslation("regulation.document.issuer") + colon
                            + cn.gov.enforcement.portal.platform.ReaderScript.forLocale(java.util.Locale.TRADITIONAL_CHINESE, issuer),
                    UI.getCurrent().getTranslation("regulation.document.region") + colon + "全國");
            // the same words the search page's filters offer
            UI.getCurrent().navigate("regulations");
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.combobox.ComboBox<String> filter = _get(
                    com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("regulation-region"));
            assertThat(filter.getItemLabelGenerator().apply(region)).isEqualTo("全國");
        } finally {
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        }
        // on an English page the issuer is Chinese content, marked as such; on a zh-CN page it is shown as stored
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        try {
            UI.getCurrent().navigate("regulations/" + law);
            assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withText(issuer)))
                    .singleElement().satisfies(span -> assertThat(span.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        } finally {
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        }
        UI.getCurrent().navigate("regulations/" + law);
        assertThat(_find(Div.class, spec -> spec.withClasses("regulation-fact")).stream()
                .map(d -> d.getElement().getTextRecursively()))
                .contains(UI.getCurrent().getTranslation("regulation.document.region")
                        + UI.getCurrent().getTranslation("regulation.document.colon") + "全国");
    }

    @Test
    void an_older_version_of_a_repealed_law_links_to_the_newest_version_and_names_its_status() {
        long old = sportsLaw("2016-11-07");
        long newest = sportsLaw("2022-06-24");
        // as if the law had been repealed: no version is in force
        jdbc.update("update regulation_document set status = 'REPEALED' where id = ?", newest);
        try {
            UI.getCurrent().navigate("regulations/" + old);
            assertThat(_find(Anchor.class, spec -> spec.withId("regulation-current-version"))).isEmpty();
            Anchor link = _get(Anchor.class, spec -> spec.withId("regulation-newest-version"));
            assertThat(link.getHref()).isEqualTo("regulations/" + newest);
            assertThat(link.getText()).isEqualTo("查看最新版本（2022-06-24 版，已废止）");
        } finally {
            jdbc.update("update regulation_document set status = 'CURRENT' where id = ?", newest);
        }
    }

    @Test
    void the_search_page_keeps_filters_and_page_in_the_url_and_pages_through_results() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "体育", "status", "any",
                "level", "law", "page", "2")));
        assertThat(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("regulation-status"))
                .getValue()).isEqualTo("any");
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-count")).getText()).contains("2/");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("regulation-hit-link"))).hasSize(20);
        Anchor previous = _get(Anchor.class, spec -> spec.withId("regulation-previous-page"));
        assertThat(previous.getHref()).contains("q=").contains("status=any").contains("level=law")
                .doesNotContain("page=");
        Anchor next = _get(Anchor.class, spec -> spec.withId("regulation-next-page"));
        assertThat(next.getHref()).contains("page=3").contains("level=law");
        // the numbered links are named for screen readers; previous and next keep their visible text as their name
        assertThat(next.getElement().getAttribute("aria-label")).isNull();
        assertThat(_find(Anchor.class, spec -> spec.withText("3"))).anySatisfy(a ->
                assertThat(a.getElement().getAttribute("aria-label")).contains("3"));

        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "体育", "from", "2022-01-01",
                "level", "law")));
        assertThat(_find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")))
                .isNotEmpty().allSatisfy(a -> assertThat(a.getHref()).startsWith("regulations/" + sportsLaw("2022-06-24")
                        + "#"));
        assertThat(_get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("regulation-from"))
                .getValue()).isEqualTo(java.time.LocalDate.of(2022, 1, 1));

        // page 51 lies beyond the 1,000 results that can be paged through, but this search has far fewer: it has
        // no such page, and adding words would not help (the page said "only the first 1,000 … narrow the search")
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "体育", "page", "51")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-count")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("regulation.search.pastEnd"));
        assertThat(_get(Anchor.class, spec -> spec.withId("regulation-first-page")).getHref()).contains("q=")
                .doesNotContain("page=");
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "体育", "from", "tomorrow")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-count")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("regulation.search.badFilter",
                        UI.getCurrent().getTranslation(RegulationSearchView.LINK_DATE, "tomorrow")));
    }

    /**
     * The shown document's articles as the browser gets them: plain HTML in one property of their container, not
     * server components.
     */
    static org.jsoup.nodes.Document articles() {
        return org.jsoup.Jsoup.parseBodyFragment(_get(Div.class, spec -> spec.withId("regulation-articles"))
                .getElement().getProperty("innerHTML"));
    }

    /** The shown document's contents (the list under its heading), as the browser gets them. */
    static org.jsoup.nodes.Document contents() {
        return org.jsoup.Jsoup.parseBodyFragment(_get(_get(Nav.class, spec -> spec.withId("regulation-toc")),
                com.vaadin.flow.component.html.UnorderedList.class).getElement().getProperty("innerHTML"));
    }

    static org.jsoup.nodes.Element article(String id) {
        org.jsoup.nodes.Element article = articles().getElementById(id);
        assertThat(article).as("article " + id).isNotNull();
        assertThat(article.hasClass("regulation-article")).isTrue();
        return article;
    }
}
