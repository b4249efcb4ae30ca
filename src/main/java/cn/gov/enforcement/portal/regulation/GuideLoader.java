package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.knowledge.KnowledgeLoader;
import cn.gov.enforcement.portal.knowledge.LoadReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Loads the portal's plain-language guides from {@code knowledge-base/regulations/*.md} (at start and on content
 * reload) into the regulation store as documents of level {@link LegalLevel#GUIDE}, so that they are searched
 * beside the regulations. A changed guide replaces its stored version; a removed file removes its guide; a file
 * with problems is skipped and its last valid version stays.
 */
@Component
class GuideLoader implements KnowledgeLoader {

    static final String FOLDER = "regulations";

    private final ImportService importService;

    GuideLoader(ImportService importService) {
        this.importService = importService;
    }

    @Override
    public String folder() {
        return FOLDER;
    }

    @Override
    public LoadReport load(KnowledgeBase knowledgeBase) {
        List<KnowledgeFile> files = knowledgeBase.files(FOLDER, ".md").stream()
                .filter(f -> !f.fileName().equalsIgnoreCase("README.md")).toList();
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, LegalDocument> valid = new LinkedHashMap<>();
        Set<String> present = new LinkedHashSet<>();
        int skipped = 0;
        for (KnowledgeFile file : files) {
            present.add(file.label());
            List<ContentProblem> fileProblems = new ArrayList<>();
            GuideParser.parse(file.label(), file.content(), fileProblems).ifPresent(d -> valid.put(file.label(), d));
            if (!fileProblems.isEmpty()) {
                skipped++;
                problems.addAll(fileProblems);
            }
        }
        int changed = importService.syncGuides(valid, present);
        return new LoadReport(FOLDER, files.size(), skipped, changed, problems);
    }
}
