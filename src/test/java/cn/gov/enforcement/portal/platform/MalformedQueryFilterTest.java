package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Page addresses with a stray {@code %} in their query. */
class MalformedQueryFilterTest {

    private final MalformedQueryFilter filter = new MalformedQueryFilter();

    @Test
    void a_stray_percent_is_escaped_and_escapes_are_kept() {
        assertThat(MalformedQueryFilter.wellFormed("q=%E5%90%88&lang=en")).isTrue();
        assertThat(MalformedQueryFilter.wellFormed("q=100%25")).isTrue();
        for (String bad : new String[] {"lang=%", "lang=%zz", "q=100%", "q=%E5%9", "q=%%41"}) {
            assertThat(MalformedQueryFilter.wellFormed(bad)).as(bad).isFalse();
            String fixed = MalformedQueryFilter.escapeStrayPercents(bad);
            assertThat(MalformedQueryFilter.wellFormed(fixed)).as(fixed).isTrue();
            URLDecoder.decode(fixed, StandardCharsets.UTF_8); // what Vaadin does with the page's query: no exception
        }
        assertThat(MalformedQueryFilter.escapeStrayPercents("q=100%&lang=%zz")).isEqualTo("q=100%25&lang=%25zz");
        assertThat(MalformedQueryFilter.escapeStrayPercents("q=%E5%90%88%")).isEqualTo("q=%E5%90%88%25");
    }

    @Test
    void a_page_address_with_a_stray_percent_is_redirected_and_others_pass() throws Exception {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/regulations");
        page.setQueryString("q=100%");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(page, response, chain);
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getHeader("Location")).isEqualTo("/regulations?q=100%25");
        assertThat(chain.getRequest()).isNull();

        for (MockHttpServletRequest passes : new MockHttpServletRequest[] {
            request("GET", "/regulations", "q=%E5%90%88"), request("GET", "/api/v1/regulations/search", "q=100%"),
            request("POST", "/regulations", "q=100%"), request("GET", "/regulations", null),
            // not redirected to another site: a browser reads //host and /\\host as another host's address
            request("GET", "//evil.example", "%"), request("GET", "///evil.example", "q=100%"),
            request("GET", "/\\evil.example", "%"), request("GET", "/a\\b", "%")}) {
            MockFilterChain next = new MockFilterChain();
            filter.doFilter(passes, new MockHttpServletResponse(), next);
            assertThat(next.getRequest()).as(passes.getRequestURI() + "?" + passes.getQueryString()).isSameAs(passes);
        }
    }

    private static MockHttpServletRequest request(String method, String uri, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setQueryString(query);
        return request;
    }
}
