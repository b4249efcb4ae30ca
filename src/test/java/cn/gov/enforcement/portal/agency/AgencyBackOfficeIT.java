package cn.gov.enforcement.portal.agency;

import static cn.gov.enforcement.portal.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.AgencyInput;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.EditableAgency;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.OfficerInput;
import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import com.vaadin.flow.component.UI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The agency back office's service on the whole application: scope, validation, versions, audit, files, publication. */
class AgencyBackOfficeIT extends AgencyBackOfficeTestSupport {

    @Autowired AgencyBackOffice backOffice;

    /** The agency's form input with one officer's status or a field changed. */
    private static AgencyInput withOfficer(AgencyInput in, String certificate, String status) {
        List<OfficerInput> officers = new ArrayList<>();
        for (OfficerInput o : in.officers()) {
            officers.add(o.certificate().equals(certificate) ? new OfficerInput(o.name(), o.certificate(), status) : o);
        }
        return new AgencyInput(in.nameEn(), in.legalRepresentative(), in.address(), in.addressEn(),
                in.supervisionPhone(), in.supervisionEmail(), in.mediationEmail(), in.officeHours(), in.officeHoursEn(),
                in.powers(), in.legalBasis(), officers);
    }

    private static AgencyInput withOfficeHours(AgencyInput in, String hours) {
        return new AgencyInput(in.nameEn(), in.legalRepresentative(), in.address(), in.addressEn(),
                in.supervisionPhone(), in.supervisionEmail(), in.mediationEmail(), hours, in.officeHoursEn(), in.powers(),
                in.legalBasis(), in.officers());
    }

    private static AgencyInput withOfficers(AgencyInput in, List<OfficerInput> officers) {
        return new AgencyInput(in.nameEn(), in.legalRepresentative(), in.address(), in.addressEn(),
                in.supervisionPhone(), in.supervisionEmail(), in.mediationEmail(), in.officeHours(), in.officeHoursEn(),
                in.powers(), in.legalBasis(), officers);
    }

    @Test
    void an_editor_of_one_agency_gets_the_same_not_found_for_another_agency_whatever_the_id_and_officers_may_not_edit() {
        editorOfAlpha();
        EditableAgency alpha = backOffice.edit(ALPHA);
        assertThat(alpha.name()).isEqualTo("测试市后台编辑局");
        for (String id : new String[] {BETA, "sample-traffic-police", "no-such-agency", "../" + ALPHA, "x".repeat(200), null}) {
            assertThatThrownBy(() -> backOffice.edit(id)).as(id).isInstanceOf(AgencyNotFoundException.class);
            assertThatThrownBy(() -> backOffice.save(id, 0, alpha.contentHash(), alpha.input())).as(id).isInstanceOf(AgencyNotFoundException.class);
            assertThatThrownBy(() -> backOffice.versions(id)).as(id).isInstanceOf(AgencyNotFoundException.class);
            assertThatThrownBy(() -> backOffice.audit(id)).as(id).isInstanceOf(AgencyNotFoundException.class);
            assertThatThrownBy(() -> backOffice.export(id)).as(id).isInstanceOf(AgencyNotFoundException.class);
        }
        assertThat(backOffice.ownAgency()).contains(ALPHA);

        signIn("agency-bo-officer-alpha", Role.OFFICER, ALPHA);
        assertThatThrownBy(() -> backOffice.edit(ALPHA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> backOffice.save(ALPHA, alpha.version(), alpha.contentHash(), alpha.input()))
                .isInstanceOf(AccessDeniedException.class);

        admin();
        assertThat(backOffice.edit(BETA).name()).isEqualTo("测试市后台示例局");
        assertThat(backOffice.edit("sample-traffic-police").sample()).isTrue();
    }

    @Test
    void every_field_is_checked_with_the_files_rules_and_nothing_is_stored_on_a_refusal() {
        editorOfAlpha();
        EditableAgency before = backOffice.edit(ALPHA);
        int versions = backOffice.versions(ALPHA).size();
        AgencyInput in = before.input();
        List<OfficerInput> officers = new ArrayList<>(in.officers());
        officers.add(new OfficerInput("新同事", "bad!", "valid"));                    // not a certificate number
        officers.add(new OfficerInput("又一位", in.officers().get(0).certificate(), "valid")); // twice in the roster
        officers.add(new OfficerInput("借证人", "TB-990100-2026-0001", "valid"));     // another agency's number
        officers.add(new OfficerInput("", "TA-990100-2026-0099", "suspended"));      // no name, unknown status
        AgencyInput bad = new AgencyInput("", "", in.address(), in.addressEn(), "phone?", "not-an-address", "also bad",
                in.officeHours(), in.officeHoursEn(), List.of(new AgencyBackOffice.PowerInput("检查", "fine")), "没有书名号\n\n《某法》第一条",
                officers);
        ValidationFailure failure = catchThrowableOfType(ValidationFailure.class, () -> backOffice.save(ALPHA, before.version(), before.contentHash(), bad));
        assertThat(failure.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).contains(
                Tuple.tuple("legal_representative", "knowledge.problem.empty"),
                Tuple.tuple("supervision_phone", "knowledge.problem.notPhone"),
                Tuple.tuple("supervision_email", "knowledge.problem.notEmail"),
                Tuple.tuple("mediation_email", "knowledge.problem.notEmail"),
                Tuple.tuple("powers[0].kind", "knowledge.problem.notOneOf"),
                Tuple.tuple("legal_basis", "agency.problem.legalBasis"),
                Tuple.tuple("officers[4].certificate", "agency.problem.certificateFormat"),
                Tuple.tuple("officers[5].certificate", "agency.problem.certificateTwice"),
                // every problem at once: the number another agency holds too, not only once the rest is mended
                Tuple.tuple("officers[6].certificate", AgencyBackOffice.CERTIFICATE_TAKEN),
                Tuple.tuple("officers[7].name", "knowledge.problem.empty"),
                Tuple.tuple("officers[7].status", "knowledge.problem.notOneOf"));
        // the other agency's number alone, typed in another form: refused without naming the agency
        List<OfficerInput> borrowed = new ArrayList<>(in.officers());
        borrowed.add(new OfficerInput("借证人", "tb 990100 2026 0001", "valid"));
        ValidationFailure taken = catchThrowableOfType(ValidationFailure.class,
                () -> backOffice.save(ALPHA, before.version(), before.contentHash(), withOfficers(in, borrowed)));
        assertThat(taken.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(Tuple.tuple("officers[4].certificate", AgencyBackOffice.CERTIFICATE_TAKEN));
        assertThat(taken.problems().get(0).args()).isEmpty();
        assertThat(UI.getCurrent().getTranslation(AgencyBackOffice.CERTIFICATE_TAKEN))
                .doesNotContain(BETA).doesNotContain("示例局").contains("其他执法主体");
        // too many officers: the files' limit
        List<OfficerInput> crowd = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            crowd.add(new OfficerInput("人员" + i, String.format("TA-990100-2027-%04d", i), "valid"));
        }
        assertThat(catchThrowableOfType(ValidationFailure.class,
                () -> backOffice.save(ALPHA, before.version(), before.contentHash(), withOfficers(in, crowd))).problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(Tuple.tuple("officers", "knowledge.problem.tooMany"));
        assertThat(catchThrowableOfType(ValidationFailure.class,
                () -> backOffice.save(ALPHA, before.version(), before.contentHash(), withOfficers(in, List.of()))).problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(Tuple.tuple("officers", "knowledge.problem.tooFew"));

        // control, format and separator characters reach no public page: one message a field, the characters first
        List<OfficerInput> hidden = new ArrayList<>(in.officers());
        hidden.set(0, new OfficerInput("张晓\n丰\u0000", hidden.get(0).certificate(), hidden.get(0).status()));
        AgencyInput characters = new AgencyInput("Sample City\nAdministration", in.legalRepresentative() + "\u0007",
                in.address(), "No. 1 Test Road\nTest City", in.supervisionPhone(), in.supervisionEmail(),
                in.mediationEmail(), "工作日\u202e 9:00-12:00", "Working days\u2029 9:00-12:00", List.of(new AgencyBackOffice.PowerInput("检查\u2028抽样", "inspection")),
                in.legalBasis() + "\n《中华人民共和国行政处罚法》第十八条\u200f", hidden);
        List<FieldProblem> refused = catchThrowableOfType(ValidationFailure.class,
                () -> backOffice.save(ALPHA, before.version(), before.contentHash(), characters)).problems();
        assertThat(refused).extracting(FieldProblem::field).doesNotHaveDuplicates();
        assertThat(refused).extracting(FieldProblem::field, FieldProblem::messageKey).contains(
                Tuple.tuple("name_en", "platform.error.singleLine"),
                Tuple.tuple("legal_representative", "platform.error.singleLine"),
                Tuple.tuple("office_hours", "platform.error.singleLine"),
                Tuple.tuple("address_en", "platform.error.singleLine"),
                Tuple.tuple("office_hours_en", "platform.error.singleLine"),
                Tuple.tuple("powers[0].name", "platform.error.singleLine"),
                Tuple.tuple("officers[0].name", "platform.error.singleLine"));
        assertThat(refused).extracting(FieldProblem::field).anyMatch(f -> f.startsWith("legal_basis["));

        assertThat(backOffice.versions(ALPHA)).hasSize(versions);
        assertThat(backOffice.edit(ALPHA)).isEqualTo(before);
    }

    @Test
    void a_revoked_certificate_is_revoked_at_once_in_the_certificate_check_the_agency_page_and_the_search() throws Exception {
        editorOfAlpha();
        assertThat(directory.checkCertificate("TA-990100-2026-0002", "bo-it").outcome())
                .isEqualTo(CertificateAnswer.Outcome.VALID);
        EditableAgency before = backOffice.edit(ALPHA);
        AgencyInput in = withOfficeHours(withOfficer(before.input(), "TA-990100-2026-0002", "revoked"),
                "工作日 8:00-18:00，后台编辑测试延时");
        AgencyInput revoked = new AgencyInput(in.nameEn(), in.legalRepresentative(), "测试市北区迁址巷9号",
                "No. 9 Qianzhi Lane, North District, Test City", in.supervisionPhone(), in.supervisionEmail(),
                in.mediationEmail(), in.officeHours(), "Working days 8:00-18:00", in.powers(),
                in.legalBasis(), in.officers());
        AgencyBackOffice.Saved saved = backOffice.save(ALPHA, before.version(), before.contentHash(), revoked);
        assertThat(saved.stored()).isTrue();

        assertThat(directory.checkCertificate("TA-990100-2026-0002", "bo-it").outcome())
                .isEqualTo(CertificateAnswer.Outcome.REVOKED);
        AgencyDetails page = directory.find(ALPHA).orElseThrow();
        assertThat(page.officers()).filteredOn(o -> o.certificate().equals("TA-990100-2026-0002"))
                .extracting(Officer::status).containsExactly(OfficerStatus.REVOKED);
        assertThat(page.summary().officeHours()).isEqualTo("工作日 8:00-18:00，后台编辑测试延时");
        assertThat(page.summary().displayOfficeHours(java.util.Locale.ENGLISH)).isEqualTo("Working days 8:00-18:00");
        assertThat(page.summary().displayAddress(java.util.Locale.ENGLISH))
                .isEqualTo("No. 9 Qianzhi Lane, North District, Test City");
        assertThat(backOffice.edit(ALPHA).input().officeHoursEn()).isEqualTo("Working days 8:00-18:00");
        assertThat(page.summary().sample()).isFalse();
        // the index (name, powers, legal basis, address) follows after the commit
        eventually(() -> directory.search("迁址巷", null, 0, 10).items().stream()
                .anyMatch(a -> a.id().equals(ALPHA)), "the agency index has the new address");

        List<AgencyBackOffice.VersionSummary> versions = backOffice.versions(ALPHA);
        assertThat(versions.get(versions.size() - 1).version()).isEqualTo(saved.version());
        assertThat(versions.get(versions.size() - 1).createdBy()).isEqualTo("agency-bo-editor-alpha");
        assertThat(versions.get(0).fromFile()).isTrue();
        assertThat(versions.get(0).createdBy()).isEqualTo(AgencyBackOffice.KNOWLEDGE_BASE_USER);
        AgencyBackOffice.AuditRecord audit = backOffice.audit(ALPHA).get(0);
        assertThat(audit.actor()).isEqualTo("agency-bo-editor-alpha");
        assertThat(audit.version()).isEqualTo(saved.version());
        assertThat(audit.changes()).contains(new AgencyBackOffice.Change("revoked", "TA-990100-2026-0002"),
                new AgencyBackOffice.Change("changed", "office_hours"), new AgencyBackOffice.Change("changed", "address"),
                new AgencyBackOffice.Change("changed", "office_hours_en"),
                new AgencyBackOffice.Change("changed", "address_en"));

        // saving the same again stores nothing
        EditableAgency now = backOffice.edit(ALPHA);
        assertThat(backOffice.save(ALPHA, now.version(), now.contentHash(), now.input())).isEqualTo(new AgencyBackOffice.Saved(now.version(), false));
        assertThat(backOffice.versions(ALPHA)).hasSize(versions.size());

        // an administrator sees the agency's audit as its editors do
        admin();
        assertThat(backOffice.audit(ALPHA).get(0)).isEqualTo(audit);
    }

    @Test
    void a_save_over_a_colleagues_newer_save_stores_nothing_and_names_who_and_when() {
        editorOfAlpha();
        EditableAgency opened = backOffice.edit(ALPHA);
        admin();
        AgencyBackOffice.Saved colleague = backOffice.save(ALPHA, opened.version(), opened.contentHash(),
                withOfficeHours(opened.input(), "同事先保存的办公时间 " + System.nanoTime()));
        editorOfAlpha();
        ValidationFailure conflict = catchThrowableOfType(ValidationFailure.class, () -> backOffice.save(ALPHA,
                opened.version(), opened.contentHash(), withOfficer(opened.input(), "TA-990100-2026-0003", "revoked")));
        assertThat(conflict.problems()).hasSize(1);
        FieldProblem problem = conflict.problems().get(0);
        assertThat(problem.field()).isEqualTo(AgencyBackOffice.CONFLICT_FIELD);
        assertThat(problem.messageKey()).isEqualTo(AgencyBackOffice.CONFLICT);
        assertThat(problem.args()[0]).isEqualTo("agency-bo-admin");
        assertThat((String) problem.args()[1]).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(backOffice.edit(ALPHA).version()).isEqualTo(colleague.version());
        assertThat(directory.checkCertificate("TA-990100-2026-0003", "bo-it").outcome())
                .isEqualTo(CertificateAnswer.Outcome.VALID);
    }

    @Test
    void a_file_reloaded_while_the_form_was_open_is_a_conflict_not_undone_by_the_save() throws Exception {
        // an agency only in its file (version 0): the version number alone would not tell the reload
        java.nio.file.Path delta = AGENCIES.resolve("test-bo-delta.yaml");
        Files.writeString(delta, BETA_FILE.replace(BETA, "test-bo-delta").replace("TB-", "TD-"), StandardCharsets.UTF_8);
        try {
            knowledgeBase.loadAll();
            admin();
            EditableAgency opened = backOffice.edit("test-bo-delta");
            assertThat(opened.version()).isZero();
            Files.writeString(delta, BETA_FILE.replace(BETA, "test-bo-delta").replace("TB-", "TD-")
                    .replace("测试市西区示例路2号", "测试市文化路1号新大楼"), StandardCharsets.UTF_8);
            knowledgeBase.loadAll();

            ValidationFailure conflict = catchThrowableOfType(ValidationFailure.class, () -> backOffice.save("test-bo-delta",
                    opened.version(), opened.contentHash(), withOfficeHours(opened.input(), "只改了办公时间")));
            assertThat(conflict.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                    .containsExactly(Tuple.tuple(AgencyBackOffice.CONFLICT_FIELD, AgencyBackOffice.CONFLICT_FILE));
            assertThat(conflict.problems().get(0).args()[0]).isEqualTo("knowledge-base");
            assertThat(backOffice.versions("test-bo-delta")).isEmpty();
            assertThat(directory.find("test-bo-delta").orElseThrow().summary().address()).isEqualTo("测试市文化路1号新大楼");
        } finally {
            Files.delete(delta);
            knowledgeBase.loadAll(); // a file-only agency leaves with its file
        }
        assertThat(directory.find("test-bo-delta")).isEmpty();
    }

    @Test
    void once_edited_the_database_owns_the_agency_a_changed_file_is_a_conflict_and_the_export_is_none() throws Exception {
        editorOfAlpha();
        EditableAgency opened = backOffice.edit(ALPHA);
        backOffice.save(ALPHA, opened.version(), opened.contentHash(), withOfficeHours(opened.input(), "数据库所有 " + System.nanoTime()));
        String held = directory.find(ALPHA).orElseThrow().summary().officeHours();

        java.nio.file.Path file = AGENCIES.resolve(ALPHA + ".yaml");
        Files.writeString(file, ALPHA_FILE.replace("工作日 9:00-17:00", "文件里改的办公时间"), StandardCharsets.UTF_8);
        knowledgeBase.loadAll();
        assertThat(directory.find(ALPHA).orElseThrow().summary().officeHours()).isEqualTo(held);
        assertThat(knowledgeBase.problems()).extracting(ContentProblem::file, ContentProblem::key)
                .contains(Tuple.tuple("knowledge-base/agencies/" + ALPHA + ".yaml", "agency.problem.backOfficeOwned"));

        // the export brings the file up to date: read back as the same agency, and no conflict any more
        String exported = backOffice.export(ALPHA);
        AgencyFileParser.Result parsed = AgencyFileParser.parse(cn.gov.enforcement.portal.knowledge.KnowledgeFile.of(
                "knowledge-base/agencies/" + ALPHA + ".yaml", exported));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.record().orElseThrow().officeHours()).isEqualTo(held);
        Files.writeString(file, exported, StandardCharsets.UTF_8);
        knowledgeBase.loadAll();
        assertThat(knowledgeBase.problems()).extracting(ContentProblem::key).doesNotContain("agency.problem.backOfficeOwned");

        // another file naming a number the back office holds is skipped with a problem, the rest of the folder loads
        EditableAgency current = backOffice.edit(ALPHA);
        List<OfficerInput> officers = new ArrayList<>(current.input().officers());
        officers.add(new OfficerInput("后台新增", "TA-990100-2026-0077", "valid"));
        backOffice.save(ALPHA, current.version(), current.contentHash(), withOfficers(current.input(), officers));
        java.nio.file.Path gamma = AGENCIES.resolve("test-bo-gamma.yaml");
        Files.writeString(gamma, BETA_FILE.replace(BETA, "test-bo-gamma").replace("TB-990100-2026-0001", "TA-990100-2026-0077"),
                StandardCharsets.UTF_8);
        try {
            knowledgeBase.loadAll();
            assertThat(knowledgeBase.problems()).extracting(ContentProblem::file, ContentProblem::key).contains(
                    Tuple.tuple("knowledge-base/agencies/test-bo-gamma.yaml", "agency.problem.certificateBackOffice"));
            assertThat(directory.find("test-bo-gamma")).isEmpty();
            assertThat(directory.checkCertificate("TA-990100-2026-0077", "bo-it").agencyId()).isEqualTo(ALPHA);
        } finally {
            Files.delete(gamma);
        }
        exported = backOffice.export(ALPHA);
        Files.writeString(file, exported, StandardCharsets.UTF_8);

        // a removed file does not remove an agency the back office maintains
        Files.delete(file);
        try {
            knowledgeBase.loadAll();
            assertThat(directory.find(ALPHA)).isPresent();
        } finally {
            Files.writeString(file, exported, StandardCharsets.UTF_8);
            knowledgeBase.loadAll();
        }
    }

    @Test
    void an_edited_sample_agency_stays_sample() {
        admin();
        EditableAgency beta = backOffice.edit(BETA);
        assertThat(beta.sample()).isTrue();
        AgencyInput in = beta.input();
        AgencyInput changed = new AgencyInput("Test City Sample Bureau", in.legalRepresentative(), in.address(),
                in.addressEn(), in.supervisionPhone(), in.supervisionEmail(), "tiaojie@bo-beta.test.gov.cn",
                in.officeHours(), in.officeHoursEn(), in.powers(),
                in.legalBasis(), in.officers());
        backOffice.save(BETA, beta.version(), beta.contentHash(), changed);
        AgencyDetails page = directory.find(BETA).orElseThrow();
        assertThat(page.summary().sample()).isTrue();
        assertThat(page.name(Locale.ENGLISH)).isEqualTo("Test City Sample Bureau");
        assertThat(directory.all()).filteredOn(a -> a.id().equals(BETA)).extracting(AgencySummary::sample).containsExactly(true);
        assertThat(backOffice.edit(BETA).sample()).isTrue();
        assertThat(backOffice.export(BETA)).contains("\nsample: true\n").startsWith("# SAMPLE DATA");
    }
}
