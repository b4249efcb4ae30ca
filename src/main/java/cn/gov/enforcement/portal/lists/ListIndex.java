package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.lists.data.ListEntryEntity;
import cn.gov.enforcement.portal.regulation.ChineseScript;
import cn.gov.enforcement.portal.search.IdPage;
import cn.gov.enforcement.portal.search.IndexDocument;
import cn.gov.enforcement.portal.search.SearchIndexes;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@code risk-points} and {@code exemptions} indexes: rebuildable projections of the database.
 * The searchable text is in {@code all} (standard analyzer: CJK single characters) with a bigram sub-field, the
 * title likewise; agency, sector, level and kind are keywords for filtering. The query is the shared
 * {@link IdPage#wordRequest} search by words (character pairs), with the title as title.
 */
@Component
class ListIndex {

    private static final Logger log = LoggerFactory.getLogger(ListIndex.class);

    private final ObjectProvider<SearchIndexes> indexes;
    private final ObjectProvider<ElasticsearchClient> client;

    ListIndex(ObjectProvider<SearchIndexes> indexes, ObjectProvider<ElasticsearchClient> client) {
        this.indexes = indexes;
        this.client = client;
    }

    static boolean indexed(ListKind kind) {
        return kind != ListKind.DISCRETION;
    }

    boolean isOutOfStep(ListKind kind, long databaseCount) {
        SearchIndexes search = indexes.getIfAvailable();
        if (search == null || !indexed(kind)) {
            return false;
        }
        try {
            // a new mapping file (such as new analysis) needs the index built again as well
            return search.count(kind.folder()) != databaseCount || search.mappingChanged(kind.folder());
        } catch (RuntimeException e) {
            log.warn("Cannot count the {} index ({}); it will be rebuilt", kind.folder(), e.getMessage());
            return true;
        }
    }

    void rebuild(ListKind kind, List<ListEntryEntity> entries) {
        SearchIndexes search = indexes.getIfAvailable();
        if (search == null || !indexed(kind)) {
            return;
        }
        List<IndexDocument> docs = entries.stream().map(ListIndex::document).toList();
        search.rebuild(kind.folder(), docs, n -> {});
        log.info("Rebuilt the {} index with {} entries", kind.folder(), docs.size());
    }

    static IndexDocument document(ListEntryEntity e) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", e.getId());
        source.put("agency", e.getAgency());
        source.put("sector", e.getSector());
        if (ListKind.RISK_POINTS.folder().equals(e.getListKind())) {
            source.put("level", e.getLevel());
        } else {
            source.put("kind", e.getKind());
            source.put("subkind", ListJson.read(e.getPayload(), ExemptionItem.class).subkind());
        }
        // folded as the queries are (ChineseScript.fold): a zh-TW reader's 瞭解 finds the 了解 of the text
        source.put("title", ChineseScript.fold(e.getTitle()));
        source.put("all", ChineseScript.fold(searchableText(e)));
        source.put("sample", e.isSample());
        source.put("updated_at", e.getUpdatedAt().toString());
        return new IndexDocument(e.getId(), source);
    }

    /** Everything a reader may search for, in one text (also used by the database fallback). */
    static String searchableText(ListEntryEntity e) {
        Object parsed = ListKind.RISK_POINTS.folder().equals(e.getListKind()) ? ListJson.read(e.getPayload(), RiskPoint.class)
                : ListKind.EXEMPTIONS.folder().equals(e.getListKind()) ? ListJson.read(e.getPayload(), ExemptionItem.class)
                : null;
        return searchableText(e.getListKind(), e.getTitle(), parsed);
    }

    /** {@link #searchableText(ListEntryEntity)} of an entry already parsed (a title is all of a discretion benchmark). */
    static String searchableText(String listKind, String title, Object parsed) {
        List<String> parts = new ArrayList<>();
        if (ListKind.RISK_POINTS.folder().equals(listKind)) {
            RiskPoint r = (RiskPoint) parsed;
            parts.addAll(List.of(r.title(), r.sector(), r.appliesTo(), r.risk(), r.consequence()));
            parts.addAll(r.prevention());
            r.basisObligation().forEach(c -> parts.add(c.display()));
            r.basisPenalty().forEach(c -> parts.add(c.display()));
        } else if (ListKind.EXEMPTIONS.folder().equals(listKind)) {
            ExemptionItem x = (ExemptionItem) parsed;
            parts.add(x.violation());
            parts.add(x.kind());
            if (x.subkind() != null) parts.add(x.subkind());
            if (x.sector() != null) parts.add(x.sector());
            if (x.scope() != null) parts.add(x.scope());
            parts.addAll(x.measure());
            x.basisViolation().forEach(c -> parts.add(c.display()));
            x.basisPenalty().forEach(c -> parts.add(c.display()));
            x.basisExemption().forEach(c -> parts.add(c.display()));
        } else {
            parts.add(title);
        }
        return String.join("\n", parts);
    }

    /**
     * Keyword filters: field → value (null values are ignored). An entry matches enough of the words of the text
     * ({@link IdPage#wordRequest}), or of the text said in legal terms
     * ({@code alternatives}, see {@link cn.gov.enforcement.portal.regulation.LayTerms#alternatives}).
     */
    Optional<IdPage> search(ListKind kind, String text, List<String> alternatives, Map<String, String> filters,
            List<String> excludedIds, int from, int size) {
        ElasticsearchClient es = client.getIfAvailable();
        if (es == null || indexes.getIfAvailable() == null || !indexed(kind)) {
            return Optional.empty();
        }
        try {
            return Optional.of(IdPage.searchWords(es, kind.folder(), text, alternatives, "title", b -> {
                if (!excludedIds.isEmpty()) {
                    b.mustNot(m -> m.ids(i -> i.values(excludedIds)));
                }
                filters.forEach((field, value) -> {
                    if (value != null) {
                        b.filter(f -> f.term(t -> t.field(field).value(value)));
                    }
                });
            }, from, size));
        } catch (Exception e) {
            log.warn("{} search failed ({}); answering from the database", kind.folder(), e.getMessage());
            return Optional.empty();
        }
    }
}
