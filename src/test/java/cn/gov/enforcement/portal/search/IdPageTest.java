package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The shared keyword search of the agency and list indexes: the request it sends and the page it reads. */
class IdPageTest {

    private static final Consumer<BoolQuery.Builder> NO_FILTERS = b -> {};

    private static JsonNode json(SearchRequest request) throws Exception {
        return new ObjectMapper().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }

    @SuppressWarnings("rawtypes")
    private static SearchResponse<Map> response(Long total, String... ids) {
        return SearchResponse.of(r -> r.took(1).timedOut(false)
                .shards(sh -> sh.total(1).successful(1).failed(0))
                .hits(h -> {
                    if (total != null) {
                        h.total(t -> t.value(total).relation(TotalHitsRelation.Eq));
                    }
                    return h.hits(java.util.Arrays.stream(ids)
                            .map(id -> Hit.<Map>of(hit -> hit.index("x").id(id))).toList());
                }));
    }

    @Test
    void a_page_holds_the_hit_ids_in_order_and_the_total_of_the_response() {
        assertThat(IdPage.of(response(42L, "b", "a"))).isEqualTo(new IdPage(42, List.of("b", "a")));
        assertThat(IdPage.of(response(null, "b", "a")).total()).as("no total: the hits counted").isEqualTo(2);
        assertThat(IdPage.of(response(0L)).ids()).isEmpty();
    }

    @Test
    void with_text_every_character_must_match_and_the_title_scores_three_times() throws Exception {
        JsonNode request = json(IdPage.request("agencies", "市场监管", "name",
                b -> b.filter(f -> f.term(t -> t.field("category").value("market"))), 20, 10));
        assertThat(request.path("from").asInt()).isEqualTo(20);
        assertThat(request.path("size").asInt()).isEqualTo(10);
        assertThat(request.path("track_total_hits").asBoolean()).isTrue();
        assertThat(request.path("_source").asBoolean(true)).isFalse();
        JsonNode bool = request.path("query").path("bool");
        assertThat(bool.path("must").get(0).path("match").path("all").path("operator").asText()).isEqualToIgnoringCase("and");
        assertThat(bool.path("should").get(1).path("match").path("name.bigram").path("boost").asDouble()).isEqualTo(3.0);
        assertThat(bool.path("filter").get(0).path("term").path("category").path("value").asText()).isEqualTo("market");
        assertThat(request.has("sort")).as("score order").isFalse();
    }

    @Test
    void without_text_every_document_matches_in_id_order() throws Exception {
        JsonNode request = json(IdPage.request("risk-points", "  ", "title", NO_FILTERS, 0, 20));
        assertThat(request.path("query").path("bool").path("must").get(0).has("match_all")).isTrue();
        assertThat(request.path("query").path("bool").has("filter")).isFalse();
        assertThat(request.path("sort").toString()).contains("\"id\"").containsIgnoringCase("asc");
    }

    @Test
    void the_word_search_needs_half_of_the_pairs_of_the_text_or_of_one_alternative_and_scores_the_title_three_times()
            throws Exception {
        JsonNode request = json(IdPage.wordRequest("risk-points", "店门口占道经营", List.of("店外 占道经营"), "title",
                NO_FILTERS, 0, 10));
        JsonNode any = request.path("query").path("bool").path("must").get(0).path("bool");
        assertThat(any.path("minimum_should_match").asText()).isEqualTo("1");
        JsonNode text = any.path("should").get(0).path("bool");
        // 店门 门口 口占 占道 道经 经营: three of six
        assertThat(text.path("should")).hasSize(6);
        assertThat(text.path("minimum_should_match").asText()).isEqualTo("3");
        assertThat(text.path("should").get(0).path("term").path("all.bigram").path("value").asText()).isEqualTo("店门");
        // 店外 占道 道经 经营: two of four
        JsonNode alternative = any.path("should").get(1).path("bool");
        assertThat(alternative.path("should")).hasSize(4);
        assertThat(alternative.path("minimum_should_match").asText()).isEqualTo("2");
        // the title scores each word of the text and the alternative once, three times as much
        JsonNode title = request.path("query").path("bool").path("should");
        assertThat(title).hasSize(7);
        assertThat(title.get(0).path("term").path("title.bigram").path("boost").asDouble()).isEqualTo(3.0);
    }

    @Test
    void the_word_search_matches_a_lone_character_in_the_field_and_nothing_for_a_text_without_words() throws Exception {
        JsonNode lone = json(IdPage.wordRequest("exemptions", "险", List.of(), "title", NO_FILTERS, 0, 10));
        JsonNode text = lone.path("query").path("bool").path("must").get(0).path("bool").path("should").get(0)
                .path("bool");
        assertThat(text.path("should").get(0).path("term").path("all").path("value").asText()).isEqualTo("险");
        assertThat(text.path("minimum_should_match").asText()).isEqualTo("1");
        JsonNode none = json(IdPage.wordRequest("exemptions", "\"(*:\\", List.of(), "title", NO_FILTERS, 0, 10));
        assertThat(none.path("query").path("bool").path("must").get(0).has("match_none")).isTrue();
        JsonNode all = json(IdPage.wordRequest("exemptions", null, List.of("x"), "title", NO_FILTERS, 0, 10));
        assertThat(all.path("query").path("bool").path("must").get(0).has("match_all")).isTrue();
        assertThat(all.path("sort").toString()).contains("\"id\"");
    }
}
