package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one error handler of the public JSON API: the body shape, the status codes, the message keys of
 * the answering API in the caller's language, and no effect on controllers that are not {@link JsonApi}.
 */
class JsonApiErrorsTest {

    @RestController
    @JsonApi(badParameterKey = "agency.api.badParameter", failureKey = "agency.api.failure")
    static class MarkedApi {

        @GetMapping("/api/test/items")
        Map<String, Object> items(@RequestParam int page, @RequestParam(required = false) String size) {
            if ("500".equals(size)) {
                throw new InputRejectedException("agency.error.size", 1, 100);
            }
            return Map.of("page", page);
        }

        @GetMapping("/api/test/boom")
        Map<String, Object> boom() {
            throw new IllegalStateException("index went away");
        }

        @PostMapping("/api/test/check") // no "consumes": a body of another type reaches the converter and fails there
        Map<String, Object> check(@RequestBody Map<String, Object> body) {
            return body;
        }
    }

    @RestController
    @JsonApi
    static class DefaultKeysApi {

        @GetMapping("/api/other/items")
        Map<String, Object> items(@RequestParam int page) {
            if (page < 0) {
                throw new UnsupportedOperationException("negative");
            }
            return Map.of("page", page);
        }
    }

    @RestController
    static class NotAnApi {

        @GetMapping("/plain/boom")
        String boom() {
            throw new IllegalStateException("not for the API handler");
        }
    }

    private final Translations translations = new Translations();
    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new MarkedApi(), new DefaultKeysApi(), new NotAnApi())
            .setControllerAdvice(new JsonApiErrors(translations))
            .build();

    @Test
    void refused_input_is_400_with_the_translated_message_of_the_exception() throws Exception {
        mvc.perform(get("/api/test/items").param("page", "0").param("size", "500").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("bad_request"))
                .andExpect(jsonPath("$.message").value(translations.get(Translations.EN, "agency.error.size", 1, 100)));
    }

    @Test
    void a_bad_or_missing_parameter_is_400_naming_it_and_a_bad_body_400_with_the_message_the_api_names()
            throws Exception {
        mvc.perform(get("/api/test/items").param("page", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"))
                .andExpect(jsonPath("$.message").value("参数 page 必须是整数，收到的是“abc”。"));
        mvc.perform(get("/api/test/items").param("page", "1.5").param("lang", "en"))
                .andExpect(jsonPath("$.message").value("Parameter page must be a whole number; got “1.5”."));
        mvc.perform(get("/api/test/items").param("page", "99999999999999999999").param("lang", "zh-TW"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("參數 page 的數值超出範圍：「99999999999999999999」。"));
        // what came is shortened to 20 characters
        mvc.perform(get("/api/test/items").param("page", "x".repeat(25)))
                .andExpect(jsonPath("$.message").value("参数 page 必须是整数，收到的是“" + "x".repeat(20) + "…”。"));
        mvc.perform(get("/api/test/items"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("缺少参数 page。"));
        mvc.perform(post("/api/test/check").contentType(MediaType.APPLICATION_JSON).content("{not json")
                        .param("lang", "zh-TW"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(translations.get(Translations.ZH_TW, "agency.api.badParameter")));
        mvc.perform(get("/api/other/items").param("page", "abc").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Parameter page must be a whole number; got “abc”."));
    }

    @Test
    void a_body_of_a_type_no_converter_reads_is_415_naming_the_types_it_reads() throws Exception {
        mvc.perform(post("/api/test/check").contentType(MediaType.TEXT_PLAIN).content("x").param("lang", "en"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(header().string("Accept", org.hamcrest.Matchers.containsString("application/json")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("unsupported_media_type"))
                .andExpect(jsonPath("$.message").value(translations.get(Translations.EN,
                        "platform.api.unsupportedMediaType")));
    }

    @Test
    void an_unexpected_failure_is_500_with_the_failure_message_of_the_api() throws Exception {
        mvc.perform(get("/api/test/boom").header("Accept-Language", "en"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("internal_error"))
                .andExpect(jsonPath("$.message").value(translations.get(Translations.EN, "agency.api.failure")));
        mvc.perform(get("/api/other/items").param("page", "-1"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.message").value(translations.get(Translations.ZH_CN, "platform.api.failure")));
    }

    @Test
    void controllers_that_are_not_json_apis_are_left_alone() {
        assertThatThrownBy(() -> mvc.perform(get("/plain/boom")))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("not for the API handler");
    }
}
