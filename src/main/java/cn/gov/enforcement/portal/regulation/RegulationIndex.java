package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.search.ChineseAnalysis;
import cn.gov.enforcement.portal.search.IndexDocument;
import cn.gov.enforcement.portal.search.SearchIndexes;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@code regulation-articles} index: one document per article, a rebuildable projection of the
 * regulation tables. Text fields use the unigram + bigram recipe of {@link ChineseAnalysis}; the
 * {@code *_s} fields hold a Simplified copy, and queries are converted to Simplified, so that
 * Traditional and Simplified find each other. The region keyword is stored (and filtered) in Simplified.
 */
@Component
class RegulationIndex {

    static final String ALIAS = "regulation-articles";

    private static final Logger log = LoggerFactory.getLogger(RegulationIndex.class);

    private final ObjectProvider<SearchIndexes> indexes;
    private final ObjectProvider<ElasticsearchClient> client;
    private final RegulationStore store;

    RegulationIndex(ObjectProvider<SearchIndexes> indexes, ObjectProvider<ElasticsearchClient> client,
            RegulationStore store) {
        this.indexes = indexes;
        this.client = client;
        this.store = store;
    }

    /** True when the index is missing or holds a different number of articles than the database. */
    boolean isOutOfStep() {
        SearchIndexes search = indexes.getIfAvailable();
        if (search == null) {
            return false;
        }
        try {
            return search.count(ALIAS) != store.articleCount();
        } catch (RuntimeException e) {
            log.warn("Cannot count the {} index ({}); it will be rebuilt", ALIAS, e.getMessage());
            return true;
        }
    }

    /** Builds a new index version from the database and swaps the alias; the old version serves until then. */
    long rebuild() {
        SearchIndexes search = indexes.getIfAvailable();
        if (search == null) {
            log.warn("No search index service; the {} index is not built", ALIAS);
            return 0;
        }
        Map<Long, RegulationStore.StoredDocument> documents = store.documents().stream()
                .collect(Collectors.toMap(RegulationStore.StoredDocument::id, Function.identity()));
        List<IndexDocument> docs = new ArrayList<>();
        store.forEachArticle(documents, (d, a) -> docs.add(document(d, a)));
        search.rebuild(ALIAS, docs, n -> {});
        log.info("Rebuilt the {} index with {} articles", ALIAS, docs.size());
        return docs.size();
    }

    static IndexDocument document(RegulationStore.StoredDocument d, RegulationStore.StoredArticle a) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("document_id", d.id());
        source.put("sequence", a.sequence());
        source.put("title", d.title());
        source.put("display_title", d.displayTitle());
        source.put("title_s", ChineseScript.toSimplified(d.displayTitle()));
        source.put("level", d.level().name());
        source.put("region", ChineseScript.toSimplified(d.region()));
        source.put("issuer", ChineseScript.toSimplified(d.issuer()));
        source.put("status", d.status().name());
        source.put("version_date", d.versionDate() == null ? null : d.versionDate().toString());
        source.put("in_force_date", d.effectiveDate() == null ? null : d.effectiveDate().toString());
        source.put("article", a.number());
        source.put("heading_path", a.headingPath());
        source.put("text", a.text());
        String textS = ChineseScript.toSimplified(a.text());
        source.put("text_s", textS);
        source.put("all_s", ChineseScript.toSimplified(d.displayTitle() + "\n" + a.headingPath() + "\n" + a.number())
                + "\n" + textS);
        return new IndexDocument(d.id() + "-" + a.sequence(), source);
    }

    record Found(long total, List<FoundArticle> hits) {}

    record FoundArticle(long documentId, int sequence, String title, String article, LegalLevel level,
                        String snippet, double score) {}

    /**
     * One search: the query text (already Simplified), the window ({@code from} hits skipped, {@code size}
     * returned) and the filters; a null filter means "any".
     */
    record Search(String simplifiedQuery, int from, int size, LegalLevel level, String region, String issuer,
                  DocumentStatus status, LocalDate effectiveFrom, LocalDate effectiveTo) {}

    /**
     * Every filter clause of a search (level, region, issuer, status, in-force date range), for the lexical
     * query and for any other retriever that must honour the same filters.
     */
    static List<Query> filters(Search search) {
        List<Query> filters = new ArrayList<>();
        if (search.level() != null) {
            filters.add(Query.of(f -> f.term(t -> t.field("level").value(search.level().name()))));
        }
        if (search.region() != null) {
            filters.add(Query.of(f -> f.term(t -> t.field("region")
                    .value(ChineseScript.toSimplified(search.region())))));
        }
        if (search.issuer() != null) {
            filters.add(Query.of(f -> f.term(t -> t.field("issuer")
                    .value(ChineseScript.toSimplified(search.issuer())))));
        }
        if (search.status() != null) {
            filters.add(Query.of(f -> f.term(t -> t.field("status").value(search.status().name()))));
        }
        if (search.effectiveFrom() != null || search.effectiveTo() != null) {
            filters.add(Query.of(f -> f.range(r -> r.date(d -> {
                d.field("in_force_date").format("yyyy-MM-dd");
                if (search.effectiveFrom() != null) {
                    d.gte(search.effectiveFrom().toString());
                }
                if (search.effectiveTo() != null) {
                    d.lte(search.effectiveTo().toString());
                }
                return d;
            }))));
        }
        return filters;
    }

    /**
     * Articles matching the query text (every character must occur; adjacent pairs score), filtered by
     * {@link #filters(Search)}.
     */
    @SuppressWarnings("rawtypes")
    Found search(Search search) throws java.io.IOException {
        ElasticsearchClient es = client.getIfAvailable();
        if (es == null) {
            return new Found(0, List.of());
        }
        String simplifiedQuery = search.simplifiedQuery();
        String traditional = ChineseScript.toTraditional(simplifiedQuery);
        Query highlight = Query.of(q -> q.bool(b -> b
                .should(s -> s.match(m -> m.field("text").query(simplifiedQuery)))
                .should(s -> s.match(m -> m.field("text").query(traditional)))));
        List<Query> filters = filters(search);
        SearchResponse<Map> response = es.search(s -> s.index(ALIAS).from(search.from()).size(search.size())
                .trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes("document_id", "sequence", "display_title", "article",
                        "level", "text")))
                .query(q -> q.bool(b -> {
                    b.must(m -> m.match(t -> t.field("all_s").query(simplifiedQuery).operator(Operator.And)));
                    b.should(m -> m.match(t -> t.field("all_s.bigram").query(simplifiedQuery)));
                    b.should(m -> m.match(t -> t.field("text_s.bigram").query(simplifiedQuery)));
                    b.should(m -> m.match(t -> t.field("title_s.bigram").query(simplifiedQuery).boost(2f)));
                    b.filter(filters);
                    return b;
                }))
                .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .fields("text", f -> f.highlightQuery(highlight).numberOfFragments(1).fragmentSize(120)
                                .noMatchSize(120))), Map.class);
        List<FoundArticle> hits = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map src = hit.source();
            if (src == null) {
                continue;
            }
            List<String> fragments = hit.highlight().get("text");
            String snippet = fragments == null || fragments.isEmpty()
                    ? escape(String.valueOf(src.get("text")))
                    : fragments.get(0);
            snippet = snippet.replace("</em><em>", "");
            hits.add(new FoundArticle(((Number) src.get("document_id")).longValue(),
                    ((Number) src.get("sequence")).intValue(), String.valueOf(src.get("display_title")),
                    String.valueOf(src.get("article")), level(src.get("level")), snippet,
                    hit.score() == null ? 0 : hit.score()));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new Found(total, hits);
    }

    private static LegalLevel level(Object value) {
        try {
            return value == null ? null : LegalLevel.valueOf(value.toString());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String escape(String s) {
        String cut = s.length() > 120 ? s.substring(0, 120) + "…" : s;
        return cut.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }
}
