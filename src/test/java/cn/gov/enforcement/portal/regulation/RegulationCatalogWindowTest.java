package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.enforcement.portal.platform.JsonApiErrors;
import cn.gov.enforcement.portal.platform.Translations;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * A page beyond the first {@link RegulationCatalog#MAX_WINDOW} results: too deep (narrow the search) only when the
 * search has more results than that; with fewer it is a page past the end, and the catalog says how many there are
 * (the search page says so, and the API answers 200 with the total instead of 400).
 */
class RegulationCatalogWindowTest {

    private final RegulationIndex index = mock(RegulationIndex.class);
    private final RegulationCatalog catalog = new RegulationCatalog(index, mock(RegulationStore.class),
            new RegulationSettings("", null));

    private RegulationCatalog.Results page(int page, long total) throws IOException {
        when(index.search(any())).thenReturn(new RegulationIndex.Found(total, List.of(), List.of("缴纳")));
        return catalog.search(new RegulationCatalog.Query("交罚款", page, 20, null, null, null, null, null, null));
    }

    @Test
    void a_page_beyond_the_window_of_a_search_with_more_results_is_too_deep() throws IOException {
        RegulationCatalog.Results results = page(51, 1_500);

        assertThat(results.tooDeep()).isTrue();
        assertThat(results.total()).isEqualTo(1_500);
        assertThat(results.page()).isEqualTo(51);
        assertThat(results.results()).isEmpty();
        assertThat(results.unavailable()).isFalse();
    }

    @Test
    void a_page_beyond_the_window_of_a_search_with_fewer_results_is_past_its_end_with_the_total()
            throws IOException {
        RegulationCatalog.Results results = page(51, 488);

        assertThat(results.tooDeep()).isFalse();
        assertThat(results.total()).isEqualTo(488);
        assertThat(results.page()).isEqualTo(51);
        assertThat(results.results()).isEmpty();
        assertThat(results.legalTerms()).containsExactly("缴纳");
        // only the total is wanted: the search asks for the first hit, not for page 51
        ArgumentCaptor<RegulationIndex.Search> asked = ArgumentCaptor.forClass(RegulationIndex.Search.class);
        verify(index).search(asked.capture());
        assertThat(asked.getValue().from()).isZero();
        assertThat(asked.getValue().size()).isEqualTo(1);
    }

    @Test
    void the_last_page_within_the_window_is_searched_as_asked() throws IOException {
        RegulationCatalog.Results results = page(50, 1_500);

        assertThat(results.tooDeep()).isFalse();
        ArgumentCaptor<RegulationIndex.Search> asked = ArgumentCaptor.forClass(RegulationIndex.Search.class);
        verify(index).search(asked.capture());
        assertThat(asked.getValue().from()).isEqualTo(980);
        assertThat(asked.getValue().size()).isEqualTo(20);
    }

    @Test
    void the_api_refuses_only_a_page_too_deep_and_gives_the_total_of_one_past_its_end() throws Exception {
        Translations translations = new Translations();
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new RegulationApiController(catalog, translations,
                new SearchThrottle(0, Clock.systemUTC()))).setControllerAdvice(new JsonApiErrors(translations)).build();

        when(index.search(any())).thenReturn(new RegulationIndex.Found(1_500, List.of()));
        mvc.perform(get("/api/v1/regulations/search").param("q", "合同").param("size", "100").param("page", "11")
                .param("lang", "en")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("1,000")));

        when(index.search(any())).thenReturn(new RegulationIndex.Found(488, List.of()));
        mvc.perform(get("/api/v1/regulations/search").param("q", "合同").param("size", "100").param("page", "11"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(488))
                .andExpect(jsonPath("$.results.length()").value(0));
    }
}
