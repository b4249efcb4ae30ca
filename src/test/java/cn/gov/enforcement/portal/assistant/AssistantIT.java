package cn.gov.enforcement.portal.assistant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.lists.ListsCatalog;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import cn.gov.enforcement.portal.search.TextEmbeddings;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The self-check assistant: answers from the portal's sources, with and without a language model, and follow-up
 * questions in the context of the previous one.
 */
class AssistantIT extends KaribuViewTest {

    static final String FUMES = "饭店油烟扰民会被罚吗";
    static final String FUMES_RISK = "餐饮油烟未经净化超标排放";
    static final String HOW_MUCH = "那要罚多少钱？";
    static final String DUST = "工地扬尘没有覆盖怎么办";

    @Autowired AssistantService service;
    @Autowired ListsCatalog lists;
    @Autowired RegulationCatalog regulations;
    @Autowired Clock clock;
    @Autowired cn.gov.enforcement.portal.knowledge.KnowledgeBase knowledgeBase;
    @Autowired org.springframework.beans.factory.ObjectProvider<TextEmbeddings> embeddings;

    @org.junit.jupiter.api.BeforeEach
    void loadTheKnowledgeBase() {
        // test classes with their own knowledge base (agencies only, say) share the database: load ours again
        knowledgeBase.loadAll();
    }

    private static String client() {
        return "test-" + UUID.randomUUID();
    }

    private AssistantService withModel(FakeChatModel model, int perHour) {
        return new AssistantService(lists, regulations, new AssistantSettings(model.baseUrl(), "test-model", "secret",
                Duration.ofSeconds(10), perHour), clock, embeddings);
    }

    @Test
    void without_a_model_the_sources_that_share_the_questions_words_are_the_answer() {
        assertThat(service.modelConfigured()).isFalse();
        AssistantAnswer a = service.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client());
        assertThat(a.summary()).isNull();
        assertThat(a.modelFailed()).isFalse();
        assertThat(a.risks()).extracting(RiskPoint::title).contains("餐饮油烟未经净化超标排放");
        // articles only when they share words with the question, each once
        assertThat(a.articles()).allSatisfy(h -> assertThat(h.snippet()).containsPattern("<em>[^<]{2,}</em>"));
        assertThat(a.articles()).extracting(RegulationCatalog.ArticleHit::url).doesNotHaveDuplicates();
        // Traditional characters find the same entry
        assertThat(service.answer("飯店油煙擾民會被罰嗎", Locale.TRADITIONAL_CHINESE, client()).risks())
                .extracting(RiskPoint::title).contains("餐饮油烟未经净化超标排放");
        // a question about nothing the lists hold offers none of their entries
        AssistantAnswer unrelated = service.answer("量子计算机的冷却系统", Locale.SIMPLIFIED_CHINESE, client());
        assertThat(unrelated.risks()).isEmpty();
        assertThat(unrelated.exemptions()).isEmpty();
    }

    @Test
    void a_report_about_enforcement_the_search_finds_is_no_source_of_an_answer() throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(RUN_DATA_DIR.resolve("assistant-report"));
        java.nio.file.Files.copy(cn.gov.enforcement.portal.regulation.SharedData.require("seeds")
                .resolve("003_fc8b619ff426a033.txt"), dir.resolve("003.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        importService.importFolder(dir, line -> {});
        String question = "服务型行政执法 包容审慎 营商环境";
        // the regulation search finds the report (seed 003, a news article) ...
        assertThat(regulations.search(new RegulationCatalog.Query(question, 20, null, null,
                cn.gov.enforcement.portal.regulation.DocumentStatus.CURRENT)).results())
                .extracting(RegulationCatalog.ArticleHit::level)
                .contains(cn.gov.enforcement.portal.regulation.LegalLevel.OTHER_MATERIAL);
        // ... the assistant offers none of its paragraphs as a source
        assertThat(service.answer(question, Locale.SIMPLIFIED_CHINESE, client()).articles())
                .extracting(RegulationCatalog.ArticleHit::level)
                .doesNotContain(cn.gov.enforcement.portal.regulation.LegalLevel.OTHER_MATERIAL);
    }

    @Test
    void list_entries_are_found_by_meaning_when_they_share_no_words_with_the_question() {
        // 价格标签 and 明码标价 share one character pair at most; 社保 and 社会保险 none
        assertThat(service.answer("我开了一家小超市，价格标签写错了怎么办", Locale.SIMPLIFIED_CHINESE, client()).risks())
                .extracting(RiskPoint::title).contains("未按规定明码标价");
        AssistantAnswer insurance = service.answer("公司没给员工交社保有什么后果", Locale.SIMPLIFIED_CHINESE, client());
        assertThat(insurance.risks()).extracting(RiskPoint::title).contains("未办理社会保险登记");
        assertThat(insurance.exemptions()).extracting(cn.gov.enforcement.portal.lists.ExemptionItem::violation)
                .anySatisfy(v -> assertThat(v).contains("社会保险"));
        assertThat(service.answer("暑假雇了个15岁的学生帮忙", Locale.SIMPLIFIED_CHINESE, client()).risks())
                .extracting(RiskPoint::title).contains("招用不满十六周岁的未成年人");
        // without the model (switched off), the words alone decide: the same questions find less, nothing breaks;
        // everyday words still find the entries that say them in legal terms (search/lay-terms.txt: 价格标签 → 明码标价)
        AssistantService wordsOnly = new AssistantService(lists, regulations, new AssistantSettings(null, null, null,
                Duration.ofSeconds(10), 100), clock, noEmbeddings());
        assertThat(wordsOnly.answer("暑假雇了个15岁的学生帮忙", Locale.SIMPLIFIED_CHINESE, client()).risks())
                .extracting(RiskPoint::title).doesNotContain("招用不满十六周岁的未成年人");
        assertThat(wordsOnly.answer("我开了一家小超市，价格标签写错了怎么办", Locale.SIMPLIFIED_CHINESE, client()).risks())
                .extracting(RiskPoint::title).contains("未按规定明码标价");
        assertThat(wordsOnly.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client()).risks())
                .extracting(RiskPoint::title).contains("餐饮油烟未经净化超标排放");
        // questions far from every entry get none, with or without the model
        for (AssistantService s : java.util.List.of(service, wordsOnly)) {
            for (String q : java.util.List.of("今天天气怎么样", "我想离婚")) {
                AssistantAnswer a = s.answer(q, Locale.SIMPLIFIED_CHINESE, client());
                assertThat(a.risks()).as(q).isEmpty();
                assertThat(a.exemptions()).as(q).isEmpty();
                assertThat(a.benchmarks()).as(q).isEmpty();
            }
        }
    }

    @Test
    void a_question_about_a_fine_gets_the_discretion_benchmark_with_the_penalty_of_each_degree() {
        AssistantAnswer a = service.answer("饭店油烟超标要罚多少钱", Locale.SIMPLIFIED_CHINESE, client());
        assertThat(a.benchmarks()).extracting(cn.gov.enforcement.portal.lists.DiscretionBenchmark::id)
                .contains("um-db-kitchen-fumes").hasSizeLessThanOrEqualTo(AssistantService.MAX_BENCHMARKS);
        assertThat(service.answer("量子计算机的冷却系统", Locale.SIMPLIFIED_CHINESE, client()).benchmarks()).isEmpty();

        UI.getCurrent().navigate("assistant", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("q", "饭店油烟超标要罚多少钱")));
        Anchor link = _find(Anchor.class, spec -> spec.withClasses("assistant-benchmark")).stream()
                .filter(l -> l.getHref().endsWith("#um-db-kitchen-fumes")).findFirst().orElseThrow();
        assertThat(link.getHref()).isEqualTo("discretion/sample-urban-management#um-db-kitchen-fumes");
        assertThat(link.getText()).isEqualTo("餐饮服务业经营者超标排放油烟");
        assertThat(link.getParent().orElseThrow().getElement().getTextRecursively())
                .contains("轻微：责令改正，处五千元以上一万元以下罚款；一般：", "严重：处三万元以上五万元以下罚款")
                .doesNotContain("。；");
        // the link's target exists on the discretion page
        UI.getCurrent().navigate("discretion/sample-urban-management");
        assertThat(_find(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("um-db-kitchen-fumes")))
                .hasSize(1);
    }

    private static org.springframework.beans.factory.ObjectProvider<TextEmbeddings> noEmbeddings() {
        return new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(TextEmbeddings.class);
    }

    @Test
    void a_configured_model_writes_the_answer_from_the_numbered_sources() throws IOException {
        try (FakeChatModel server = FakeChatModel.answering(200, "油烟须经净化设施处理后达标排放 [1]。")) {
            AssistantAnswer a = withModel(server, 100).answer(FUMES, Locale.SIMPLIFIED_CHINESE, client());
            assertThat(a.summary()).isEqualTo("油烟须经净化设施处理后达标排放 [1]。");
            assertThat(a.modelFailed()).isFalse();
            assertThat(server.requests()).singleElement().asString().contains("\"model\":\"test-model\"", FUMES,
                    "[1] 法律风险：餐饮油烟未经净化超标排放", "简体中文");
            assertThat(server.lastAuthorization()).isEqualTo("Bearer secret");
        }
    }

    @Test
    void when_the_model_fails_the_sources_are_still_the_answer() throws IOException {
        try (FakeChatModel server = FakeChatModel.answering(500, "x")) {
            AssistantAnswer a = withModel(server, 100).answer(FUMES, Locale.ENGLISH, client());
            assertThat(a.summary()).isNull();
            assertThat(a.modelFailed()).isTrue();
            assertThat(a.risks()).isNotEmpty();
        }
    }

    @Test
    void an_answer_longer_than_any_model_writes_is_refused_as_it_comes_and_the_sources_stay() {
        try (FakeChatModel server = FakeChatModel.answering(200, "好".repeat(400_000))) { // 1.2 MB of UTF-8
            AssistantAnswer a = withModel(server, 100).answer(FUMES, Locale.SIMPLIFIED_CHINESE, client());
            assertThat(a.summary()).isNull();
            assertThat(a.modelFailed()).isTrue();
            assertThat(a.risks()).isNotEmpty();
        }
    }

    @Test
    void when_the_law_search_does_not_answer_the_page_says_so_instead_of_finding_no_article() {
        RegulationCatalog down = org.mockito.Mockito.mock(RegulationCatalog.class);
        org.mockito.Mockito.when(down.search(org.mockito.ArgumentMatchers.any()))
                .thenReturn(RegulationCatalog.Results.UNAVAILABLE);
        AssistantService withoutLaws = new AssistantService(lists, down, new AssistantSettings(null, "test-model", null,
                Duration.ofSeconds(10), 100), clock, embeddings);
        AssistantAnswer a = withoutLaws.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client());
        assertThat(a.lawsUnavailable()).isTrue();
        assertThat(a.articles()).isEmpty();
        assertThat(a.risks()).isNotEmpty();

        AssistantView view = new AssistantView(withoutLaws);
        UI.getCurrent().add(view);
        ask(FUMES);
        Div card = answers().get(0);
        assertThat(_get(card, Paragraph.class, spec -> spec.withClasses("assistant-laws-unavailable")).getText())
                .isEqualTo("法规检索暂时无法使用，这次回答没有查找法律条文，请稍后再问一次。");
        assertThat(riskLinks(card)).contains("risks/um-rp-kitchen-fumes");
        // a question no list entry concerns (a new conversation): not "nothing matches, try other words", since no
        // article was looked for
        UI.getCurrent().remove(view);
        UI.getCurrent().add(new AssistantView(withoutLaws));
        ask("月球上的陨石坑能不能出租给天文爱好者观测使用");
        assertThat(_get(answers().get(0), Paragraph.class, spec -> spec.withClasses("assistant-none")).getText())
                .isEqualTo("没有找到与问题相关的清单事项；法律条文这次未能查找。可以稍后再问，或者直接浏览清单。");
        assertThat(service.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client()).lawsUnavailable()).isFalse();
    }

    @Test
    void empty_too_long_and_too_frequent_questions_are_refused_in_words() throws IOException {
        assertThat(assertThrows(ValidationFailure.class, () -> service.answer("  ", Locale.SIMPLIFIED_CHINESE, client()))
                .problems().get(0).messageKey()).isEqualTo("assistant.error.empty");
        assertThat(assertThrows(ValidationFailure.class, () -> service.answer("  😀 ", Locale.SIMPLIFIED_CHINESE, client()))
                .problems().get(0).messageKey()).isEqualTo("assistant.error.noWords");
        assertThat(assertThrows(ValidationFailure.class, () -> service.answer("？？？", Locale.SIMPLIFIED_CHINESE, client()))
                .problems().get(0).messageKey()).isEqualTo("assistant.error.noWords");
        assertThat(assertThrows(ValidationFailure.class, () -> service.answer("油".repeat(501), Locale.SIMPLIFIED_CHINESE,
                client())).problems().get(0).messageKey()).isEqualTo("assistant.error.tooLong");
        try (FakeChatModel server = FakeChatModel.answering(200, "好")) {
            AssistantService limited = withModel(server, 2);
            String client = client();
            limited.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client);
            limited.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client);
            assertThat(assertThrows(ValidationFailure.class, () -> limited.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client))
                    .problems().get(0).messageKey()).isEqualTo("assistant.error.tooMany");
        }
    }

    @Test
    void the_page_answers_with_links_to_the_sources_and_keeps_a_refused_question() {
        UI.getCurrent().navigate("assistant");
        assertThat(_get(Paragraph.class, spec -> spec.withId("assistant-mode")).getText()).contains("未接入语言模型");
        TextArea question = _get(TextArea.class, spec -> spec.withId("assistant-question"));
        question.setValue("   ");
        _click(_get(Button.class, spec -> spec.withId("assistant-send")));
        assertThat(question.isInvalid()).isTrue();
        assertThat(question.getErrorMessage()).isEqualTo("请输入您的问题。");
        question.setValue("？？？");
        _click(_get(Button.class, spec -> spec.withId("assistant-send")));
        assertThat(question.getErrorMessage()).isEqualTo("问题里没有文字或数字，请用文字写出您的问题。");
        assertThat(question.getValue()).as("what was typed stays").isEqualTo("？？？");

        question.setValue(FUMES);
        _click(_get(Button.class, spec -> spec.withId("assistant-send")));
        assertThat(question.isInvalid()).isFalse();
        assertThat(question.getValue()).isEmpty();
        Div conversation = _get(Div.class, spec -> spec.withId("assistant-conversation"));
        assertThat(conversation.getElement().getOuterHTML()).contains(FUMES);
        assertThat(_find(Anchor.class, spec -> spec.withClasses("assistant-risk"))).extracting(Anchor::getHref)
                .anySatisfy(href -> assertThat(href).startsWith("risks/"));
        // the committed lists are sample content: the answer says so beside each entry
        assertThat(conversation.getElement().getOuterHTML()).contains("lists-sample-badge");

        // an example question is one click
        _click(_find(Button.class, spec -> spec.withClasses("assistant-example")).get(0));
        assertThat(_find(Div.class, spec -> spec.withClasses("assistant-answer"))).hasSize(2);

        // each article or guide offered shows what it says where it meets the question
        _get(TextArea.class, spec -> spec.withId("assistant-question")).setValue("行政调解怎么申请");
        _click(_get(Button.class, spec -> spec.withId("assistant-send")));
        Div mediation = _find(Div.class, spec -> spec.withClasses("assistant-answer")).get(0); // the newest is first
        java.util.List<Anchor> offered = _find(mediation, Anchor.class, spec -> spec.withClasses("assistant-article"));
        assertThat(offered).isNotEmpty();
        assertThat(_find(mediation, com.vaadin.flow.component.Html.class, spec -> spec.withClasses("assistant-snippet")))
                .hasSameSizeAs(offered)
                .allSatisfy(h -> assertThat(h.getElement().getOuterHTML()).containsPattern("<em>[^<]{2,}</em>"));

        // a link can ask the question
        UI.getCurrent().navigate("assistant", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("q", "工地扬尘")));
        assertThat(_find(com.vaadin.flow.component.html.H2.class, spec -> spec.withClasses("assistant-asked")).get(0).getText()).isEqualTo("工地扬尘");
    }

    private static java.util.List<String> titles(AssistantAnswer a) {
        return a.risks().stream().map(RiskPoint::title).toList();
    }

    @Test
    void a_question_doubling_its_verb_is_not_offered_texts_that_share_only_that_verb() {
        // 会不会 asks; its pair 不会 once brought the mediation guide (…调不成怎么办, which says 不会) to this answer
        AssistantAnswer answer = service.answer("开饭店油烟会不会被罚", Locale.SIMPLIFIED_CHINESE, client());
        assertThat(answer.articles()).allSatisfy(a -> assertThat(a.snippet()).doesNotContain("<em>不会</em>"))
                .noneSatisfy(a -> assertThat(a.title()).contains("调解"));
    }

    @Test
    void a_follow_up_is_answered_together_with_the_previous_question() {
        AssistantAnswer first = service.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client());
        assertThat(first.followUp()).isFalse();
        assertThat(first.searched()).isEqualTo(FUMES);
        // alone, the follow-up says nothing about a restaurant
        assertThat(titles(service.answer(HOW_MUCH, Locale.SIMPLIFIED_CHINESE, client()))).doesNotContain(FUMES_RISK);

        // it refers back (那): answered with the previous question, it finds the entry the first one found
        AssistantAnswer howMuch = service.answer(HOW_MUCH, first, Locale.SIMPLIFIED_CHINESE, client());
        assertThat(howMuch.followUp()).isTrue();
        assertThat(howMuch.question()).isEqualTo(HOW_MUCH);
        assertThat(howMuch.context()).isEqualTo(FUMES);
        assertThat(howMuch.searched()).isEqualTo(FUMES + " " + HOW_MUCH);
        assertThat(titles(howMuch)).contains(FUMES_RISK);

        // a chain keeps its subject: the next follow-up builds on the previous searched text (Traditional too)
        AssistantAnswer first_time = service.answer("如果是第一次呢", howMuch, Locale.TRADITIONAL_CHINESE, client());
        assertThat(first_time.context()).isEqualTo(FUMES + " " + HOW_MUCH);
        assertThat(first_time.searched()).isEqualTo(FUMES + " " + HOW_MUCH + " 如果是第一次呢");
        assertThat(titles(first_time)).contains(FUMES_RISK);
        assertThat(service.answer("這種情況呢", first, Locale.TRADITIONAL_CHINESE, client()).followUp()).isTrue();

        // a chain does not grow without bound: the newest MAX_QUESTION characters are searched
        AssistantAnswer longer = first;
        for (int i = 0; i < 60; i++) {
            longer = service.answer("那如果是第" + i + "次呢", longer, Locale.SIMPLIFIED_CHINESE, null);
        }
        assertThat(longer.followUp()).isTrue();
        assertThat(longer.searched()).hasSizeLessThanOrEqualTo(AssistantService.MAX_QUESTION).endsWith("那如果是第59次呢")
                .doesNotContain(FUMES);
    }

    @Test
    void a_short_question_that_finds_nothing_alone_is_answered_with_the_previous_one() {
        AssistantAnswer first = service.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client());
        // no word that refers back; alone it finds nothing, with the previous question the entry
        AssistantAnswer alone = service.answer("多少钱", Locale.SIMPLIFIED_CHINESE, client());
        assertThat(alone.empty()).isTrue();
        AssistantAnswer followUp = service.answer("多少钱", first, Locale.SIMPLIFIED_CHINESE, client());
        assertThat(followUp.followUp()).isTrue();
        assertThat(titles(followUp)).contains(FUMES_RISK);
        // the same for a few English words, which find nothing in the Chinese lists alone
        assertThat(service.answer("What about the fine?", Locale.ENGLISH, client()).empty()).isTrue();
        AssistantAnswer english = service.answer("What about the fine?", first, Locale.ENGLISH, client());
        assertThat(english.followUp()).isTrue();
        assertThat(titles(english)).contains(FUMES_RISK);
        // a short question that finds its own sources stays alone
        assertThat(service.answer("店招坏了会被罚吗", first, Locale.SIMPLIFIED_CHINESE, client()).followUp()).isFalse();
    }

    @Test
    void a_question_of_its_own_is_answered_alone_and_the_reader_can_drop_the_context() {
        AssistantAnswer first = service.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client());
        // short enough, but it refers to nothing and finds its own entries
        AssistantAnswer dust = service.answer(DUST, first, Locale.SIMPLIFIED_CHINESE, client());
        assertThat(dust.followUp()).isFalse();
        assertThat(dust.context()).isNull();
        assertThat(dust.searched()).isEqualTo(DUST);
        assertThat(dust.empty()).isFalse();
        assertThat(titles(dust)).doesNotContain(FUMES_RISK);
        // a long question stands on its own even when it starts with a word that refers back
        String own = "那如果我在小区门口开了一家烧烤店，晚上在店外摆桌子，邻居投诉油烟和噪音，会被怎么处罚";
        assertThat(service.answer(own, first, Locale.SIMPLIFIED_CHINESE, client()).followUp()).isFalse();

        // answer alone: the follow-up's question without the previous one
        AssistantAnswer howMuch = service.answer(HOW_MUCH, first, Locale.SIMPLIFIED_CHINESE, client());
        AssistantAnswer withoutContext = service.answerAlone(howMuch, Locale.SIMPLIFIED_CHINESE);
        assertThat(withoutContext.followUp()).isFalse();
        assertThat(withoutContext.question()).isEqualTo(HOW_MUCH);
        assertThat(withoutContext.searched()).isEqualTo(HOW_MUCH);
        assertThat(titles(withoutContext)).doesNotContain(FUMES_RISK);
    }

    @Test
    void each_question_counts_once_against_the_hourly_limit() {
        AssistantService limited = new AssistantService(lists, regulations, new AssistantSettings(null, null, null,
                Duration.ofSeconds(10), 3), clock, embeddings);
        String client = client();
        AssistantAnswer first = limited.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client);
        // searched alone and together with the previous question: one question
        AssistantAnswer followUp = limited.answer("多少钱", first, Locale.SIMPLIFIED_CHINESE, client);
        assertThat(followUp.followUp()).isTrue();
        // answering it again alone is not a new question
        limited.answerAlone(followUp, Locale.SIMPLIFIED_CHINESE);
        limited.answer(DUST, followUp, Locale.SIMPLIFIED_CHINESE, client);
        assertThat(assertThrows(ValidationFailure.class, () -> limited.answer(HOW_MUCH, first, Locale.SIMPLIFIED_CHINESE,
                client)).problems().get(0).messageKey()).isEqualTo("assistant.error.tooMany");
    }

    @Test
    void the_model_gets_the_previous_turn_as_chat_history() throws IOException {
        try (FakeChatModel server = FakeChatModel.answering(200, "油烟须经净化设施处理后达标排放 [1]。")) {
            java.util.List<String> requests = server.requests();
            AssistantService withModel = withModel(server, 100);
            AssistantAnswer first = withModel.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client());
            AssistantAnswer followUp = withModel.answer(HOW_MUCH, first, Locale.SIMPLIFIED_CHINESE, client());
            assertThat(followUp.summary()).isNotNull();
            assertThat(requests).hasSize(2);
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode alone = json.readTree(requests.get(0)).path("messages");
            assertThat(alone).extracting(m -> m.path("role").asText()).containsExactly("system", "user");
            com.fasterxml.jackson.databind.JsonNode messages = json.readTree(requests.get(1)).path("messages");
            assertThat(messages).extracting(m -> m.path("role").asText())
                    .containsExactly("system", "user", "assistant", "user");
            assertThat(messages.get(1).path("content").asText()).isEqualTo(FUMES);
            // without its source numbers, which named the previous turn's sources
            assertThat(messages.get(2).path("content").asText()).isEqualTo("油烟须经净化设施处理后达标排放。");
            // the current question as asked, with the sources found for both questions together
            assertThat(messages.get(3).path("content").asText()).contains(HOW_MUCH, "[1] 法律风险：" + FUMES_RISK);

            // answered alone, the question goes without the history
            withModel.answerAlone(followUp, Locale.SIMPLIFIED_CHINESE);
            if (requests.size() == 3) { // only when the question alone found sources
                assertThat(json.readTree(requests.get(2)).path("messages")).extracting(m -> m.path("role").asText())
                        .containsExactly("system", "user");
            }
        }
    }

    private java.util.List<Div> answers() {
        return _find(Div.class, spec -> spec.withClasses("assistant-answer"));
    }

    private void ask(String text) {
        _get(TextArea.class, spec -> spec.withId("assistant-question")).setValue(text);
        _click(_get(Button.class, spec -> spec.withId("assistant-send")));
    }

    private static java.util.List<String> riskLinks(Div answer) {
        return _find(answer, Anchor.class, spec -> spec.withClasses("assistant-risk")).stream().map(Anchor::getHref)
                .toList();
    }

    @Test
    void the_page_answers_a_follow_up_in_context_and_the_reader_can_answer_it_alone() {
        UI.getCurrent().navigate("assistant");
        ask(FUMES);
        assertThat(answers().get(0).getElement().getOuterHTML()).doesNotContain("assistant-context");
        assertThat(riskLinks(answers().get(0))).contains("risks/um-rp-kitchen-fumes");

        ask(HOW_MUCH);
        assertThat(answers()).hasSize(2);
        Div followUp = answers().get(0); // the newest is first
        assertThat(_get(followUp, Div.class, spec -> spec.withClasses("assistant-context")).getElement().getTextRecursively())
                .contains("已结合上一个问题“" + FUMES + "”作答。");
        assertThat(riskLinks(followUp)).contains("risks/um-rp-kitchen-fumes");

        // a refused question keeps what was typed and the conversation's context
        ask("油".repeat(AssistantService.MAX_QUESTION + 1));
        TextArea question = _get(TextArea.class, spec -> spec.withId("assistant-question"));
        assertThat(question.isInvalid()).isTrue();
        assertThat(question.getErrorMessage()).isEqualTo("问题最多 500 个字，请写得简短一些。");
        assertThat(question.getValue()).hasSize(AssistantService.MAX_QUESTION + 1);
        assertThat(answers()).hasSize(2);

        // answer alone: the same question, in its place, without the previous one
        _click(_get(followUp, Button.class, spec -> spec.withClasses("assistant-alone")));
        assertThat(answers()).hasSize(2);
        Div alone = answers().get(0);
        assertThat(_find(alone, com.vaadin.flow.component.html.H2.class, spec -> spec.withClasses("assistant-asked")).get(0).getText())
                .isEqualTo(HOW_MUCH);
        assertThat(_find(alone, Div.class, spec -> spec.withClasses("assistant-context"))).isEmpty();
        assertThat(riskLinks(alone)).doesNotContain("risks/um-rp-kitchen-fumes");
        // and the next follow-up builds on the question answered alone
        ask("如果是第一次呢");
        assertThat(_get(answers().get(0), Div.class, spec -> spec.withClasses("assistant-context")).getElement().getTextRecursively())
                .contains("“" + HOW_MUCH + "”");

        // a question of its own gets no context
        ask(DUST);
        assertThat(_find(answers().get(0), Div.class, spec -> spec.withClasses("assistant-context"))).isEmpty();
    }

    @Test
    void a_new_conversation_forgets_the_context_and_the_answers() {
        UI.getCurrent().navigate("assistant");
        Button newConversation = _get(Button.class, spec -> spec.withId("assistant-new-conversation"));
        assertThat(newConversation.isEnabled()).isFalse();
        ask(FUMES);
        assertThat(newConversation.isEnabled()).isTrue();
        _click(newConversation);
        assertThat(answers()).isEmpty();
        assertThat(newConversation.isEnabled()).isFalse();
        ask(HOW_MUCH);
        assertThat(answers()).hasSize(1);
        assertThat(_find(answers().get(0), Div.class, spec -> spec.withClasses("assistant-context"))).isEmpty();

        // a link starts a new conversation too
        ask(FUMES);
        UI.getCurrent().navigate("assistant", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("q", HOW_MUCH)));
        assertThat(answers()).hasSize(1);
        assertThat(_find(answers().get(0), Div.class, spec -> spec.withClasses("assistant-context"))).isEmpty();
    }

    @Test
    void the_follow_up_note_and_buttons_speak_the_readers_language() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("assistant");
        // the English lead's Chinese examples are marked as Chinese, the English around them is not
        com.vaadin.flow.component.html.Paragraph lead = _find(com.vaadin.flow.component.html.Paragraph.class).stream()
                .filter(p -> p.getElement().getTextRecursively().startsWith("Describe your business")).findFirst().orElseThrow();
        assertThat(marks(lead.getElement())).containsExactly("zh-CN=开饭店油烟会不会被罚", "zh-CN=那要罚多少钱？");
        assertThat(_get(Button.class, spec -> spec.withId("assistant-new-conversation")).getText())
                .isEqualTo("New conversation");
        ask(FUMES);
        ask(HOW_MUCH);
        Div followUp = answers().get(0);
        assertThat(_get(followUp, Div.class, spec -> spec.withClasses("assistant-context")).getElement().getTextRecursively())
                .contains("Answered together with the previous question “" + FUMES + "”.");
        assertThat(_get(followUp, Button.class, spec -> spec.withClasses("assistant-alone")).getText())
                .isEqualTo("Answer this question alone");
        _click(_get(Button.class, spec -> spec.withId("assistant-new-conversation")));

        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("assistant", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("q", "飯店油煙擾民會被罰嗎")));
        // the list entries (written in Simplified characters) read in Traditional ones
        assertThat(_find(answers().get(0), Anchor.class, spec -> spec.withClasses("assistant-risk"))).isNotEmpty()
                .allSatisfy(link -> assertThat(link.getText())
                        .isEqualTo(cn.gov.enforcement.portal.platform.ReaderScript.toTaiwan(link.getText()))
                        .isNotEqualTo(cn.gov.enforcement.portal.regulation.ChineseScript.toSimplified(link.getText())));
        ask("那要罰多少錢？");
        followUp = answers().get(0);
        assertThat(_get(followUp, Div.class, spec -> spec.withClasses("assistant-context")).getElement().getTextRecursively())
                .contains("已結合上一個問題「飯店油煙擾民會被罰嗎」作答。");
        assertThat(_get(followUp, Button.class, spec -> spec.withClasses("assistant-alone")).getText())
                .isEqualTo("只按這個問題回答");
        // a Chinese page's lead, built anew, marks nothing
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("assistant");
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class)).filteredOn(p -> p.getElement().getTextRecursively()
                .startsWith("用自己的話描述")).singleElement().satisfies(p -> assertThat(marks(p.getElement()))
                        .as("a Chinese page marks nothing").isEmpty());
    }

    @Autowired cn.gov.enforcement.portal.regulation.ImportService importService;

    /** The texts marked with a language in {@code shown}, itself included, each as its lang, = and its text. */
    private static java.util.List<String> marks(com.vaadin.flow.dom.Element shown) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (shown.hasAttribute("lang")) {
            out.add(shown.getAttribute("lang") + "=" + shown.getTextRecursively());
        }
        shown.getChildren().forEach(child -> out.addAll(marks(child)));
        return out;
    }

    private static String lang(com.vaadin.flow.component.Component shown) {
        return shown.getElement().getAttribute("lang");
    }

    /** The answer to a question asked by a link (a new conversation) on a page in {@code page}'s language. */
    private Div answerOn(Locale page, String question) {
        UI.getCurrent().setLocale(page);
        UI.getCurrent().navigate("assistant", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("q", question)));
        assertThat(answers()).hasSize(1);
        return answers().get(0);
    }

    private static java.util.List<Anchor> sources(Div card, String kind) {
        return _find(card, Anchor.class, spec -> spec.withClasses(kind));
    }

    @Test
    void on_an_english_page_the_answers_chinese_content_is_marked_and_its_own_words_are_not() throws IOException {
        cn.gov.enforcement.portal.lists.ListsTestImports.importAdministrativePenaltyLaw(importService, RUN_DATA_DIR);
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (String question : java.util.List.of("饭店油烟超标要罚多少钱", "第一次违法后果轻微会被罚款吗")) {
            Div card = answerOn(Locale.ENGLISH, question);
            assertThat(lang(card)).isNull();
            // the question as asked is Chinese; the kinds of sources are headed in English
            com.vaadin.flow.component.html.H2 asked = _get(card, com.vaadin.flow.component.html.H2.class,
                    spec -> spec.withClasses("assistant-asked"));
            assertThat(asked.getElement().getTextRecursively()).isEqualTo(question);
            assertThat(marks(asked.getElement())).containsExactly("zh-CN=" + question);
            assertThat(_find(card, com.vaadin.flow.component.html.H3.class)).isNotEmpty()
                    .allSatisfy(h -> assertThat(marks(h.getElement())).isEmpty());
            _find(card, com.vaadin.flow.component.html.ListItem.class, spec -> spec.withClasses("assistant-source"))
                    .forEach(item -> assertThat(lang(item)).as("a source's item, with translated words").isNull());
            for (String kind : java.util.List.of("assistant-risk", "assistant-exemption", "assistant-benchmark")) {
                sources(card, kind).forEach(link -> {
                    kinds.add(kind);
                    assertThat(lang(link)).as(link.getText()).isEqualTo("zh-CN");
                });
            }
            // a risk's description and each benchmark's penalties are Chinese, the benchmark's degrees English
            _find(card, Span.class, spec -> spec.withClasses("assistant-source-text"))
                    .forEach(text -> assertThat(lang(text)).isEqualTo("zh-CN"));
            for (Anchor benchmark : sources(card, "assistant-benchmark")) {
                com.vaadin.flow.dom.Element item = benchmark.getElement().getParent();
                assertThat(item.getTextRecursively()).contains("Minor: ");
                assertThat(marks(item)).filteredOn(m -> !m.startsWith("en=")).isNotEmpty()
                        .allSatisfy(m -> assertThat(m).startsWith("zh-CN=").doesNotContain("Minor").doesNotContain("Serious"));
            }
            // the check link and the badges of an exemption are English
            sources(card, "assistant-exemption").forEach(link -> assertThat(marks(link.getElement().getParent()))
                    .filteredOn(m -> m.startsWith("zh-CN=")).containsExactly("zh-CN=" + link.getText()));
            // a law as published, our guides as written: Chinese both
            for (Anchor article : sources(card, "assistant-article")) {
                kinds.add(article.getText().contains("中华人民共和国") ? "law" : "guide");
                assertThat(lang(article)).as(article.getText()).isEqualTo("zh-CN");
            }
            assertThat(_find(card, com.vaadin.flow.component.Html.class, spec -> spec.withClasses("assistant-snippet")))
                    .allSatisfy(snippet -> assertThat(lang(snippet)).isEqualTo("zh-CN"));
        }
        assertThat(kinds).contains("assistant-risk", "assistant-exemption", "assistant-benchmark", "law", "guide");

        // the follow-up note is English with the previous question in it marked
        UI.getCurrent().navigate("assistant");
        ask(HOW_MUCH);
        Div followUp = answers().get(0);
        Div note = _get(followUp, Div.class, spec -> spec.withClasses("assistant-context"));
        assertThat(note.getElement().getTextRecursively()).contains("Answered together with the previous question");
        assertThat(marks(note.getElement())).contains("zh-CN=第一次违法后果轻微会被罚款吗");

        // on a zh-TW page the lists' entries are in its script and language, a law as published is Simplified Chinese
        Div traditional = answerOn(Locale.TRADITIONAL_CHINESE, "第一次違法後果輕微會被罰款嗎");
        assertThat(marks(_get(traditional, com.vaadin.flow.component.html.H2.class).getElement())).isEmpty();
        assertThat(sources(traditional, "assistant-exemption")).isNotEmpty().allSatisfy(link -> assertThat(lang(link)).isNull());
        assertThat(sources(traditional, "assistant-article")).filteredOn(a -> a.getText().contains("中华人民共和国"))
                .isNotEmpty().allSatisfy(law -> assertThat(lang(law)).isEqualTo("zh-CN"));
        assertThat(sources(traditional, "assistant-article")).filteredOn(a -> !a.getText().contains("中华人民共和国"))
                .isNotEmpty().allSatisfy(guide -> assertThat(lang(guide)).as(guide.getText()).isNull());
        // and on a zh-CN page nothing is marked but the badges, which say their language wherever they are
        Div simplified = answerOn(Locale.SIMPLIFIED_CHINESE, "第一次违法后果轻微会被罚款吗");
        assertThat(marks(simplified.getElement())).allSatisfy(m -> assertThat(m).startsWith("zh-CN=示例"));
    }

    @Test
    void the_models_text_is_in_the_pages_language_and_only_the_chinese_it_quotes_on_an_english_page_is_marked()
            throws Exception {
        String english = "Fumes must pass a purifier first [1]; the fine follows 《中华人民共和国大气污染防治法》 [2], "
                + "up to 10 万元.";
        try (FakeChatModel server = FakeChatModel.answering(200, english)) {
            UI.getCurrent().setLocale(Locale.ENGLISH);
            AssistantView view = new AssistantView(withModel(server, 100));
            UI.getCurrent().add(view);
            ask(FUMES);
            Div card = answers().get(0);
            roundtripsUntil(() -> !_find(card, Paragraph.class, spec -> spec.withClasses("assistant-summary")).isEmpty());
            // the model was asked to write English, the page's language: its text is not marked Chinese
            assertThat(server.requests().get(0)).contains("请用English回答");
            Paragraph summary = _get(card, Paragraph.class, spec -> spec.withClasses("assistant-summary"));
            assertThat(summary.getElement().getTextRecursively()).isEqualTo(english);
            assertThat(lang(summary)).isNull();
            assertThat(marks(summary.getElement())).containsExactly("zh-CN=《中华人民共和国大气污染防治法》", "zh-CN=万元");
            assertThat(_find(summary, Anchor.class, spec -> spec.withClasses("assistant-cite"))).extracting(Anchor::getText)
                    .containsExactly("1", "2");
            UI.getCurrent().remove(view);
        }
        try (FakeChatModel server = FakeChatModel.answering(200, "油煙須經淨化設施處理後達標排放 [1]。")) {
            UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
            UI.getCurrent().add(new AssistantView(withModel(server, 100)));
            ask("飯店油煙擾民會被罰嗎");
            Div card = answers().get(0);
            roundtripsUntil(() -> !_find(card, Paragraph.class, spec -> spec.withClasses("assistant-summary")).isEmpty());
            // written in Traditional Chinese as asked, the page's language
            assertThat(server.requests().get(0)).contains("请用繁體中文回答");
            assertThat(marks(_get(card, Paragraph.class, spec -> spec.withClasses("assistant-summary")).getElement()))
                    .isEmpty();
        }
    }

    /** Runs the UI's pending work until the condition holds (at most 20 s). */
    private static void roundtripsUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
        }
    }

    private static boolean writing(Div card) {
        return !_find(card, Div.class, spec -> spec.withClasses("assistant-writing")).isEmpty();
    }

    @Test
    void the_page_shows_the_sources_at_once_and_the_models_text_with_linked_citations_when_it_comes() throws Exception {
        try (FakeChatModel server = FakeChatModel.gated("油烟须经净化后达标排放 [1]，另见【2】与 [1, 2]，不是 [99]。<b>x</b>")) {
            java.util.List<String> requests = server.requests();
            AssistantView view = new AssistantView(withModel(server, 100));
            UI.getCurrent().add(view);
            ask(FUMES);
            // the sources at once, a note while the model writes, the page polling for its text
            Div card = answers().get(0);
            assertThat(riskLinks(card)).contains("risks/um-rp-kitchen-fumes");
            assertThat(writing(card)).isTrue();
            assertThat(_find(card, Paragraph.class, spec -> spec.withClasses("assistant-summary"))).isEmpty();
            assertThat(UI.getCurrent().getPollInterval()).isEqualTo(AssistantView.POLL_MS);
            assertThat(_get(TextArea.class, spec -> spec.withId("assistant-question")).getValue()).isEmpty();

            // a follow-up asked meanwhile waits for the previous text, which the model then gets as history
            ask(HOW_MUCH);
            assertThat(answers()).hasSize(2);
            Div followUp = answers().get(0);
            assertThat(writing(followUp)).isTrue();
            Thread.sleep(300);
            assertThat(requests).hasSize(1);
            server.open(2);
            roundtripsUntil(() -> !writing(card) && !writing(followUp));
            assertThat(requests).hasSize(2);
            com.fasterxml.jackson.databind.JsonNode history = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(requests.get(1)).path("messages");
            assertThat(history.get(2).path("role").asText()).isEqualTo("assistant");
            assertThat(history.get(2).path("content").asText()).startsWith("油烟须经净化后达标排放");

            // the same cards, their text in place of the note: the focus stays where the reader put it
            assertThat(answers()).containsExactly(followUp, card);
            Paragraph summary = _get(card, Paragraph.class, spec -> spec.withClasses("assistant-summary"));
            // the model's text as written, markup included as text
            assertThat(summary.getElement().getTextRecursively())
                    .isEqualTo("油烟须经净化后达标排放 [1]，另见【2】与 [1,2]，不是 [99]。<b>x</b>");
            java.util.List<Anchor> cites = _find(summary, Anchor.class, spec -> spec.withClasses("assistant-cite"));
            assertThat(cites).extracting(Anchor::getText).containsExactly("1", "2", "1", "2");
            for (Anchor cite : cites) {
                String target = cite.getElement().getAttribute("data-target");
                assertThat(cite.getHref()).isEqualTo("assistant#" + target);
                // each citation leads to its numbered source in this answer
                com.vaadin.flow.component.html.ListItem source = _get(card,
                        com.vaadin.flow.component.html.ListItem.class, spec -> spec.withId(target));
                assertThat(source.getElement().getAttribute("tabindex")).isEqualTo("-1");
            }
            // source k on the page is source [k] of the model's prompt, across risks, exemptions, benchmarks, articles
            String prompt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(requests.get(0)).path("messages")
                    .get(1).path("content").asText();
            java.util.List<com.vaadin.flow.component.html.ListItem> sources = _find(card,
                    com.vaadin.flow.component.html.ListItem.class, spec -> spec.withClasses("assistant-source"));
            assertThat(sources).hasSizeGreaterThanOrEqualTo(2);
            assertThat(prompt.lines().filter(l -> l.matches("\\[\\d+\\] .*"))).hasSameSizeAs(sources);
            for (int k = 1; k <= sources.size(); k++) {
                com.vaadin.flow.component.html.ListItem item = sources.get(k - 1);
                assertThat(item.getId()).hasValueSatisfying(id -> assertThat(id).startsWith("assistant-source-"));
                assertThat(item.getId().orElseThrow()).endsWith("-" + k);
                Anchor link = _find(item, Anchor.class).get(0);
                if (!link.hasClassName("assistant-article")) { // a law's label is shorter in the prompt
                    int n = k;
                    assertThat(prompt.lines().filter(l -> l.startsWith("[" + n + "] ")).findFirst().orElseThrow())
                            .as("source %d", k).contains(link.getText());
                }
            }
            assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        }
    }

    @Test
    void a_text_that_comes_after_the_reader_left_touches_nothing_and_a_model_address_that_is_no_address_fails_softly()
            throws Exception {
        try (FakeChatModel server = FakeChatModel.gated("好 [1]")) {
            AssistantView view = new AssistantView(withModel(server, 100));
            UI.getCurrent().add(view);
            ask(FUMES);
            assertThat(UI.getCurrent().getPollInterval()).isEqualTo(AssistantView.POLL_MS);
            UI.getCurrent().remove(view);
            // another page polls for its own work meanwhile
            UI.getCurrent().setPollInterval(1234);
            server.open(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(50);
                com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
            }
            assertThat(UI.getCurrent().getPollInterval()).isEqualTo(1234);
            UI.getCurrent().setPollInterval(-1);
        }

        AssistantService broken = new AssistantService(lists, regulations, new AssistantSettings("http://bad host/v1",
                "test-model", null, Duration.ofSeconds(10), 100), clock, embeddings);
        AssistantAnswer a = broken.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client());
        assertThat(a.modelFailed()).isTrue();
        assertThat(a.summary()).isNull();
        assertThat(a.risks()).isNotEmpty();
    }
}
