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
import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The self-check assistant: answers from the portal's sources, with and without a language model. */
class AssistantIT extends KaribuViewTest {

    static final String FUMES = "饭店油烟扰民会被罚吗";

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

    /** An OpenAI-compatible endpoint on a free port that answers every chat request with status and body. */
    private static HttpServer fakeModel(int status, String answer, AtomicReference<String> request,
            AtomicReference<String> authorization) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            request.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private AssistantService withModel(HttpServer server, int perHour) {
        return new AssistantService(lists, regulations, new AssistantSettings("http://127.0.0.1:"
                + server.getAddress().getPort() + "/v1/", "test-model", "secret", Duration.ofSeconds(10), perHour), clock,
                embeddings);
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
    void list_entries_are_found_by_meaning_when_they_share_no_words_with_the_question() {
        // 价格标签 and 明码标价 share one character pair at most; 社保 and 社会保险 none
        assertThat(service.answer("我开了一家小超市，价格标签写错了怎么办", Locale.SIMPLIFIED_CHINESE, client()).risks())
                .extracting(RiskPoint::title).contains("未按规定明码标价");
        AssistantAnswer insurance = service.answer("公司没给员工交社保有什么后果", Locale.SIMPLIFIED_CHINESE, client());
        assertThat(insurance.risks()).extracting(RiskPoint::title).contains("未办理社会保险登记");
        assertThat(insurance.exemptions()).extracting(cn.gov.enforcement.portal.lists.ExemptionItem::violation)
                .anySatisfy(v -> assertThat(v).contains("社会保险"));
        // without the model (switched off), the words alone decide: the same questions find less, nothing breaks
        AssistantService wordsOnly = new AssistantService(lists, regulations, new AssistantSettings(null, null, null,
                Duration.ofSeconds(10), 100), clock, noEmbeddings());
        assertThat(wordsOnly.answer("我开了一家小超市，价格标签写错了怎么办", Locale.SIMPLIFIED_CHINESE, client()).risks())
                .extracting(RiskPoint::title).doesNotContain("未按规定明码标价");
        assertThat(wordsOnly.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client()).risks())
                .extracting(RiskPoint::title).contains("餐饮油烟未经净化超标排放");
        // questions far from every entry get none, with or without the model
        for (AssistantService s : java.util.List.of(service, wordsOnly)) {
            for (String q : java.util.List.of("今天天气怎么样", "我想离婚")) {
                AssistantAnswer a = s.answer(q, Locale.SIMPLIFIED_CHINESE, client());
                assertThat(a.risks()).as(q).isEmpty();
                assertThat(a.exemptions()).as(q).isEmpty();
            }
        }
    }

    private static org.springframework.beans.factory.ObjectProvider<TextEmbeddings> noEmbeddings() {
        return new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(TextEmbeddings.class);
    }

    @Test
    void a_configured_model_writes_the_answer_from_the_numbered_sources() throws IOException {
        AtomicReference<String> request = new AtomicReference<>();
        AtomicReference<String> authorization = new AtomicReference<>();
        HttpServer server = fakeModel(200, "油烟须经净化设施处理后达标排放 [1]。", request, authorization);
        try {
            AssistantAnswer a = withModel(server, 100).answer(FUMES, Locale.SIMPLIFIED_CHINESE, client());
            assertThat(a.summary()).isEqualTo("油烟须经净化设施处理后达标排放 [1]。");
            assertThat(a.modelFailed()).isFalse();
            assertThat(request.get()).contains("\"model\":\"test-model\"", FUMES, "[1] 法律风险：餐饮油烟未经净化超标排放",
                    "简体中文");
            assertThat(authorization.get()).isEqualTo("Bearer secret");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void when_the_model_fails_the_sources_are_still_the_answer() throws IOException {
        HttpServer server = fakeModel(500, "x", new AtomicReference<>(), new AtomicReference<>());
        try {
            AssistantAnswer a = withModel(server, 100).answer(FUMES, Locale.ENGLISH, client());
            assertThat(a.summary()).isNull();
            assertThat(a.modelFailed()).isTrue();
            assertThat(a.risks()).isNotEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void empty_too_long_and_too_frequent_questions_are_refused_in_words() throws IOException {
        assertThat(assertThrows(ValidationFailure.class, () -> service.answer("  😀 ", Locale.SIMPLIFIED_CHINESE, client()))
                .problems().get(0).messageKey()).isEqualTo("assistant.error.empty");
        assertThat(assertThrows(ValidationFailure.class, () -> service.answer("油".repeat(501), Locale.SIMPLIFIED_CHINESE,
                client())).problems().get(0).messageKey()).isEqualTo("assistant.error.tooLong");
        HttpServer server = fakeModel(200, "好", new AtomicReference<>(), new AtomicReference<>());
        try {
            AssistantService limited = withModel(server, 2);
            String client = client();
            limited.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client);
            limited.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client);
            assertThat(assertThrows(ValidationFailure.class, () -> limited.answer(FUMES, Locale.SIMPLIFIED_CHINESE, client))
                    .problems().get(0).messageKey()).isEqualTo("assistant.error.tooMany");
        } finally {
            server.stop(0);
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
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("assistant-asked")).get(0).getText()).isEqualTo("工地扬尘");
    }
}
