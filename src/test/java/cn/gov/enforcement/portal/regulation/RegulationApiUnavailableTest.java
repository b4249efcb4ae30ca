package cn.gov.enforcement.portal.regulation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.enforcement.portal.platform.JsonApiErrors;
import cn.gov.enforcement.portal.platform.Translations;
import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The search API while the search node does not answer: 503 to be tried again, never an empty list. */
class RegulationApiUnavailableTest {

    @Test
    void a_search_node_that_does_not_answer_is_503_with_retry_after_in_the_callers_language() throws Exception {
        RegulationIndex index = mock(RegulationIndex.class);
        when(index.search(any())).thenThrow(new IOException("Connection refused"));
        RegulationCatalog catalog = new RegulationCatalog(index, mock(RegulationStore.class),
                new RegulationSettings("", null));
        Translations translations = new Translations();
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new RegulationApiController(catalog, translations,
                new SearchThrottle(0, Clock.systemUTC()))).setControllerAdvice(new JsonApiErrors(translations)).build();

        mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚").param("lang", "en"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.error").value("service_unavailable"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("The search service is not answering")))
                .andExpect(jsonPath("$.results").doesNotExist());
    }
}
