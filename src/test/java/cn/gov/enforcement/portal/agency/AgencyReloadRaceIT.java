package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.agency.AgencyBackOffice.AgencyInput;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.EditableAgency;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.OfficerInput;
import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import cn.gov.enforcement.portal.testsupport.RowLocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A knowledge-base reload at the very moment of an agency's first back-office save: the test holds one writer's
 * transaction open, with its row locks, until the other writer, in another thread, waits for them, so that each order
 * happens for certain. Whichever commits first, the other does not undo it.
 */
class AgencyReloadRaceIT extends AgencyBackOfficeTestSupport {

    private static final String OLD_ADDRESS = "测试市西区示例路2号";
    private static final String NEW_ADDRESS = "测试市文化路1号新大楼";
    private static final String CERTIFICATE = "TR-990100-2026-0001";

    @Autowired AgencyBackOffice backOffice;
    @Autowired PlatformTransactionManager transactionManager;

    private String id;

    @AfterEach
    void removeAgency() throws Exception {
        SecurityContextHolder.clearContext();
        if (id != null) {
            Files.deleteIfExists(file(id));
            for (String table : new String[] {"agency_version", "agency_audit"}) {
                jdbc.update("delete from " + table + " where agency_id = ?", id);
            }
            knowledgeBase.loadAll(); // a file-only agency leaves with its file
            assertThat(directory.find(id)).isEmpty();
        }
    }

    private static Path file(String id) {
        return AGENCIES.resolve(id + ".yaml");
    }

    private static void writeFile(String id, String address) throws Exception {
        Files.writeString(file(id), BETA_FILE.replace(BETA, id).replace("TB-990100-2026-0001", CERTIFICATE)
                .replace(OLD_ADDRESS, address), StandardCharsets.UTF_8);
    }

    private static AgencyInput revoked(AgencyInput in) {
        return new AgencyInput(in.nameEn(), in.legalRepresentative(), in.address(), in.addressEn(),
                in.supervisionPhone(), in.supervisionEmail(), in.mediationEmail(), in.officeHours(), in.officeHoursEn(),
                in.powers(), in.legalBasis(),
                in.officers().stream().map(o -> new OfficerInput(o.name(), o.certificate(), "revoked")).toList());
    }

    /** An agency only in its file, its form opened by an administrator, and then its file changed (a new address). */
    private EditableAgency openedThenFileChanged(String agency) throws Exception {
        id = agency;
        writeFile(id, OLD_ADDRESS);
        knowledgeBase.loadAll();
        admin();
        EditableAgency opened = backOffice.edit(id);
        assertThat(opened.version()).isZero();
        writeFile(id, NEW_ADDRESS);
        return opened;
    }

    @Test
    void a_reload_during_the_first_save_waits_for_it_leaves_the_save_as_it_is_and_reports_the_changed_file() throws Exception {
        EditableAgency opened = openedThenFileChanged("test-bo-race-save-first");

        // the save has locked the agency's row and written its versions, not yet committed, when the reload starts
        RowLocks.secondWaitsForFirst(transactionManager, jdbc,
                () -> backOffice.save(id, opened.version(), opened.contentHash(), revoked(opened.input())),
                knowledgeBase::loadAll);

        assertThat(directory.checkCertificate(CERTIFICATE, "bo-race-it").outcome())
                .as("the revocation is not undone by the file").isEqualTo(CertificateAnswer.Outcome.REVOKED);
        assertThat(directory.find(id).orElseThrow().summary().address()).isEqualTo(OLD_ADDRESS);
        assertThat(backOffice.versions(id)).extracting(AgencyBackOffice.VersionSummary::fromFile)
                .containsExactly(true, false);
        assertThat(backOffice.edit(id).input().officers()).extracting(OfficerInput::status).containsOnly("revoked");
        assertThat(knowledgeBase.problems()).extracting(ContentProblem::file, ContentProblem::key)
                .contains(Tuple.tuple("knowledge-base/agencies/" + id + ".yaml", "agency.problem.backOfficeOwned"));
    }

    @Test
    void a_first_save_during_a_reload_waits_for_it_and_is_a_conflict_not_undoing_the_file() throws Exception {
        EditableAgency opened = openedThenFileChanged("test-bo-race-reload-first");

        // the reload has locked the agency rows and written the changed file, not yet committed, when the save starts
        Object outcome = RowLocks.secondWaitsForFirst(transactionManager, jdbc, knowledgeBase::loadAll, () -> {
            try {
                return backOffice.save(id, opened.version(), opened.contentHash(), revoked(opened.input()));
            } catch (ValidationFailure refused) {
                return refused;
            }
        });

        assertThat(outcome).isInstanceOfSatisfying(ValidationFailure.class, refused -> {
            assertThat(refused.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                    .containsExactly(Tuple.tuple(AgencyBackOffice.CONFLICT_FIELD, AgencyBackOffice.CONFLICT_FILE));
            assertThat(refused.problems().get(0).args()[0]).isEqualTo(AgencyBackOffice.KNOWLEDGE_BASE_USER);
        });
        assertThat(backOffice.versions(id)).isEmpty();
        assertThat(directory.find(id).orElseThrow().summary().address()).isEqualTo(NEW_ADDRESS);
        assertThat(directory.checkCertificate(CERTIFICATE, "bo-race-it").outcome())
                .isEqualTo(CertificateAnswer.Outcome.VALID);
        assertThat(knowledgeBase.problems()).extracting(ContentProblem::file, ContentProblem::key).doesNotContain(
                Tuple.tuple("knowledge-base/agencies/" + id + ".yaml", "agency.problem.backOfficeOwned"));
    }

    @Test
    void a_save_that_waits_longer_than_the_database_does_is_refused_as_busy_and_writes_nothing() throws Exception {
        String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c ->
                c.getMetaData().getDatabaseProductName());
        org.junit.jupiter.api.Assumptions.assumeFalse(product.toLowerCase(java.util.Locale.ROOT).contains("postgres"),
                "PostgreSQL waits for a row lock without a limit");
        EditableAgency opened = openedThenFileChanged("test-bo-race-busy");
        var caller = SecurityContextHolder.getContext().getAuthentication();
        var other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            // a reload holds the agency's row for longer than H2 waits for a lock (its LOCK_TIMEOUT)
            Object outcome = new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(tx -> {
                jdbc.queryForList("select id from agency where id = ? for update", id);
                var save = other.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(caller);
                    try {
                        return (Object) backOffice.save(id, opened.version(), opened.contentHash(), revoked(opened.input()));
                    } catch (ValidationFailure refused) {
                        return refused;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                });
                try {
                    return save.get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(outcome).isInstanceOfSatisfying(ValidationFailure.class, refused ->
                    assertThat(refused.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                            .containsExactly(Tuple.tuple(AgencyBackOffice.CONFLICT_FIELD, AgencyBackOffice.BUSY)));
        } finally {
            other.shutdownNow();
        }
        assertThat(backOffice.versions(id)).isEmpty();
        assertThat(directory.checkCertificate(CERTIFICATE, "bo-race-it").outcome())
                .isEqualTo(CertificateAnswer.Outcome.VALID);
    }
}
