package cn.gov.enforcement.portal.regulation;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often each document is cited by the other documents held: the number of {@code 《title》} mentions of its
 * title in the articles of every imported document (our own guides excepted, and a document's mentions of its own
 * title not counted). Laws that many other rules refer to (民法典, 民事诉讼法, 刑法, ...) are the ones that answer
 * most questions of the public; the count is a ranking prior computed from the corpus itself, the way links
 * rank web pages.
 */
final class Citations {

    private static final Pattern CITED = Pattern.compile("《([^《》\\n]{2,60})》");
    private static final String PRC = "中华人民共和国";

    private Citations() {}

    /**
     * The form titles are compared in: Simplified, without book-title marks, spaces and a leading (or quoted,
     * as in {@code 关于适用《中华人民共和国民法典》的解释}) {@code 中华人民共和国}.
     */
    static String key(String title) {
        if (title == null) {
            return "";
        }
        String t = ChineseScript.toSimplified(title).replaceAll("\\s+", "").replace("《" + PRC, "《");
        if (t.startsWith(PRC)) {
            t = t.substring(PRC.length());
        }
        return t.replace("《", "").replace("》", "");
    }

    /**
     * Citations per document id, counted over every article of {@code documents} in the store, read document by
     * document (our guides, which count for nothing, are not read).
     */
    static Map<Long, Integer> count(RegulationStore store, Map<Long, RegulationStore.StoredDocument> documents) {
        java.util.List<Long> citing = documents.values().stream().filter(d -> d.level() != LegalLevel.GUIDE)
                .map(RegulationStore.StoredDocument::id).sorted().toList();
        return count(documents, visitor -> store.forEachArticleBody(citing, visitor));
    }

    /**
     * Citations per document id, counted over the article bodies {@code bodies} hands to its visitor (document id,
     * body).
     */
    static Map<Long, Integer> count(Map<Long, RegulationStore.StoredDocument> documents,
            java.util.function.Consumer<java.util.function.BiConsumer<Long, String>> bodies) {
        Map<String, Integer> byTitle = new HashMap<>();
        bodies.accept((documentId, body) -> {
            RegulationStore.StoredDocument owner = documents.get(documentId);
            if (owner == null || owner.level() == LegalLevel.GUIDE || body == null) {
                return;
            }
            String own = key(owner.title());
            Matcher m = CITED.matcher(body);
            while (m.find()) {
                String cited = key(m.group(1));
                if (!cited.equals(own)) {
                    byTitle.merge(cited, 1, Integer::sum);
                }
            }
        });
        Map<Long, Integer> counts = new HashMap<>();
        documents.forEach((id, d) -> counts.put(id, byTitle.getOrDefault(key(d.title()), 0)));
        return counts;
    }

    /** The ranking multiplier of a document cited {@code count} times: {@code (1 + ln(1 + count))^weight}. */
    static double prior(int count, double weight) {
        return weight == 0 ? 1.0 : Math.pow(1 + Math.log1p(Math.max(0, count)), weight);
    }
}
