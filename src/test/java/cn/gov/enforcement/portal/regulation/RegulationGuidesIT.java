package cn.gov.enforcement.portal.regulation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.knowledge.LoadReport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The portal's own guides: loaded from knowledge-base/regulations, searched beside the law, marked as guides. */
class RegulationGuidesIT extends KaribuViewTest {

    @Autowired KnowledgeBase knowledgeBase;
    @Autowired ImportService importService;
    @Autowired RegulationCatalog catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired co.elastic.clients.elasticsearch.ElasticsearchClient es;

    private LoadReport report;

    @BeforeEach
    void loadTheKnowledgeBase() throws java.io.IOException {
        // the penalty law, which the guides cite; no test imports the administrative coercion law they cite too
        java.nio.file.Path corpus = SharedData.require("corpus/lawrefbook");
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(RUN_DATA_DIR.resolve("regulation-guides/行政法"));
        java.nio.file.Files.copy(corpus.resolve("行政法/行政处罚法(2021-01-22).md"), dir.resolve("行政处罚法(2021-01-22).md"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        importService.importFolder(dir.getParent(), line -> {});
        // another test class of this run may have emptied the regulation tables
        report = knowledgeBase.loadAll().stream().filter(r -> r.folder().equals(GuideLoader.FOLDER)).findFirst()
                .orElseThrow();
    }

    @Test
    void every_guide_is_loaded_without_problems_as_a_current_guide() {
        assertThat(report.problems()).isEmpty();
        assertThat(report.files()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from regulation_document where level = 'GUIDE' "
                + "and status = 'CURRENT' and source_path like 'knowledge-base/regulations/%'", Integer.class))
                .isEqualTo(report.files());
        // loading again changes nothing
        assertThat(knowledgeBase.loadAll().stream().filter(r -> r.folder().equals(GuideLoader.FOLDER))
                .findFirst().orElseThrow().changed()).isZero();
    }

    @Test
    void before_the_first_search_the_page_offers_questions_to_try_and_links_every_guide() {
        UI.getCurrent().navigate("regulations");
        List<Anchor> examples = _find(Anchor.class, spec -> spec.withClasses("regulation-example"));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(a -> assertThat(a.getHref()).startsWith("regulations?q=").doesNotContain(" "));
        List<Anchor> guides = _find(Anchor.class, spec -> spec.withClasses("regulation-guide-link"));
        assertThat(guides).hasSize(report.files());
        assertThat(guides).extracting(Anchor::getText).contains("行政调解怎么申请、怎么进行、调不成怎么办");
        assertThat(guides).allSatisfy(a -> assertThat(a.getHref()).matches("/regulations/\\d+"));

        // following an example searches for it, and the offer is gone
        String href = examples.get(0).getHref();
        UI.getCurrent().navigate("regulations", QueryParameters.fromString(href.substring(href.indexOf('?') + 1)));
        assertThat(_find(Div.class, spec -> spec.withClasses("regulation-hit"))).isNotEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("regulation-start"))).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withClasses("regulation-example"))).isEmpty();
    }

    @Test
    void guides_are_found_beside_the_regulations_and_marked_as_guides() {
        RegulationCatalog.Results guides = catalog.search(new RegulationCatalog.Query("首违不罚", 10, LegalLevel.GUIDE,
                null, DocumentStatus.CURRENT));
        assertThat(guides.results()).isNotEmpty().allSatisfy(hit -> assertThat(hit.guide()).isTrue());
        // a guide's section has no article number: its heading names it, in the results and on their cards
        List<String> headings = jdbc.queryForList("select heading_path from regulation_article a join "
                + "regulation_document d on d.id = a.document_id where d.level = 'GUIDE'", String.class);
        List<RegulationCatalog.ArticleHit> sections = guides.results().stream()
                .filter(hit -> !hit.section().isEmpty()).toList();
        assertThat(sections).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.article()).isEmpty();
            assertThat(headings).anySatisfy(h -> assertThat(h).endsWith(hit.section()));
        });
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "首违不罚", "level", "guide")));
        assertThat(_find(Anchor.class, spec -> spec.withClasses("regulation-hit-link"))).extracting(Anchor::getText)
                .contains(sections.get(0).title() + " · " + sections.get(0).section());

        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "执法证件")));
        List<Div> cards = _find(Div.class, spec -> spec.withClasses("regulation-hit-guide"));
        assertThat(cards).isNotEmpty();
        assertThat(cards.get(0).getElement().getOuterHTML())
                .contains(UI.getCurrent().getTranslation("regulation.guide.badge"));
        // a guide has no level, status or version line: the badge says what it is
        assertThat(cards).allSatisfy(card -> assertThat(_find(card, Div.class,
                spec -> spec.withClasses("regulation-hit-meta"))).isEmpty());

        String href = _find(cards.get(0), Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0).getHref();
        UI.getCurrent().navigate(href.substring(0, href.indexOf('#')));
        assertThat(_get(Div.class, spec -> spec.withId("regulation-guide-notice")).getElement().getOuterHTML())
                .contains(UI.getCurrent().getTranslation("regulation.guide.notLaw"));
        assertThat(_get(H1.class, spec -> spec.withId("regulation-title")).getText()).contains("执法证件");
        // a citation of an imported article opens that article, not a search that lists our guides first
        org.jsoup.select.Elements citations = RegulationViewsIT.articles().select(".regulation-guide-basis a.regulation-guide-citation");
        org.jsoup.nodes.Element cited = citations.stream().filter(a -> a.text().equals("《中华人民共和国行政处罚法》第五十五条"))
                .findFirst().orElseThrow();
        assertThat(cited.attr("href")).matches("regulations/\\d+#第五十五条");
        long lawId = Long.parseLong(cited.attr("href").replaceAll("\\D*(\\d+)#.*", "$1"));
        assertThat(jdbc.queryForObject("select title from regulation_document where id = ?", String.class, lawId))
                .isEqualTo("中华人民共和国行政处罚法");
        assertThat(citations).allSatisfy(a -> assertThat(a.attr("href")).doesNotContain("?q="));
        // a law the portal does not hold: the citation is plain text, and the reader is told
        org.jsoup.nodes.Element missing = RegulationViewsIT.articles().select(".regulation-guide-basis li").stream()
                .filter(li -> li.text().contains("《中华人民共和国行政强制法》第十八条")).findFirst().orElseThrow();
        assertThat(missing.select("a")).isEmpty();
        assertThat(missing.select(".regulation-guide-citation-note").text())
                .isEqualTo(UI.getCurrent().getTranslation("regulation.guide.citationMissing"));
        // a guide has no versions list
        assertThat(_find(Div.class, spec -> spec.withId("regulation-versions"))).isEmpty();
    }

    @Test
    void one_guide_does_not_fill_the_page_unless_only_guides_are_asked_for() {
        List<RegulationCatalog.ArticleHit> all = catalog.search(new RegulationCatalog.Query("首违不罚", 20, null, null,
                DocumentStatus.CURRENT)).results();
        List<RegulationCatalog.ArticleHit> guidesOnly = catalog.search(new RegulationCatalog.Query("首违不罚", 20,
                LegalLevel.GUIDE, null, DocumentStatus.CURRENT)).results();
        // asked for guides only, one guide has more than two sections that match
        java.util.Map<String, Long> perGuide = guidesOnly.stream().collect(java.util.stream.Collectors.groupingBy(
                RegulationCatalog.ArticleHit::title, java.util.stream.Collectors.counting()));
        assertThat(perGuide.values()).anySatisfy(n -> assertThat(n).isGreaterThan(2));
        // among all levels, a guide's third and later sections come after every hit that is not a guide section
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        boolean moved = false;
        for (RegulationCatalog.ArticleHit hit : all) {
            if (!hit.guide()) {
                assertThat(moved).as("an article after a guide's third section: %s", hit.url()).isFalse();
            } else if (seen.merge(hit.title(), 1, Integer::sum) > RegulationIndex.SECTIONS_PER_GUIDE) {
                moved = true;
            }
        }
    }

    @Test
    void zh_tw_readers_read_our_guides_in_traditional_characters() {
        UI.getCurrent().setLocale(java.util.Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("regulations");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("regulation-guide-link"))).extracting(Anchor::getText)
                .contains("行政調解怎麼申請、怎麼進行、調不成怎麼辦");

        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "執法證件")));
        List<Div> cards = _find(Div.class, spec -> spec.withClasses("regulation-hit-guide"));
        assertThat(cards).isNotEmpty();
        Anchor link = _find(cards.get(0), Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0);
        assertThat(link.getText()).contains("執法證件").doesNotContain("执法证件");
        assertThat(cards.get(0).getElement().getOuterHTML()).contains("<em>").doesNotContain("证件");

        UI.getCurrent().navigate(link.getHref().substring(0, link.getHref().indexOf('#')));
        assertThat(_get(H1.class, spec -> spec.withId("regulation-title")).getText()).contains("執法證件");
        assertThat(RegulationViewsIT.articles().text()).contains("執法").doesNotContain("执法", "证件");
        // the citation reads in Traditional characters; it opens the article as the portal holds it
        org.jsoup.nodes.Element citation = RegulationViewsIT.articles().select("a.regulation-guide-citation").stream()
                .filter(a -> a.text().equals("《中華人民共和國行政處罰法》第五十五條")).findFirst().orElseThrow();
        assertThat(citation.attr("href")).matches("regulations/\\d+#第五十五条");
    }

    @Test
    void the_json_api_gives_our_guides_in_the_script_of_the_request_language_and_laws_as_published() throws Exception {
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders
                .webAppContextSetup((org.springframework.web.context.WebApplicationContext) context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        var search = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/regulations/search");
        com.fasterxml.jackson.databind.JsonNode asWritten = results(mvc, search.param("q", "首违不罚").param("level", "guide"));
        com.fasterxml.jackson.databind.JsonNode traditional = results(mvc, search.param("lang", "zh-TW"));
        assertThat(asWritten.size()).isPositive().isEqualTo(traditional.size());
        for (int i = 0; i < asWritten.size(); i++) {
            var written = asWritten.get(i);
            var shown = traditional.get(i);
            assertThat(shown.get("title").asText()).isEqualTo(cn.gov.enforcement.portal.platform.ReaderScript
                    .toTaiwan(written.get("title").asText()));
            assertThat(shown.get("snippet").asText()).isEqualTo(cn.gov.enforcement.portal.platform.ReaderScript
                    .toTaiwan(written.get("snippet").asText()));
            assertThat(shown.get("url").asText()).isEqualTo(written.get("url").asText());
            assertThat(shown.get("level").asText()).isEqualTo("guide");
        }
        assertThat(traditional.findValuesAsText("title")).contains("首次違法、輕微違法為什麼可以不罰或少罰——讀懂行政處罰法第三十二條、第三十三條");
        assertThat(asWritten.findValuesAsText("title")).contains("首次违法、轻微违法为什么可以不罚或少罚——读懂行政处罚法第三十二条、第三十三条");
        // a law's article is given as published, whatever the language
        var law = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/regulations/search")
                .param("q", "危害后果轻微").param("level", "law").param("size", "3");
        com.fasterxml.jackson.databind.JsonNode lawWritten = results(mvc, law);
        com.fasterxml.jackson.databind.JsonNode lawShown = results(mvc, law.param("lang", "zh-TW"));
        assertThat(lawWritten.get(0).get("title").asText()).isEqualTo("中华人民共和国行政处罚法");
        assertThat(lawShown).isEqualTo(lawWritten);
    }

    private static com.fasterxml.jackson.databind.JsonNode results(org.springframework.test.web.servlet.MockMvc mvc,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("results");
    }

    @Test
    void on_english_pages_our_chinese_guides_are_marked_as_chinese_and_on_chinese_pages_they_follow_the_page() {
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        try {
            UI.getCurrent().navigate("regulations");
            assertThat(_find(Anchor.class, spec -> spec.withClasses("regulation-guide-link"))).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
            UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "执法证件", "level", "guide")));
            List<Div> cards = _find(Div.class, spec -> spec.withClasses("regulation-hit-guide"));
            assertThat(cards).isNotEmpty();
            Anchor link = _find(cards.get(0), Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0);
            assertThat(link.getElement().getAttribute("lang")).isEqualTo("zh-CN");
            assertThat(cards.get(0).getElement().getOuterHTML()).contains("<p lang=\"zh-CN\" class=\"regulation-snippet\">");

            UI.getCurrent().navigate(link.getHref().substring(0, link.getHref().indexOf('#')));
            assertThat(_get(H1.class, spec -> spec.withId("regulation-title")).getElement().getAttribute("lang")).isEqualTo("zh-CN");
            assertThat(RegulationViewsIT.articles().select(".regulation-article p[lang=zh-CN]")).isNotEmpty();
            // the translated notice that a guide is not law stays English
            assertThat(_get(Div.class, spec -> spec.withId("regulation-guide-notice")).getElement().getAttribute("lang")).isNull();
        } finally {
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        }
        UI.getCurrent().setLocale(java.util.Locale.TRADITIONAL_CHINESE);
        try {
            UI.getCurrent().navigate("regulations");
            assertThat(_find(Anchor.class, spec -> spec.withClasses("regulation-guide-link"))).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getElement().getAttribute("lang")).as("Traditional like the page").isNull());
        } finally {
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        }
    }

    private String liveVersion() {
        try {
            return es.indices().getAlias(g -> g.name(RegulationIndex.ALIAS)).result().keySet().iterator().next();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_changed_guide_replaces_its_stored_version_and_a_removed_file_removes_it() throws Exception {
        Set<String> present = new LinkedHashSet<>(jdbc.queryForList(
                "select source_path from regulation_document where level = 'GUIDE'", String.class));
        String label = "knowledge-base/regulations/test-only.md";
        present.add(label);
        String text = """
                ---
                title: 仅供测试的指南
                summary: 第一版概要。
                citations:
                  - {law: 中华人民共和国行政处罚法, article: 第三十三条}
                ---

                ## 一节
                正文。
                """;
        List<ContentProblem> problems = new ArrayList<>();
        LegalDocument first = GuideParser.parse(label, text, problems).orElseThrow();
        assertThat(importService.syncGuides(Map.of(label, first), present)).isEqualTo(1);
        assertThat(importService.syncGuides(Map.of(label, first), present)).isZero();
        LegalDocument second = GuideParser.parse(label, text.replace("第一版", "第二版"), problems).orElseThrow();
        String version = liveVersion();
        assertThat(importService.syncGuides(Map.of(label, second), present)).isEqualTo(1);
        // only the guide's articles were replaced: the same index version serves, the old text is gone
        assertThat(liveVersion()).isEqualTo(version);
        assertThat(catalog.search(new RegulationCatalog.Query("版概要", 10, LegalLevel.GUIDE, null, null)).results())
                .filteredOn(hit -> hit.title().equals("仅供测试的指南")).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.snippet().replaceAll("<[^>]+>", "")).doesNotContain("第一版"))
                .extracting(RegulationCatalog.ArticleHit::documentId).containsOnly(jdbc.queryForObject(
                        "select id from regulation_document where source_path = ?", Long.class, label));
        assertThat(jdbc.queryForList("select id from regulation_document where source_path = ?", Long.class, label))
                .hasSize(1);
        assertThat(catalog.search(new RegulationCatalog.Query("第二版概要", 10, LegalLevel.GUIDE, null, null)).results())
                .isNotEmpty();
        present.remove(label);
        assertThat(importService.syncGuides(Map.of(), present)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from regulation_document where source_path = ?",
                Integer.class, label)).isZero();
        assertThat(catalog.search(new RegulationCatalog.Query("第二版概要", 10, LegalLevel.GUIDE, null, null)).results())
                .noneSatisfy(hit -> assertThat(hit.title()).isEqualTo("仅供测试的指南"));
        assertThat(liveVersion()).isEqualTo(version);
        assertThat(es.count(c -> c.index(RegulationIndex.ALIAS)).count()).isEqualTo(
                jdbc.queryForObject("select count(*) from regulation_article", Long.class));
        assertThat(problems).isEmpty();
    }
}
