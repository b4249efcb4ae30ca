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
}
