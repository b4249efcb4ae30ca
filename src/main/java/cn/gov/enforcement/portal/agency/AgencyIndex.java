package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.agency.data.AgencyEntity;
import cn.gov.enforcement.portal.agency.data.PowerValue;
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
 * The {@code agencies} index: a rebuildable projection of the agency tables. Documents carry the
 * searchable text in {@code all} (standard analyzer: CJK single characters; every character of
 * the query must occur, operator AND, because 75% let short queries such as 市场监管 match unrelated
 * agencies) with a bigram sub-field for scoring; the category is a keyword for filtering. The query is
 * the shared {@link IdPage} keyword search with the name as title. The name and {@code all} are folded as the
 * queries are ({@link ChineseScript#fold}), so that words typed as a zh-TW page shows them find the agency.
 */
@Component
class AgencyIndex {

    static final String ALIAS = "agencies";

    private static final Logger log = LoggerFactory.getLogger(AgencyIndex.class);

    private final ObjectProvider<SearchIndexes> indexes;
    private final ObjectProvider<ElasticsearchClient> client;

    AgencyIndex(ObjectProvider<SearchIndexes> indexes, ObjectProvider<ElasticsearchClient> client) {
        this.indexes = indexes;
        this.client = client;
    }

    /**
     * True when the index is missing, unreachable, holds a different number of documents or was built from another
     * mapping file (such as one that names a new text fold).
     */
    boolean isOutOfStep(long databaseCount) {
        SearchIndexes search = indexes.getIfAvailable();
        if (search == null) {
            return false;
        }
        try {
            return search.count(ALIAS) != databaseCount || search.mappingChanged(ALIAS);
        } catch (RuntimeException e) {
            log.warn("Cannot count the {} index ({}); it will be rebuilt", ALIAS, e.getMessage());
            return true;
        }
    }

    void rebuild(List<AgencyEntity> agencies) {
        SearchIndexes search = indexes.getIfAvailable();
        if (search == null) {
            log.warn("No search index service; the {} index is not built", ALIAS);
            return;
        }
        List<IndexDocument> docs = agencies.stream().map(AgencyIndex::document).toList();
        search.rebuild(ALIAS, docs, n -> {});
        log.info("Rebuilt the {} index with {} agencies", ALIAS, docs.size());
    }

    static IndexDocument document(AgencyEntity a) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", a.getId());
        // folded as the queries are (ChineseScript.fold): a zh-TW reader's 答覆 finds the 答复 of the text
        source.put("name", ChineseScript.fold(a.getName()));
        source.put("name_en", a.getNameEn());
        source.put("category", a.getCategory().code());
        source.put("region", a.getRegion());
        source.put("address", a.getAddress());
        source.put("address_en", a.getAddressEn());
        List<String> powers = a.getPowers().stream().map(PowerValue::getName).toList();
        source.put("powers", powers);
        source.put("legal_basis", List.copyOf(a.getLegalBasis()));
        source.put("all", ChineseScript.fold(searchableText(a)));
        source.put("sample", a.isSample());
        source.put("updated_at", a.getUpdatedAt().toString());
        return new IndexDocument(a.getId(), source);
    }

    /** Everything a reader may search for, in one text (also used by the database fallback). */
    static String searchableText(AgencyEntity a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.getName());
        parts.add(a.getNameEn());
        parts.add(a.getRegion());
        parts.add(a.getAddress());
        parts.add(a.getAddressEn());
        a.getPowers().stream().map(PowerValue::getName).forEach(parts::add);
        parts.addAll(a.getLegalBasis());
        return String.join("\n", parts);
    }

    /** One page of matching ids in score order and the total, or empty when the index cannot answer. */
    Optional<IdPage> search(String text, AgencyCategory category, int from, int size) {
        ElasticsearchClient es = client.getIfAvailable();
        if (es == null || indexes.getIfAvailable() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(IdPage.search(es, ALIAS, text, "name", b -> {
                if (category != null) {
                    b.filter(f -> f.term(t -> t.field("category").value(category.code())));
                }
            }, from, size));
        } catch (Exception e) {
            log.warn("Agency search failed ({}); answering from the database", e.getMessage());
            return Optional.empty();
        }
    }
}
