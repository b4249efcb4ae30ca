package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.knowledge.KnowledgeLoader;
import cn.gov.enforcement.portal.knowledge.LoadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Loads {@code knowledge-base/agencies/*.yaml}: parse, validate, skip broken files, store the rest. */
@Component
class AgencyContentLoader implements KnowledgeLoader {

    static final String FOLDER = "agencies";

    private final AgencyStore store;

    AgencyContentLoader(AgencyStore store) {
        this.store = store;
    }

    @Override
    public String folder() {
        return FOLDER;
    }

    @Override
    public LoadReport load(KnowledgeBase knowledgeBase) {
        List<KnowledgeFile> files = knowledgeBase.files(FOLDER);
        List<AgencyFileParser.Result> results = AgencyFileParser.parseAll(files);
        List<ContentProblem> problems = new ArrayList<>();
        List<AgencyRecord> records = new ArrayList<>();
        int skipped = 0;
        for (AgencyFileParser.Result result : results) {
            problems.addAll(result.problems());
            if (result.record().isPresent()) {
                records.add(result.record().get());
            } else {
                skipped++;
            }
        }
        Set<String> present = files.stream().map(KnowledgeFile::label).collect(Collectors.toSet());
        int changed = store.sync(records, present);
        return new LoadReport(FOLDER, files.size(), skipped, changed, problems);
    }
}
