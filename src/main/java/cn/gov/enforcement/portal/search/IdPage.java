package cn.gov.enforcement.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return request(index, text, filters, from, size, b -> {
            b.must(m -> m.match(mm -> mm.field("all").query(text).operator(Operator.And)));
            b.should(m -> m.match(mm -> mm.field("all.bigram").query(text)));
            b.should(m -> m.match(mm -> mm.field(titleField + ".bigram").query(text).boost(3f)));
        });
    }

    /**
     * The keyword search of the lists, by words rather than characters. With text, a document matches when its
     * {@code all} holds {@link QueryText#wordsNeeded enough} of the {@link QueryText#words words} of the text (character
     * pairs in {@code all.bigram}, a lone character or word in {@code all}), or enough of the words of one of
     * {@code alternatives} (the text said in other words, such as its legal terms); an everyday word or an extra
     * character in a question thus does not exclude the entry that holds the rest, and one or two words are all needed
     * (占道 finds the entries that say 占道, not every one with 占 and 道 somewhere). The score adds the words found in
     * {@code all} and, three times, those found in {@code titleField}. A text without any word matches nothing;
     * without text every document matches, in id order. Only ids are fetched; the total is counted exactly.
     *
     * @param filters adds the caller's clauses (filters, exclusions) to the bool query; may do nothing
     */
    public static SearchRequest wordRequest(String index, String text, List<String> alternatives, String titleField,
            Consumer<BoolQuery.Builder> filters, int from, int size) {
        List<List<QueryText.Word>> wordings = QueryText.wordings(text, alternatives);
        Set<QueryText.Word> allWords = new LinkedHashSet<>();
        wordings.forEach(allWords::addAll);
        return request(index, text, filters, from, size, b -> {
            if (wordings.isEmpty()) {
                b.must(m -> m.matchNone(none -> none));
                return;
            }
            b.must(m -> m.bool(any -> {
                wordings.forEach(words -> any.should(o -> o.bool(one -> {
                    words.forEach(w -> one.should(term(w, "all", 1f)));
                    return one.minimumShouldMatch(Integer.toString(QueryText.wordsNeeded(words.size())));
                })));
                return any.minimumShouldMatch("1");
            }));
            allWords.forEach(w -> b.should(term(w, titleField, 3f)));
        });
    }

    /**
     * A page of ids of {@code index}: with text the clauses {@code textClauses} adds, without every document in id
     * order; then the caller's {@code filters}.
     */
    private static SearchRequest request(String index, String text, Consumer<BoolQuery.Builder> filters, int from,
            int size, Consumer<BoolQuery.Builder> textClauses) {
        boolean hasText = text != null && !text.isBlank();
        return SearchRequest.of(s -> {
            s.index(index).from(from).size(size).trackTotalHits(t -> t.enabled(true)).source(src -> src.fetch(false));
            s.query(q -> q.bool(b -> {
                if (hasText) {
                    textClauses.accept(b);
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

    /** A term query for one word: a pair in the field's {@code bigram} sub-field, a single term in the field. */
    private static Query term(QueryText.Word word, String field, float boost) {
        return Query.of(q -> q.term(t -> t.field(word.pair() ? field + ".bigram" : field).value(word.text())
                .boost(boost)));
    }

    /** Runs {@link #request} and answers its page. */
    @SuppressWarnings("rawtypes")
    public static IdPage search(ElasticsearchClient es, String index, String text, String titleField,
            Consumer<BoolQuery.Builder> filters, int from, int size) throws IOException {
        SearchResponse<Map> response = es.search(request(index, text, titleField, filters, from, size), Map.class);
        return of(response);
    }

    /** Runs {@link #wordRequest} and answers its page. */
    @SuppressWarnings("rawtypes")
    public static IdPage searchWords(ElasticsearchClient es, String index, String text, List<String> alternatives,
            String titleField, Consumer<BoolQuery.Builder> filters, int from, int size) throws IOException {
        SearchResponse<Map> response = es.search(wordRequest(index, text, alternatives, titleField, filters, from, size),
                Map.class);
        return of(response);
    }
}
