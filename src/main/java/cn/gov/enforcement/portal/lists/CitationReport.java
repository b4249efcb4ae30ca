package cn.gov.enforcement.portal.lists;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which entries cite articles the regulation library does not resolve to the current version of an imported document,
 * checked batch by batch: the citations of a whole batch are resolved together (a few queries for the batch, not one
 * per citation), and a batch the regulation library cannot answer for ends the check as unavailable instead of
 * reporting every citation as unresolved.
 *
 * @param checked entries checked
 * @param lines the entries with at least one unresolved citation, in the order checked
 */
public record CitationReport(int checked, List<Line> lines) {

    /** Entries checked together: their citations are resolved in one call. */
    static final int BATCH = 100;

    /**
     * An entry to check: its working copy (the newest version, or the file's content when the back office has none),
     * and the version on the public list when that is another one (a draft or a version in review over a published
     * version; null otherwise). {@code sourceFile} is the knowledge-base file of an entry the back office does not
     * edit (a discretion benchmark), null otherwise.
     */
    record Subject(String id, ListKind kind, String agency, String title, EntryStatus status, int version,
            String sourceFile, ListEntry workingCopy, ListEntry publicVersion) {}

    /**
     * One entry with citations that do not resolve: {@code unresolved} those of its working copy, {@code publicOnly}
     * those of the version on the public list that the working copy no longer cites (a draft that corrects them is not
     * published yet). {@code sourceFile}: the knowledge-base file to correct, for an entry the back office does not
     * edit (a discretion benchmark); null for the others, which link to their form.
     */
    public record Line(String id, ListKind kind, String agency, String title, EntryStatus status, int version,
            String sourceFile, List<ListsCatalog.UnresolvedCitation> unresolved,
            List<ListsCatalog.UnresolvedCitation> publicOnly) {

        /** The back office's form for the entry; null for a discretion benchmark, corrected in its file. */
        public String editUrl() {
            return kind == ListKind.DISCRETION ? null : "staff/lists/edit/" + kind.folder() + "/" + id;
        }
    }

    /**
     * Checks the subjects, {@link #BATCH} at a time; {@code resolver} resolves the citations of one batch (as
     * {@link ListsCatalog#unresolvedCitations}) and answers empty when the regulation library cannot be read, which
     * makes the whole report empty (unavailable).
     */
    static Optional<CitationReport> check(Iterable<List<Subject>> batches,
            Function<Collection<Citation>, Optional<List<ListsCatalog.UnresolvedCitation>>> resolver) {
        List<Line> lines = new ArrayList<>();
        int checked = 0;
        for (List<Subject> batch : batches) {
            Set<Citation> cited = new LinkedHashSet<>();
            for (Subject s : batch) {
                cited.addAll(citations(s.workingCopy()));
                cited.addAll(citations(s.publicVersion()));
            }
            checked += batch.size();
            if (cited.isEmpty()) {
                continue;
            }
            Optional<List<ListsCatalog.UnresolvedCitation>> resolved = resolver.apply(cited);
            if (resolved == null || resolved.isEmpty()) {
                return Optional.empty();
            }
            java.util.Map<Citation, ListsCatalog.UnresolvedCitation> byCitation = new java.util.HashMap<>();
            resolved.get().forEach(u -> byCitation.putIfAbsent(u.citation(), u));
            for (Subject s : batch) {
                List<Citation> own = citations(s.workingCopy());
                List<ListsCatalog.UnresolvedCitation> unresolved = own.stream().map(byCitation::get)
                        .filter(java.util.Objects::nonNull).toList();
                List<ListsCatalog.UnresolvedCitation> publicOnly = citations(s.publicVersion()).stream()
                        .filter(c -> !own.contains(c)).map(byCitation::get).filter(java.util.Objects::nonNull).toList();
                if (!unresolved.isEmpty() || !publicOnly.isEmpty()) {
                    lines.add(new Line(s.id(), s.kind(), s.agency(), s.title(), s.status(), s.version(),
                            s.kind() == ListKind.DISCRETION ? s.sourceFile() : null, unresolved, publicOnly));
                }
            }
        }
        return Optional.of(new CitationReport(checked, List.copyOf(lines)));
    }

    /** Every citation of an entry, each once, in the order of its fields; none for null. */
    static List<Citation> citations(ListEntry entry) {
        if (entry == null) {
            return List.of();
        }
        return CitationWarning.citationsByField(entry).values().stream().flatMap(List::stream).distinct().toList();
    }
}
