package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.gov.enforcement.portal.regulation.RegulationCatalog.CitationResolution;
import cn.gov.enforcement.portal.regulation.RegulationCatalog.CitedArticle;
import cn.gov.enforcement.portal.regulation.RegulationCatalog.NamedVersion;
import cn.gov.enforcement.portal.regulation.RegulationCatalog.Resolution;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How citations resolve for the back office's warning and citation report: an article only an older version holds, a
 * law with no version in force, told apart from a law not held and an article no version has; all citations in at
 * most three queries.
 */
class RegulationCatalogResolutionTest {

    private static final LocalDate OLD = LocalDate.of(1994, 1, 25);
    private static final LocalDate NEW = LocalDate.of(2023, 7, 20);

    private final RegulationStore store = spy(new RegulationStore(mock(JdbcTemplate.class)));
    private final RegulationCatalog catalog = new RegulationCatalog(mock(RegulationIndex.class), store, null);

    private static RegulationStore.TitledVersion version(String title, LocalDate date, DocumentStatus status) {
        return new RegulationStore.TitledVersion(title, date, status);
    }

    @Test
    void an_article_only_an_older_version_holds_names_the_newest_such_version() {
        assertThat(RegulationCatalog.decide(false, List.of(new NamedVersion(NEW, DocumentStatus.CURRENT),
                new NamedVersion(OLD, DocumentStatus.SUPERSEDED)), List.of(new NamedVersion(OLD, DocumentStatus.SUPERSEDED),
                        new NamedVersion(LocalDate.of(1990, 1, 1), DocumentStatus.SUPERSEDED))))
                .isEqualTo(new CitationResolution(Resolution.OLDER_VERSION_ONLY, new NamedVersion(OLD, DocumentStatus.SUPERSEDED)));
        // no other version has it either: the current text lacks the article, nothing more to say
        assertThat(RegulationCatalog.decide(false, List.of(new NamedVersion(NEW, DocumentStatus.CURRENT),
                new NamedVersion(OLD, DocumentStatus.SUPERSEDED)), List.of()))
                .isEqualTo(new CitationResolution(Resolution.NO_ARTICLE, null));
        assertThat(RegulationCatalog.decide(true, List.of(), List.of()).resolution()).isEqualTo(Resolution.FOUND);
    }

    @Test
    void a_law_without_a_version_in_force_names_its_newest_version_and_a_law_not_held_is_no_law() {
        assertThat(RegulationCatalog.decide(false, List.of(new NamedVersion(OLD, DocumentStatus.SUPERSEDED),
                new NamedVersion(NEW, DocumentStatus.REPEALED), new NamedVersion(null, DocumentStatus.SUPERSEDED)), List.of()))
                .isEqualTo(new CitationResolution(Resolution.NO_CURRENT_VERSION, new NamedVersion(NEW, DocumentStatus.REPEALED)));
        assertThat(RegulationCatalog.decide(false, List.of(), List.of()))
                .isEqualTo(new CitationResolution(Resolution.NO_LAW, null));
    }

    @Test
    void many_citations_resolve_in_three_queries_whatever_their_number() {
        String amended = "废旧金属收购业治安管理办法";
        String repealed = "中华人民共和国示例废止法";
        doReturn(List.of(new RegulationStore.TitledArticle(amended, new RegulationStore.ArticleRef(2, "第一条", 1))))
                .when(store).currentArticles(anyCollection(), anyCollection());
        doReturn(List.of(version(amended, NEW, DocumentStatus.CURRENT), version(amended, OLD, DocumentStatus.SUPERSEDED),
                version(repealed, NEW, DocumentStatus.REPEALED)))
                .when(store).versionsTitled(anyCollection());
        doReturn(List.of(new RegulationStore.ArticleInVersion(version(amended, OLD, DocumentStatus.SUPERSEDED), "第十六条")))
                .when(store).articlesOutsideCurrent(anyCollection(), anyCollection());
        List<CitedArticle> cited = List.of(new CitedArticle(amended, "第一条"), new CitedArticle(amended, "第十六条"),
                new CitedArticle(amended, "第九十条"), new CitedArticle("示例废止法", "第三条"),
                new CitedArticle("没有收录的条例", "第一条"), new CitedArticle(null, "第一条"));
        Map<CitedArticle, CitationResolution> resolved = catalog.resolve(cited).orElseThrow();
        assertThat(cited.stream().map(resolved::get).toList()).containsExactly(
                new CitationResolution(Resolution.FOUND, null),
                new CitationResolution(Resolution.OLDER_VERSION_ONLY, new NamedVersion(OLD, DocumentStatus.SUPERSEDED)),
                new CitationResolution(Resolution.NO_ARTICLE, null),
                new CitationResolution(Resolution.NO_CURRENT_VERSION, new NamedVersion(NEW, DocumentStatus.REPEALED)),
                new CitationResolution(Resolution.NO_LAW, null),
                new CitationResolution(Resolution.NO_LAW, null));
        verify(store, times(1)).currentArticles(anyCollection(), anyCollection());
        verify(store, times(1)).versionsTitled(anyCollection());
        verify(store, times(1)).articlesOutsideCurrent(anyCollection(), anyCollection());
        // the enum alone, as before
        assertThat(catalog.resolutions(cited).orElseThrow().get(cited.get(1))).isEqualTo(Resolution.OLDER_VERSION_ONLY);
    }

    @Test
    void the_other_versions_articles_are_not_asked_when_no_law_has_both_a_current_and_another_version() {
        doReturn(List.of()).when(store).currentArticles(anyCollection(), anyCollection());
        doReturn(List.of(version("示例条例", NEW, DocumentStatus.CURRENT))).when(store).versionsTitled(anyCollection());
        assertThat(catalog.resolutions(List.of(new CitedArticle("示例条例", "第九条"))).orElseThrow().values())
                .containsExactly(Resolution.NO_ARTICLE);
        verify(store, never()).articlesOutsideCurrent(anyCollection(), anyCollection());
    }

    @Test
    void a_store_that_cannot_be_read_gives_no_answer_rather_than_every_citation_unresolved() {
        doReturn(List.of()).when(store).currentArticles(anyCollection(), anyCollection());
        doThrow(new org.springframework.dao.DataAccessResourceFailureException("down")).when(store)
                .versionsTitled(any());
        assertThat(catalog.resolve(List.of(new CitedArticle("示例条例", "第九条")))).isEmpty();
    }
}
