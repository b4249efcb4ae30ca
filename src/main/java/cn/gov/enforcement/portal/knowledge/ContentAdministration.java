package cn.gov.enforcement.portal.knowledge;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;

/** What administrators may do with the knowledge base: see its problems and reload it. */
@Service
public class ContentAdministration {

    private final KnowledgeBase knowledgeBase;

    ContentAdministration(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @RolesAllowed("ADMIN")
    public List<ContentProblem> problems() {
        return knowledgeBase.problems();
    }

    @RolesAllowed("ADMIN")
    public List<LoadReport> lastReports() {
        return knowledgeBase.lastReports();
    }

    @RolesAllowed("ADMIN")
    public String location() {
        return knowledgeBase.location();
    }

    /** Reloads every folder now and returns the reports. */
    @RolesAllowed("ADMIN")
    public List<LoadReport> reload() {
        return knowledgeBase.loadAll();
    }
}
