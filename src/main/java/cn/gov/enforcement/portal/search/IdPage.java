package cn.gov.enforcement.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One page of matching document ids in score order with the total number of matches: the answer of the
 * keyword search shared by the indexes whose documents carry their searchable text in {@code all}
 * (standard analyzer, a {@code bigram} sub-field) and a title field with a {@code bigram} sub-field.
 *
 * @param total every match, not only this page
 * @param ids the ids of this page, best first
 */
public record IdPage(long total, List<String> ids) {

    public IdPage {
        ids = List.copyOf(ids);
    }

    /** The ids of a response's hits and its total (the number of hits when the response carries no total). */
    public static IdPage of(SearchResponse<?> response) {
        List<String> ids = response.hits().hits().stream().map(Hit::id).toList();
        TotalHits total = response.hits().total();
        return new IdPage(total == null ? ids.size() : total.value(), ids);
    }

    /**
     * The keyword search of {@code index}. With text, every character of it must occur in {@code all}
     * (operator AND: with the default 75% short queries match unrelated documents) and the bigram
     * sub-fields of {@code all} and of {@code titleField} (3×) score; without text every document matches,
     * in id order. Only ids are fetched; the total is counted exactly.
     *
     * @param filters adds the caller's clauses (filters, exclusions) to the bool query; may do nothing
     */
    public static SearchRequest request(String index, String text, String titleField,
            Consumer<BoolQuery.Builder> filters, int from, int size) {
        return request(index, text, List.of(), titleField, filters, from, size);
    }

    /**
     * {@link #request(String, String, String, Consumer, int, int)} where a document also matches when every character
     * of one of {@code alternatives} (the text said in other words, such as its legal terms) occurs in {@code all};
     * the alternatives' bigrams score as the text's do. Without alternatives the request is the same as without them.
     */
    public static SearchRequest request(String index, String text, List<String> alternatives, String titleField,
            Consumer<BoolQuery.Builder> filters, int from, int size) {
        boolean hasText = text != null && !text.isBlank();
        return SearchRequest.of(s -> {
            s.index(index).from(from).size(size).trackTotalHits(t -> t.enabled(true)).source(src -> src.fetch(false));
            s.query(q -> q.bool(b -> {
                if (hasText && alternatives.isEmpty()) {
                    b.must(m -> m.match(mm -> mm.field("all").query(text).operator(Operator.And)));
                    b.should(m -> m.match(mm -> mm.field("all.bigram").query(text)));
                    b.should(m -> m.match(mm -> mm.field(titleField + ".bigram").query(text).boost(3f)));
                } else if (hasText) {
                    b.must(m -> m.bool(any -> {
                        any.should(o -> o.match(mm -> mm.field("all").query(text).operator(Operator.And)));
                        alternatives.forEach(alt -> any.should(o -> o.match(mm -> mm.field("all").query(alt)
                                .operator(Operator.And))));
                        return any.minimumShouldMatch("1");
                    }));
                    b.should(m -> m.match(mm -> mm.field("all.bigram").query(text)));
                    b.should(m -> m.match(mm -> mm.field(titleField + ".bigram").query(text).boost(3f)));
                    alternatives.forEach(alt -> {
                        b.should(m -> m.match(mm -> mm.field("all.bigram").query(alt)));
                        b.should(m -> m.match(mm -> mm.field(titleField + ".bigram").query(alt).boost(3f)));
                    });
                } else {
                    b.must(m -> m.matchAll(all -> all));
                }
                filters.accept(b);
                return b;
            }));
            if (!hasText) {
                s.sort(so -> so.field(fs -> fs.field("id").order(SortOrder.Asc)));
            }
            return s;
        });
    }

    /** Runs {@link #request} and answers its page. */
    @SuppressWarnings("rawtypes")
    public static IdPage search(ElasticsearchClient es, String index, String text, String titleField,
            Consumer<BoolQuery.Builder> filters, int from, int size) throws IOException {
        return search(es, index, text, List.of(), titleField, filters, from, size);
    }

    /** Runs {@link #request(String, String, List, String, Consumer, int, int)} and answers its page. */
    @SuppressWarnings("rawtypes")
    public static IdPage search(ElasticsearchClient es, String index, String text, List<String> alternatives,
            String titleField, Consumer<BoolQuery.Builder> filters, int from, int size) throws IOException {
        SearchResponse<Map> response = es.search(request(index, text, alternatives, titleField, filters, from, size),
                Map.class);
        return of(response);
    }
}
