package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.knowledge.KnowledgeLoader;
import cn.gov.enforcement.portal.knowledge.LoadReport;
import cn.gov.enforcement.portal.agency.data.AgencyEntity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
        // an agency maintained in the back office keeps what the database holds; a changed file is a conflict
        records = new ArrayList<>(store.withoutBackOfficeAgencies(records, problems));
        skipped += skipCertificatesOfKeptAgencies(files, records, present, problems);
        int changed = store.sync(records, present, problems);
        return new LoadReport(FOLDER, files.size(), skipped, changed, problems);
    }

    /**
     * Skips (with a problem) each valid record that names a certificate number still held by an agency kept from a
     * file with problems: the database holds a number once, and storing it twice would fail the whole folder. A
     * skipped file's agency is kept as it was too, so the check repeats until no record is skipped.
     *
     * @return the number of records skipped
     */
    private int skipCertificatesOfKeptAgencies(List<KnowledgeFile> files, List<AgencyRecord> records, Set<String> present,
            List<ContentProblem> problems) {
        int skipped = 0;
        Set<String> owned = store.backOfficeAgencies();
        boolean again = true;
        while (again) {
            again = false;
            Set<String> validFiles = records.stream().map(AgencyRecord::sourceFile).collect(Collectors.toSet());
            Map<String, AgencyEntity> kept = store.keptCertificates(validFiles, present);
            for (Iterator<AgencyRecord> it = records.iterator(); it.hasNext(); ) {
                AgencyRecord record = it.next();
                for (int i = 0; i < record.officers().size(); i++) {
                    String certificate = record.officers().get(i).certificate();
                    AgencyEntity holder = kept.get(certificate);
                    if (holder != null && !holder.getId().equals(record.id())) {
                        KnowledgeFile file = files.stream().filter(f -> f.label().equals(record.sourceFile()))
                                .findFirst().orElseThrow();
                        // a number the back office holds stays there until an editor gives it up; a number of a
                        // broken file's agency stays until that file is mended
                        String key = owned.contains(holder.getId()) ? "agency.problem.certificateBackOffice"
                                : "agency.problem.certificateKept";
                        problems.add(new ContentProblem(file.label(), AgencyFileParser.certificateLine(file, certificate),
                                "officers[" + i + "].certificate", key, holder.getId(), holder.getSourceFile()));
                        it.remove();
                        skipped++;
                        again = true;
                        break;
                    }
                }
            }
        }
        return skipped;
    }
}
