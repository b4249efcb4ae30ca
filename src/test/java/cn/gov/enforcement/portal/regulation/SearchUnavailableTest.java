package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SearchUnavailableTest {

    @Test
    void a_search_node_that_does_not_answer_is_unavailable_not_nothing_found() throws IOException {
        RegulationIndex index = mock(RegulationIndex.class);
        when(index.search(any())).thenThrow(new IOException("Connection refused"));
        RegulationCatalog catalog = new RegulationCatalog(index, mock(RegulationStore.class),
                new RegulationSettings("", null));

        RegulationCatalog.Results results = catalog.search(new RegulationCatalog.Query("行政处罚", 1, 10, null,
                null, null, null, null, null));

        assertThat(results.unavailable()).isTrue();
        assertThat(results.results()).isEmpty();
        // an empty question is no failure
        assertThat(catalog.search(new RegulationCatalog.Query(" ", 1, 10, null, null, null, null, null, null))
                .unavailable()).isFalse();
    }
}
