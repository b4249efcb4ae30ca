package cn.gov.enforcement.portal.regulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All versions of one document (same {@link LegalDocument#versionKey()}), newest first, with their status.
 *
 * <p>Rules: versions are ordered by version date (undated last). Walking from the newest, a version whose
 * in-force date (a {@link HistoryEvent.Kind#IN_FORCE} event) is after {@code today} is PENDING; the first
 * version in force is CURRENT, or REPEALED if its history records a repeal (废止); every older version is
 * SUPERSEDED.
 */
public record DocumentVersions(String key, List<LegalDocument> versions) {

    private static final Comparator<LegalDocument> NEWEST_FIRST = Comparator.comparing(LegalDocument::versionDate,
            Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())).reversed();

    public DocumentVersions {
        versions = List.copyOf(versions);
    }

    /** Groups documents by version key and sets every version's status; groups keep first-seen order. */
    public static List<DocumentVersions> group(Collection<LegalDocument> documents, LocalDate today) {
        Map<String, List<LegalDocument>> byKey = new LinkedHashMap<>();
        for (LegalDocument d : documents) {
            byKey.computeIfAbsent(d.versionKey(), k -> new ArrayList<>()).add(d);
        }
        List<DocumentVersions> result = new ArrayList<>(byKey.size());
        byKey.forEach((key, list) -> result.add(new DocumentVersions(key, decide(list, today))));
        return result;
    }

    private static List<LegalDocument> decide(List<LegalDocument> list, LocalDate today) {
        List<LegalDocument> sorted = new ArrayList<>(list);
        sorted.sort(NEWEST_FIRST);
        List<LegalDocument> out = new ArrayList<>(sorted.size());
        boolean currentFound = false;
        for (LegalDocument d : sorted) {
            DocumentStatus status;
            if (currentFound) {
                status = DocumentStatus.SUPERSEDED;
            } else if (inForceAfter(d, today)) {
                status = DocumentStatus.PENDING;
            } else {
                currentFound = true;
                boolean repealed = d.history().stream().anyMatch(e -> e.kind() == HistoryEvent.Kind.REPEALED
                        && !e.date().isAfter(today));
                status = repealed ? DocumentStatus.REPEALED : DocumentStatus.CURRENT;
            }
            out.add(d.withStatus(status));
        }
        return out;
    }

    private static boolean inForceAfter(LegalDocument d, LocalDate today) {
        return d.history().stream().filter(e -> e.kind() == HistoryEvent.Kind.IN_FORCE)
                .map(HistoryEvent::date).max(Comparator.naturalOrder())
                .map(date -> date.isAfter(today)).orElse(false);
    }

    /** The CURRENT version, if any. */
    public Optional<LegalDocument> current() {
        return versions.stream().filter(d -> d.status() == DocumentStatus.CURRENT).findFirst();
    }

    public LegalDocument newest() {
        return versions.get(0);
    }
}
