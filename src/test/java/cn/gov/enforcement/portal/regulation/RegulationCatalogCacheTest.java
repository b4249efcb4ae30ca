package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search page's filter options, guides and document count are read once for many visits and again as soon as
 * documents change (an import, a guide load, a status change).
 */
class RegulationCatalogCacheTest {

    private final RegulationStore store = spy(new RegulationStore(mock(JdbcTemplate.class)));
    private final RegulationCatalog catalog = new RegulationCatalog(mock(RegulationIndex.class), store, null);

    private void stored(long documents, String region) {
        doReturn(List.of("LAW")).when(store).distinct("level");
        doReturn(List.of(region)).when(store).distinct("region");
        doReturn(List.of("全国人民代表大会常务委员会")).when(store).distinct("issuer");
        doReturn(documents).when(store).documentCount();
        doReturn(List.of()).when(store).documentsByLevel(LegalLevel.GUIDE);
    }

    private void visit() {
        catalog.filterOptions();
        catalog.guides();
        catalog.documentCount();
        catalog.documentCount();
    }

    @Test
    void many_visits_of_the_search_page_read_the_options_once() {
        stored(8, "北京市");
        visit();
        visit();
        visit();
        verify(store, times(3)).distinct(anyString());
        verify(store, times(1)).documentsByLevel(LegalLevel.GUIDE);
        verify(store, times(1)).documentCount();
        assertThat(catalog.filterOptions().regions()).containsExactly("北京市");
        assertThat(catalog.documentCount()).isEqualTo(8);
    }

    @Test
    void an_import_a_guide_load_or_a_status_change_is_seen_at_once() {
        stored(8, "北京市");
        visit();
        stored(9, "上海市");
        // a status change (the daily schedule, an import deciding statuses)
        store.updateStatus(1, DocumentStatus.REPEALED);
        assertThat(catalog.filterOptions().regions()).containsExactly("上海市");
        assertThat(catalog.documentCount()).isEqualTo(9);
        stored(7, "天津市");
        // a guide removed
        store.delete(2);
        assertThat(catalog.filterOptions().regions()).containsExactly("天津市");
        assertThat(catalog.documentCount()).isEqualTo(7);
        verify(store, times(3)).documentCount();
    }

    @Test
    void a_cited_article_is_looked_up_once_until_documents_change_and_a_failed_look_up_is_not_kept() {
        List<String> titles = List.of("行政处罚法", "中华人民共和国行政处罚法");
        doReturn(java.util.Optional.of(new RegulationStore.ArticleRef(5, "第三十三条", 40)))
                .when(store).currentArticle(titles, "第三十三条");
        for (int i = 0; i < 3; i++) {
            assertThat(catalog.articleUrl("中华人民共和国行政处罚法", "第三十三条")).hasValue(RegulationCatalog.url(5, "第三十三条", 40));
            assertThat(catalog.articleUrl("行政处罚法", "第 三十三 条")).as("the same citation spelled otherwise")
                    .hasValue(RegulationCatalog.url(5, "第三十三条", 40));
        }
        verify(store, times(1)).currentArticle(titles, "第三十三条");

        // an import replaced the document
        doReturn(java.util.Optional.of(new RegulationStore.ArticleRef(9, "第三十三条", 41)))
                .when(store).currentArticle(titles, "第三十三条");
        store.delete(5);
        assertThat(catalog.articleUrl("行政处罚法", "第三十三条")).hasValue(RegulationCatalog.url(9, "第三十三条", 41));
        verify(store, times(2)).currentArticle(titles, "第三十三条");

        org.mockito.Mockito.doThrow(new IllegalStateException("database away"))
                .when(store).currentArticle(List.of("民法典", "中华人民共和国民法典"), "第一条");
        assertThat(catalog.articleUrl("民法典", "第一条")).isEmpty();
        assertThat(catalog.articleUrl("民法典", "第一条")).isEmpty();
        verify(store, times(2)).currentArticle(List.of("民法典", "中华人民共和国民法典"), "第一条");
    }
}
