package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;
import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.lists.ListEntryForms.ExemptionInput;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.testsupport.RowLocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A knowledge-base reload at the very moment an entry only in a file is first saved or withdrawn in the back office:
 * the test holds one writer's transaction open, with its row locks, until the other writer, in another thread, waits
 * for them, so that each order happens for certain. The file is never applied over an entry the back office took over,
 * and version 1 (the file content) is what the public list held when it was taken over.
 */
class ListsReloadRaceIT extends ListsTestSupport {

    private static final String OLD_QUESTION = "是否当日清理？";
    private static final String NEW_QUESTION = "是否在当天清理完毕？";

    @Autowired ListsBackOffice backOffice;
    @Autowired ListsCatalog catalog;
    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired KnowledgeBase knowledgeBase;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    private String id;
    /** The content the form was opened on. */
    private String openedHash;

    @AfterEach
    void removeEntry() throws Exception {
        SecurityContextHolder.clearContext();
        if (id != null) {
            Files.deleteIfExists(file(id));
            jdbc.update("delete from lists_entry_version where entry_id = ?", id);
            jdbc.update("delete from lists_audit where entry_id = ?", id);
            knowledgeBase.loadAll(); // an entry only in a file leaves with its file
            assertThat(catalog.findExemption(id)).isEmpty();
        }
    }

    private static Path file(String id) {
        return KNOWLEDGE_DIR.resolve("exemptions/zz_" + id + ".yaml");
    }

    private static void writeFile(String id, String question) throws Exception {
        Files.writeString(file(id), exemptionFile(id, question), StandardCharsets.UTF_8);
    }

    /** An entry only in its file, opened by an editor of its agency, and then its file changed; the edited input. */
    private ExemptionInput openedThenFileChanged(String entry) throws Exception {
        id = entry;
        writeFile(id, OLD_QUESTION);
        knowledgeBase.loadAll();
        signInStaff(accounts, users, "bo-editor-um-1", "sample-urban-management");
        ListsBackOffice.EntryView opened = backOffice.entry(id);
        assertThat(opened.version()).isZero();
        openedHash = opened.contentHash();
        ExemptionInput in = ExemptionInput.of((ExemptionItem) opened.entry());
        writeFile(id, NEW_QUESTION);
        return new ExemptionInput(in.id(), in.agency(), in.kind(), in.subkind(), in.sector(),
                "后台样例：首次占道堆放少量杂物", in.scope(), in.basisViolation(), in.basisPenalty(), in.basisExemption(),
                in.conditions(), in.measure(), in.effectiveFrom(), in.effectiveTo(), in.sample());
    }

    @Test
    void a_reload_during_the_first_save_waits_for_it_and_reports_the_changed_file_instead_of_applying_it() throws Exception {
        ExemptionInput edited = openedThenFileChanged("um-ex-race-save-first");

        // the save has locked the entry's row and written versions 1 and 2, not yet committed, when the reload starts
        RowLocks.secondWaitsForFirst(transactionManager, jdbc,
                () -> assertThat(backOffice.saveExemption(id, 0, openedHash, edited)).isEqualTo(2), knowledgeBase::loadAll);

        assertThat(catalog.findExemption(id).orElseThrow().conditions().get(1).question())
                .as("the public list keeps what version 1 holds").isEqualTo(OLD_QUESTION);
        assertThat(publicPayload()).isEqualTo(payloadOfVersion(1));
        assertThat(backOffice.versions(id)).extracting(ListsBackOffice.VersionSummary::version,
                ListsBackOffice.VersionSummary::status).containsExactly(Tuple.tuple(1, EntryStatus.PUBLISHED),
                        Tuple.tuple(2, EntryStatus.DRAFT));
        assertThat(knowledgeBase.problems()).extracting(ContentProblem::file, ContentProblem::key)
                .contains(Tuple.tuple("knowledge-base/exemptions/zz_" + id + ".yaml", "lists.problem.backOfficeOwned"));
    }

    @Test
    void a_reload_during_the_first_withdrawal_waits_for_it_and_does_not_bring_the_entry_back() throws Exception {
        openedThenFileChanged("um-ex-race-withdraw-first");

        RowLocks.secondWaitsForFirst(transactionManager, jdbc, () -> backOffice.withdraw(id, 0, EntryStatus.PUBLISHED),
                knowledgeBase::loadAll);

        assertThat(catalog.findExemption(id)).as("withdrawn, not put back by the file").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from lists_entry where id = ?", Integer.class, id)).isZero();
        assertThat(backOffice.versions(id)).extracting(ListsBackOffice.VersionSummary::status)
                .containsExactly(EntryStatus.WITHDRAWN);
        assertThat(knowledgeBase.problems()).extracting(ContentProblem::file, ContentProblem::key)
                .contains(Tuple.tuple("knowledge-base/exemptions/zz_" + id + ".yaml", "lists.problem.backOfficeOwned"));
        assertThat(knowledgeBase.problems()).extracting(ContentProblem::key)
                .doesNotContain("knowledge.problem.loadingFailed");
    }

    @Test
    void a_first_save_during_a_reload_waits_for_it_and_is_refused_since_the_file_changed_under_the_form() throws Exception {
        ExemptionInput edited = openedThenFileChanged("um-ex-race-reload-first");

        // the reload has locked the list's rows and written the changed file, not yet committed, when the save starts
        assertThatThrownBy(() -> RowLocks.secondWaitsForFirst(transactionManager, jdbc, knowledgeBase::loadAll,
                () -> backOffice.saveExemption(id, 0, openedHash, edited)))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.messageKey()).isEqualTo(ListsBackOffice.CONFLICT_FILE);
                            assertThat(p.args()[0]).isEqualTo(ListsBackOffice.KNOWLEDGE_BASE_USER);
                        }));

        // nothing of the form was stored: the public list holds the reloaded file, the entry still has no version
        assertThat(publicPayload()).contains(NEW_QUESTION);
        assertThat(backOffice.versions(id)).isEmpty();
        assertThat(knowledgeBase.problems()).extracting(ContentProblem::file, ContentProblem::key).doesNotContain(
                Tuple.tuple("knowledge-base/exemptions/zz_" + id + ".yaml", "lists.problem.backOfficeOwned"));

        // the form opened again shows the file's content and saves
        signInStaff(accounts, users, "bo-editor-um-1", "sample-urban-management");
        ListsBackOffice.EntryView reopened = backOffice.entry(id);
        assertThat(((ExemptionItem) reopened.entry()).conditions().get(1).question()).isEqualTo(NEW_QUESTION);
        assertThat(backOffice.saveExemption(id, 0, reopened.contentHash(), edited)).isEqualTo(2);
        assertThat(payloadOfVersion(1)).as("version 1 is the reloaded file").contains(NEW_QUESTION);
    }

    private String publicPayload() {
        return jdbc.queryForObject("select payload from lists_entry where id = ?", String.class, id);
    }

    private String payloadOfVersion(int version) {
        return jdbc.queryForObject("select payload from lists_entry_version where entry_id = ? and version_no = ?",
                String.class, id, version);
    }
}
