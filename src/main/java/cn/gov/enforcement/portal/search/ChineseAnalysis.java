package cn.gov.enforcement.portal.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * Chinese full-text search on the stock node, which has no cjk, smartcn, icu or synonym analysis.
 *
 * <p><b>Why:</b> the {@code standard} analyzer splits CJK text into single characters
 * ("市场监督管理局" → 市 场 监 督 管 理 局). Matching all characters of a query (operator AND) finds
 * every text that contains them, in any order; that gives recall ("市场监管" finds
 * "市场监督管理局", because 市, 场, 监 and 管 all occur) but poor precision. A bigram subfield
 * ({@code standard} tokenizer + {@code shingle} with min/max 2, no unigrams, no separator:
 * 市场 场监 监督 督管 管理 理局) rewards texts where the query's characters stand next to each other,
 * so "市场监督" ranks a text containing that exact run above one that merely contains the
 * characters somewhere.
 *
 * <p><b>Mapping:</b> put {@link #ANALYSIS_SETTINGS} into {@code settings.analysis} and map each
 * searchable text field as {@link #TEXT_FIELD_MAPPING} (see {@code src/test/resources/search/test-items.json}).
 *
 * <p><b>Query:</b> {@link #query(String, String)}: a {@code bool} whose {@code must} is a
 * {@code match} on the unigram field with operator AND (every character must occur) and whose
 * {@code should} is a {@code match} on the {@code .bigram} subfield (scoring only). What does not
 * match: a query containing a character absent from the text ("市场监察" does not find
 * "市场监督管理局" because 察 is missing), and traditional vs simplified variants (监 ≠ 監); index
 * both forms if that matters.
 */
public final class ChineseAnalysis {

    /** Name of the bigram analyzer defined by {@link #ANALYSIS_SETTINGS}. */
    public static final String BIGRAM_ANALYZER = "portal_bigram";

    /** Name of the subfield holding bigrams. */
    public static final String BIGRAM_SUBFIELD = "bigram";

    /** The {@code settings.analysis} object to paste into a mapping file. */
    public static final String ANALYSIS_SETTINGS = """
            {
              "filter": {
                "portal_bigram_shingle": {
                  "type": "shingle",
                  "min_shingle_size": 2,
                  "max_shingle_size": 2,
                  "output_unigrams": false,
                  "token_separator": ""
                }
              },
              "analyzer": {
                "portal_bigram": {
                  "type": "custom",
                  "tokenizer": "standard",
                  "filter": ["lowercase", "portal_bigram_shingle"]
                }
              }
            }
            """;

    /** The mapping of one searchable text field. */
    public static final String TEXT_FIELD_MAPPING = """
            {
              "type": "text",
              "analyzer": "standard",
              "fields": {
                "bigram": { "type": "text", "analyzer": "portal_bigram" }
              }
            }
            """;

    private ChineseAnalysis() {}

    /** Every character of {@code text} must occur in {@code field}; adjacent pairs raise the score. */
    public static Query query(String field, String text) {
        return Query.of(q -> q.bool(b -> b
                .must(m -> m.match(t -> t.field(field).query(text).operator(Operator.And)))
                .should(s -> s.match(t -> t.field(field + "." + BIGRAM_SUBFIELD).query(text)))));
    }
}
