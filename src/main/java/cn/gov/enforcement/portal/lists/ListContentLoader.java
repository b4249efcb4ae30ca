package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.knowledge.KnowledgeLoader;
import cn.gov.enforcement.portal.knowledge.LoadReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads one list folder: parse, validate, skip broken files, store the rest. Afterwards the public lists are read
 * again from the database ({@link PublishedLists#invalidate()}).
 */
class ListContentLoader implements KnowledgeLoader {

    private final ListKind kind;
    private final ListStore store;
    private final PublishedLists published;

    ListContentLoader(ListKind kind, ListStore store, PublishedLists published) {
        this.kind = kind;
        this.store = store;
        this.published = published;
    }

    @Override
    public String folder() {
        return kind.folder();
    }

    @Override
    public LoadReport load(KnowledgeBase knowledgeBase) {
        List<KnowledgeFile> files = knowledgeBase.files(kind.folder());
        List<ContentProblem> problems = new ArrayList<>();
        List<ListStore.Stored> entries = new ArrayList<>();
        Set<String> valid = new HashSet<>();
        Set<String> present = new HashSet<>();
        int skipped = 0;
        for (ListFileParser.Result result : ListFileParser.parseAll(kind, files)) {
            present.add(result.file().label());
            problems.addAll(result.problems());
            if (result.valid()) {
                valid.add(result.file().label());
                result.entries().forEach(e -> entries.add(new ListStore.Stored(e, result.file().label())));
            } else {
                skipped++;
            }
        }
        ListStore.SyncResult result = store.sync(kind, entries, valid, present);
        // committed: a reload shows what the database holds, also rows changed there by hand
        published.invalidate();
        problems.addAll(result.conflicts());
        return new LoadReport(kind.folder(), files.size(), skipped, result.changed(), problems);
    }
}
