package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The gate before the start is over, after it, and when the portal stops ({@code StartupGateIT}: a real start). */
class StartupGateTest {

    private final Translations translations = new Translations();
    private final StartupGate gate = new StartupGate(new ErrorAnswers(translations, new JsonApiErrors(translations)));

    private MockHttpServletResponse send(String uri, String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setQueryString(query);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(299);
        }
        return response;
    }

    private void readiness(ReadinessState state) {
        gate.readiness(new AvailabilityChangeEvent<>(this, state));
    }

    @Test
    void whileStartingEveryPageWaitsButTheHealth() throws Exception {
        MockHttpServletResponse risks = send("/risks", "lang=zh-TW&q=a%26b");
        assertThat(risks.getStatus()).isEqualTo(503);
        assertThat(risks.getHeader("Retry-After")).isEqualTo("5");
        assertThat(risks.getHeader("Content-Security-Policy")).isNotBlank();
        assertThat(risks.getContentAsString()).contains("平臺正在啟動", "本頁將在 5 秒後自動重新整理",
                "<meta http-equiv=\"refresh\" content=\"5\">", "href=\"/risks?lang=zh-TW&amp;q=a%26b\"");
        assertThat(send("/api/v1/regulations", "lang=en").getContentAsString())
                .isEqualTo("{\"error\":\"service_unavailable\",\"message\":\"The portal is starting; please try again in "
                        + "5 seconds.\"}");
        assertThat(send("/actuator/health", null).getStatus()).isEqualTo(299);
        assertThat(send("/actuator/health/readiness", null).getStatus()).isEqualTo(299);
        // an address a browser reads as another site's is not linked to: the link goes home
        assertThat(send("//other.example/x", null).getContentAsString()).doesNotContain("other.example")
                .contains("<a href=\"/\">重新打开本页</a>");
    }

    @Test
    void readyOnceAndOpenForGood() throws Exception {
        readiness(ReadinessState.REFUSING_TRAFFIC);
        assertThat(send("/risks", null).getStatus()).isEqualTo(503);
        readiness(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(send("/risks", null).getStatus()).isEqualTo(299);
        assertThat(send("/api/v1/regulations", null).getStatus()).isEqualTo(299);
        // a portal that stops is left to the web server's shutdown: never "starting"
        readiness(ReadinessState.REFUSING_TRAFFIC);
        assertThat(send("/risks", null).getStatus()).isEqualTo(299);
    }
}
