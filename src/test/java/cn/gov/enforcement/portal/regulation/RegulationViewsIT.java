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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Browserless tests of the public regulation pages (search and document) on the whole application. */
class RegulationViewsIT extends KaribuViewTest {

    @Autowired ImportService importService;

    @BeforeEach
    void importThePenaltyLawAndTheSeeds() throws IOException {
        Path corpus = SharedData.require("corpus/lawrefbook");
        Path seeds = SharedData.require("seeds");
        Path dir = Files.createDirectories(RUN_DATA_DIR.resolve("regulation-views"));
        Files.createDirectories(dir.resolve("行政法"));
        Files.copy(corpus.resolve("行政法/行政处罚法(2021-01-22).md"), dir.resolve("行政法/行政处罚法(2021-01-22).md"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(seeds.resolve("000_d934e9e45ad9936f.txt"), dir.resolve("000.txt"), StandardCopyOption.REPLACE_EXISTING);
        // idempotent: the second and later calls write nothing
        importService.importFolder(dir, line -> {});
    }

    @Test
    void searching_from_the_url_lists_the_article_with_its_permalink_and_snippet() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微")));
        assertThat(_get(TextField.class, spec -> spec.withId("regulation-search")).getValue())
                .isEqualTo("初次违法且危害后果轻微");
        Anchor first = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0);
        assertThat(first.getText()).isEqualTo("中华人民共和国行政处罚法 第三十三条");
        assertThat(first.getHref()).matches("regulations/\\d+#第三十三条");
        assertThat(_get(Div.class, spec -> spec.withId("regulation-results")).getElement().getOuterHTML())
                .contains("<em>");
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
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微")));
        String href = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0).getHref();
        UI.getCurrent().navigate(href.substring(0, href.indexOf('#')));
        assertThat(_get(H1.class, spec -> spec.withId("regulation-title")).getText()).isEqualTo("中华人民共和国行政处罚法");
        assertThat(_find(Div.class, spec -> spec.withId("第三十三条"))).hasSize(1);
        assertThat(_get(Nav.class, spec -> spec.withId("regulation-toc")).getElement().getOuterHTML())
                .contains(href.substring(0, href.indexOf('#')) + "#第三十三条");
    }

    @Test
    void a_middle_article_links_to_the_previous_and_the_next_article() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微")));
        String href = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0).getHref();
        String base = href.substring(0, href.indexOf('#'));
        UI.getCurrent().navigate(base);
        Div article = _get(Div.class, spec -> spec.withId("第三十三条"));
        Anchor previous = _get(article, Anchor.class, spec -> spec.withClasses("regulation-previous"));
        Anchor next = _get(article, Anchor.class, spec -> spec.withClasses("regulation-next"));
        assertThat(previous.getHref()).isEqualTo(base + "#第三十二条");
        assertThat(previous.getText()).isEqualTo(UI.getCurrent().getTranslation("regulation.document.previous"));
        assertThat(next.getHref()).isEqualTo(base + "#第三十四条");
        assertThat(_find(article, Button.class, spec -> spec.withClasses("regulation-copy-citation"))).hasSize(1);
    }

    @Test
    void the_first_article_has_no_previous_link() {
        UI.getCurrent().navigate("regulations", QueryParameters.simple(Map.of("q", "初次违法且危害后果轻微")));
        String href = _find(Anchor.class, spec -> spec.withClasses("regulation-hit-link")).get(0).getHref();
        UI.getCurrent().navigate(href.substring(0, href.indexOf('#')));
        Div first = _get(Div.class, spec -> spec.withId("第一条"));
        assertThat(_find(first, Anchor.class, spec -> spec.withClasses("regulation-previous"))).isEmpty();
        assertThat(_find(first, Anchor.class, spec -> spec.withClasses("regulation-next"))).hasSize(1);
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
}
