package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.knowledge.LoadReport;
import cn.gov.enforcement.portal.lists.ListEntryForms.ExemptionInput;
import cn.gov.enforcement.portal.lists.ListEntryForms.RiskPointInput;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.testsupport.ContentProblemTexts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;

/** The lists' back office: versions, the workflow and who may do which step, agency scope, files vs. database, export. */
class ListsBackOfficeIT extends ListsTestSupport {

    static final String UM = "sample-urban-management";
    static final String MR = "sample-market-regulation";

    @Autowired ListsBackOffice backOffice;
    @Autowired ListsCatalog catalog;
    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired KnowledgeBase knowledgeBase;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void as(String username, String agency) {
        signInStaff(accounts, users, username, agency);
    }

    static RiskPointInput risk(String id, String title, LocalDate from) {
        return new RiskPointInput(id, UM, "户外广告与店招", "沿街商户", title, "未办理手续擅自设置大型店招。", "中",
                "影响市容，存在坠落隐患。", "城市市容和环境卫生管理条例 第十一条", "城市市容和环境卫生管理条例 第三十六条",
                "责令限期改正，可以罚款。", "设置前咨询城管部门\n定期检查牢固程度", Set.of("提示", "建议"), from, null, true);
    }

    @Test
    void an_entry_goes_from_draft_through_review_to_published_and_withdrawn_with_versions_and_an_audit_log() {
        as("bo-editor-um-1", UM);
        String id = "um-rp-bo-workflow";
        assertThat(backOffice.saveRiskPoint(null, 0, null, risk(id, "后台样例：店招未经许可", LocalDate.of(2026, 1, 1)))).isEqualTo(1);
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(catalog.findRiskPoint(id)).as("a draft is not public").isEmpty();
        assertThatThrownBy(() -> backOffice.saveRiskPoint(null, 0, null, risk(id, "重复", LocalDate.of(2026, 1, 1))))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems().get(0).messageKey())
                        .isEqualTo("lists.admin.error.idTaken"));
        assertThatThrownBy(() -> backOffice.publish(id, 1, EntryStatus.DRAFT)).as("publishing needs a review first")
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems().get(0).messageKey())
                        .isEqualTo("lists.admin.error.transition"));

        submit(id);
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.IN_REVIEW);
        assertThatThrownBy(() -> publish(id)).as("the author does not publish their own submission")
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems().get(0).messageKey())
                        .isEqualTo("lists.admin.error.fourEyes"));

        as("bo-editor-um-2", UM);
        publish(id);
        assertThat(catalog.findRiskPoint(id)).map(RiskPoint::title).contains("后台样例：店招未经许可");

        // a new version stays a draft while the published one stays public
        assertThat(backOffice.saveRiskPoint(id, 1, null, risk(id, "后台样例：店招未经审批", LocalDate.of(2026, 1, 1)))).isEqualTo(2);
        assertThat(catalog.findRiskPoint(id)).map(RiskPoint::title).contains("后台样例：店招未经许可");
        assertThat(backOffice.diff(id, 1, 2, ListEntryForms.Spelling.CODES)).containsExactly(
                new ListsBackOffice.FieldChange("title", "后台样例：店招未经许可", "后台样例：店招未经审批"));
        submit(id);
        as("bo-editor-um-1", UM);
        returnToDraft(id);
        submit(id);
        as("bo-admin", null);
        publish(id);
        assertThat(catalog.findRiskPoint(id)).map(RiskPoint::title).contains("后台样例：店招未经审批");

        // a revision that starts later is not published while the version in force is public: the public list holds
        // one version per entry, and the one in force would leave it until then
        assertThat(backOffice.saveRiskPoint(id, 2, null, risk(id, "后台样例：店招未经审批（2027年版）", LocalDate.of(2027, 1, 1))))
                .isEqualTo(3);
        submit(id);
        as("bo-editor-um-2", UM);
        assertThatThrownBy(() -> publish(id)).isInstanceOf(ValidationFailure.class)
                .satisfies(e -> assertThat(((ValidationFailure) e).problems().get(0).messageKey())
                        .isEqualTo("lists.admin.error.futureRevision"));
        assertThat(catalog.findRiskPoint(id)).map(RiskPoint::title).contains("后台样例：店招未经审批");
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.IN_REVIEW);
        returnToDraft(id);
        assertThat(backOffice.saveRiskPoint(id, 3, null, risk(id, "后台样例：店招未经审批（修订）", LocalDate.of(2026, 1, 1))))
                .isEqualTo(4);
        submit(id);
        as("bo-admin", null);
        publish(id);
        assertThat(catalog.findRiskPoint(id)).map(RiskPoint::title).contains("后台样例：店招未经审批（修订）");

        withdraw(id);
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.WITHDRAWN);
        assertThat(backOffice.entry(id).publicNow()).isFalse();
        assertThatThrownBy(() -> submit(id)).isInstanceOf(ValidationFailure.class);

        assertThat(backOffice.versions(id)).extracting(ListsBackOffice.VersionSummary::version).containsExactly(1, 2, 3, 4);
        List<ListsBackOffice.AuditRecord> log = backOffice.audit(UM).stream().filter(a -> a.entryId().equals(id)).toList();
        assertThat(log).extracting(a -> a.action() + ":" + a.actor()).containsExactly("WITHDRAW:bo-admin",
                "PUBLISH:bo-admin", "SUBMIT:bo-editor-um-2", "SAVE:bo-editor-um-2", "RETURN:bo-editor-um-2",
                "SUBMIT:bo-admin", "SAVE:bo-admin", "PUBLISH:bo-admin", "SUBMIT:bo-editor-um-1",
                "RETURN:bo-editor-um-1", "SUBMIT:bo-editor-um-2", "SAVE:bo-editor-um-2", "PUBLISH:bo-editor-um-2",
                "SUBMIT:bo-editor-um-1", "CREATE:bo-editor-um-1");

        // a version that has already ended is not "in force": a revision that starts later is published over it
        String ended = "um-rp-bo-ended";
        RiskPointInput endedInput = risk(ended, "后台样例：已到期", LocalDate.of(2025, 1, 1));
        backOffice.saveRiskPoint(null, 0, null, new RiskPointInput(endedInput.id(), endedInput.agency(), endedInput.sector(),
                endedInput.appliesTo(), endedInput.title(), endedInput.risk(), endedInput.level(), endedInput.levelReason(),
                endedInput.basisObligation(), endedInput.basisPenalty(), endedInput.consequence(), endedInput.prevention(),
                endedInput.guidance(), endedInput.effectiveFrom(), LocalDate.of(2025, 12, 31), endedInput.sample()));
        submit(ended);
        as("bo-editor-um-1", UM);
        publish(ended);
        assertThat(catalog.findRiskPoint(ended)).as("ended").isEmpty();
        backOffice.saveRiskPoint(ended, 1, null, risk(ended, "后台样例：明年重新施行", LocalDate.of(2027, 1, 1)));
        submit(ended);
        as("bo-editor-um-2", UM);
        publish(ended);
        assertThat(backOffice.entry(ended).status()).isEqualTo(EntryStatus.PUBLISHED);
        as("bo-admin", null);

        // a new entry that starts later is published at once and stays off the public lists until then
        String later = "um-rp-bo-later";
        backOffice.saveRiskPoint(null, 0, null, risk(later, "后台样例：明年起施行", LocalDate.of(2027, 1, 1)));
        submit(later);
        as("bo-editor-um-2", UM);
        publish(later);
        assertThat(backOffice.entry(later).status()).isEqualTo(EntryStatus.PUBLISHED);
        assertThat(catalog.findRiskPoint(later)).as("not yet in force").isEmpty();
        assertThat(backOffice.entries(UM)).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.status()).isEqualTo(EntryStatus.WITHDRAWN);
            assertThat(e.version()).isEqualTo(4);
        });
    }

    @Test
    void of_two_saves_from_the_same_version_the_second_is_refused_naming_who_changed_it_and_nothing_is_written() {
        as("bo-editor-um-1", UM);
        String id = "um-rp-bo-conflict";
        backOffice.saveRiskPoint(null, 0, null, risk(id, "后台样例：并发一", LocalDate.of(2026, 1, 1)));
        int opened = backOffice.entry(id).version();

        as("bo-editor-um-2", UM);
        assertThat(backOffice.saveRiskPoint(id, opened, null, risk(id, "后台样例：编辑二的版本", LocalDate.of(2026, 1, 1))))
                .isEqualTo(2);
        int auditBefore = auditOf(id).size();

        as("bo-editor-um-1", UM);
        assertThatThrownBy(() -> backOffice.saveRiskPoint(id, opened, null, risk(id, "后台样例：编辑一的版本",
                LocalDate.of(2026, 1, 1)))).isInstanceOfSatisfying(ValidationFailure.class, f -> {
                    assertThat(f.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo(ListsBackOffice.CONFLICT_FIELD);
                        assertThat(p.messageKey()).isEqualTo(ListsBackOffice.CONFLICT);
                        assertThat(p.args()).containsExactly("bo-editor-um-2", "2026-11-21 10:00:00");
                    });
                });
        assertThat(backOffice.versions(id)).extracting(ListsBackOffice.VersionSummary::version).containsExactly(1, 2);
        assertThat(auditOf(id)).hasSize(auditBefore);
        assertThat(((RiskPoint) backOffice.entry(id).entry()).title()).isEqualTo("后台样例：编辑二的版本");
        // after a reload (the newest version as base) the save goes through
        assertThat(backOffice.saveRiskPoint(id, 2, null, risk(id, "后台样例：编辑一的版本", LocalDate.of(2026, 1, 1))))
                .isEqualTo(3);
        assertThatThrownBy(() -> backOffice.saveRiskPoint(id, 4, null, risk(id, "后台样例：未来的版本",
                LocalDate.of(2026, 1, 1)))).as("a version that does not exist yet is no base either")
                .isInstanceOfSatisfying(ValidationFailure.class,
                        f -> assertThat(f.problems().get(0).messageKey()).isEqualTo(ListsBackOffice.CONFLICT));
    }

    @Test
    void a_workflow_step_on_a_page_that_shows_an_older_version_or_status_is_refused_and_changes_nothing() {
        as("bo-editor-um-1", UM);
        String id = "um-rp-bo-conflict-steps";
        backOffice.saveRiskPoint(null, 0, null, risk(id, "后台样例：并发步骤", LocalDate.of(2026, 1, 1)));
        // both editors' lists show version 1 as a draft; editor 1 submits it
        backOffice.submit(id, 1, EntryStatus.DRAFT);

        as("bo-editor-um-2", UM);
        int auditBefore = auditOf(id).size();
        assertThatThrownBy(() -> backOffice.submit(id, 1, EntryStatus.DRAFT))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> {
                    assertThat(f.problems().get(0).messageKey()).isEqualTo(ListsBackOffice.CONFLICT_STEP);
                    assertThat(f.problems().get(0).args()).containsExactly("bo-editor-um-1", "2026-11-21 10:00:00");
                });
        // editor 1 saves version 2 while editor 2's list still offers to publish version 1
        as("bo-editor-um-1", UM);
        backOffice.saveRiskPoint(id, 1, null, risk(id, "后台样例：并发步骤二", LocalDate.of(2026, 1, 1)));
        as("bo-editor-um-2", UM);
        assertThatThrownBy(() -> backOffice.publish(id, 1, EntryStatus.IN_REVIEW))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems().get(0).messageKey())
                        .isEqualTo(ListsBackOffice.CONFLICT_STEP));
        assertThatThrownBy(() -> backOffice.returnToDraft(id, 1, EntryStatus.IN_REVIEW))
                .isInstanceOf(ValidationFailure.class);
        assertThat(auditOf(id)).hasSize(auditBefore + 1);
        assertThat(backOffice.versions(id)).extracting(v -> v.version() + ":" + v.status())
                .containsExactly("1:IN_REVIEW", "2:DRAFT");
        assertThat(catalog.findRiskPoint(id)).isEmpty();
        // a step the shown status does not offer is still the plain transition error
        assertThatThrownBy(() -> backOffice.publish(id, 2, EntryStatus.DRAFT))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems().get(0).messageKey())
                        .isEqualTo("lists.admin.error.transition"));
    }

    @Test
    void saves_racing_from_the_same_version_store_one_version_and_refuse_the_others_as_a_conflict() throws Exception {
        as("bo-editor-um-1", UM);
        String id = "um-rp-bo-race";
        backOffice.saveRiskPoint(null, 0, null, risk(id, "后台样例：同时保存", LocalDate.of(2026, 1, 1)));
        as("bo-editor-um-2", UM);
        SecurityContextHolder.clearContext();
        int threads = 4;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String user = i % 2 == 0 ? "bo-editor-um-1" : "bo-editor-um-2";
                String title = "后台样例：同时保存 " + i;
                java.util.concurrent.Callable<Object> save = () -> {
                    var details = users.loadUserByUsername(user);
                    SecurityContextHolder.setContext(new org.springframework.security.core.context.SecurityContextImpl(
                            new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                                    details, null, details.getAuthorities())));
                    try {
                        start.await();
                        return backOffice.saveRiskPoint(id, 1, null, risk(id, title, LocalDate.of(2026, 1, 1)));
                    } catch (ValidationFailure f) {
                        return f.problems().get(0).messageKey();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                results.add(pool.submit(save));
            }
            List<Object> outcomes = new java.util.ArrayList<>();
            for (var r : results) {
                outcomes.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsOnlyOnce(2).filteredOn(o -> !o.equals(2))
                    .hasSize(threads - 1).containsOnly(ListsBackOffice.CONFLICT);
        } finally {
            pool.shutdownNow();
        }
        as("bo-editor-um-1", UM);
        assertThat(backOffice.versions(id)).extracting(ListsBackOffice.VersionSummary::version).containsExactly(1, 2);
        assertThat(auditOf(id)).extracting(ListsBackOffice.AuditRecord::action).containsExactly("SAVE", "CREATE");
    }

    private List<ListsBackOffice.AuditRecord> auditOf(String id) {
        return backOffice.audit(UM).stream().filter(a -> a.entryId().equals(id)).toList();
    }

    @Test
    void an_editor_of_another_agency_gets_not_found_for_every_entry_of_it_whatever_the_method() {
        as("bo-editor-um-1", UM);
        String id = "um-rp-bo-scope";
        backOffice.saveRiskPoint(null, 0, null, risk(id, "后台样例：范围测试", LocalDate.of(2026, 1, 1)));
        String fileEntry = backOffice.entries(UM).stream().filter(ListsBackOffice.EntrySummary::fromFile)
                .findFirst().orElseThrow().id();

        as("bo-editor-mr", MR);
        for (String target : List.of(id, fileEntry, "no-such-entry", "../etc", "")) {
            assertThatThrownBy(() -> backOffice.entry(target)).isInstanceOf(ListEntryNotFoundException.class);
            assertThatThrownBy(() -> backOffice.versions(target)).isInstanceOf(ListEntryNotFoundException.class);
            assertThatThrownBy(() -> backOffice.submit(target, 1, EntryStatus.DRAFT)).isInstanceOf(ListEntryNotFoundException.class);
            assertThatThrownBy(() -> backOffice.publish(target, 1, EntryStatus.IN_REVIEW)).isInstanceOf(ListEntryNotFoundException.class);
            assertThatThrownBy(() -> backOffice.withdraw(target, 0, EntryStatus.PUBLISHED)).isInstanceOf(ListEntryNotFoundException.class);
            assertThatThrownBy(() -> backOffice.diff(target, 1, 1, ListEntryForms.Spelling.CODES)).isInstanceOf(ListEntryNotFoundException.class);
            assertThatThrownBy(() -> backOffice.saveRiskPoint(target, 0, null, risk(target, "改", LocalDate.of(2026, 1, 1))))
                    .isInstanceOfAny(ListEntryNotFoundException.class, ValidationFailure.class);
        }
        assertThatThrownBy(() -> backOffice.entries(UM)).isInstanceOf(ListEntryNotFoundException.class);
        assertThatThrownBy(() -> backOffice.audit(UM)).isInstanceOf(ListEntryNotFoundException.class);
        assertThatThrownBy(() -> backOffice.export(UM, ListKind.RISK_POINTS)).isInstanceOf(ListEntryNotFoundException.class);
        assertThat(backOffice.audit(null)).allSatisfy(a -> assertThat(a.agency()).isEqualTo(MR));
        assertThat(backOffice.agencies()).containsExactly(MR);
        assertThatThrownBy(() -> backOffice.saveRiskPoint(null, 0, null, risk("um-rp-bo-foreign", "别人的", LocalDate.of(2026, 1, 1))))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems().get(0).field()).isEqualTo("agency"));
        assertThat(backOffice.entries(MR)).noneMatch(e -> e.agency().equals(UM));

        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> backOffice.entries(UM)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void a_file_entry_edited_in_the_back_office_belongs_to_the_database_and_a_later_file_change_is_a_conflict()
            throws Exception {
        Path file = KNOWLEDGE_DIR.resolve("exemptions/zz_owned.yaml");
        String yaml = exemptionFile("um-ex-bo-owned", "是否当日清理？");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        try {
            knowledgeBase.loadAll();
            as("bo-editor-um-1", UM);
            ListsBackOffice.EntryView opened = backOffice.entry("um-ex-bo-owned");
            ExemptionItem fromFile = (ExemptionItem) opened.entry();
            ExemptionInput edit = ExemptionInput.of(fromFile);
            ExemptionInput changed = new ExemptionInput(edit.id(), edit.agency(), edit.kind(), edit.subkind(),
                    edit.sector(), "后台样例：首次占道堆放少量杂物", edit.scope(), edit.basisViolation(),
                    edit.basisPenalty(), edit.basisExemption(), edit.conditions(), edit.measure(),
                    edit.effectiveFrom(), edit.effectiveTo(), edit.sample());
            // a form opened on other content of the file (reloaded since) is refused, naming the knowledge base
            assertThatThrownBy(() -> backOffice.saveExemption("um-ex-bo-owned", 0,
                    KnowledgeFile.sha256("older content".getBytes(StandardCharsets.UTF_8)), changed))
                    .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems()).singleElement()
                            .satisfies(p -> assertThat(p.messageKey()).isEqualTo(ListsBackOffice.CONFLICT_FILE)));
            assertThat(backOffice.versions("um-ex-bo-owned")).isEmpty();
            assertThat(backOffice.saveExemption("um-ex-bo-owned", 0, opened.contentHash(), changed))
                    .as("version 1 is the file content").isEqualTo(2);
            assertThat(backOffice.versions("um-ex-bo-owned").get(0).fromFile()).isTrue();
            submit("um-ex-bo-owned");
            as("bo-editor-um-2", UM);
            publish("um-ex-bo-owned");

            // unchanged file: no conflict, and the file does not overwrite the published edit
            assertThat(report(knowledgeBase.loadAll()).problems()).isEmpty();
            assertThat(catalog.findExemption("um-ex-bo-owned")).map(ExemptionItem::violation)
                    .contains("后台样例：首次占道堆放少量杂物");

            // changed file: reported, not applied
            Files.writeString(file, yaml.replace("是否当日清理？", "是否在当天清理完毕？"), StandardCharsets.UTF_8);
            List<ContentProblem> problems = report(knowledgeBase.loadAll()).problems();
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("knowledge-base/exemptions/zz_owned.yaml");
                assertThat(p.message()).contains("um-ex-bo-owned").contains("back office");
            });
            assertThat(ContentProblemTexts.assertShownInEveryLanguage(problems))
                    .containsExactly("lists.problem.backOfficeOwned");
            assertThat(catalog.findExemption("um-ex-bo-owned").orElseThrow().conditions().get(1).question())
                    .isEqualTo("是否当日清理？");

            // the export is the file format: it parses back to the published entries, and once copied over
            // the file, nothing is in conflict any more
            String exported = backOffice.export(UM, ListKind.EXEMPTIONS);
            ListFileParser.Result parsed = ListFileParser.parse(ListKind.EXEMPTIONS,
                    KnowledgeFile.of("knowledge-base/exemptions/sample-urban-management.yaml", exported));
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.entries()).contains(catalog.findExemption("um-ex-bo-owned").orElseThrow());
            for (Object e : parsed.entries()) {
                ExemptionItem item = (ExemptionItem) e;
                assertThat(catalog.findExemption(item.id())).contains(item);
            }
            String ownedOnly = ListsYaml.file(ListKind.EXEMPTIONS, UM, List.of(catalog.findExemption("um-ex-bo-owned")
                    .orElseThrow()), LocalDate.of(2026, 11, 21));
            Files.writeString(file, ownedOnly, StandardCharsets.UTF_8);
            assertThat(report(knowledgeBase.loadAll()).problems()).isEmpty();
        } finally {
            Files.deleteIfExists(file);
            knowledgeBase.loadAll();
            SecurityContextHolder.clearContext();
        }
        assertThat(catalog.findExemption("um-ex-bo-owned")).as("owned by the database, not removed with the file")
                .isPresent();
        as("bo-editor-um-1", UM);
        withdraw("um-ex-bo-owned");
    }

    @Test
    void the_public_version_can_be_withdrawn_while_a_newer_one_is_a_draft_or_in_review() {
        as("bo-editor-um-1", UM);
        String id = "um-rp-bo-revising";
        backOffice.saveRiskPoint(null, 0, null, risk(id, "后台样例：修订中撤回", LocalDate.of(2026, 1, 1)));
        submit(id);
        as("bo-editor-um-2", UM);
        publish(id);
        assertThat(catalog.findRiskPoint(id)).isPresent();
        backOffice.saveRiskPoint(id, 1, null, risk(id, "后台样例：修订中撤回（新稿）", LocalDate.of(2026, 1, 1)));
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(backOffice.entry(id).publicNow()).isTrue();

        withdraw(id);
        assertThat(catalog.findRiskPoint(id)).as("off the public lists").isEmpty();
        assertThat(backOffice.entry(id).publicNow()).isFalse();
        // the draft stays a draft; the version that was public is marked withdrawn
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(backOffice.versions(id)).extracting(v -> v.version() + ":" + v.status())
                .containsExactly("1:WITHDRAWN", "2:DRAFT");
        assertThat(backOffice.audit(UM).stream().filter(a -> a.entryId().equals(id)).findFirst().orElseThrow().action())
                .isEqualTo("WITHDRAW");
        // nothing public is left to withdraw
        assertThatThrownBy(() -> withdraw(id)).isInstanceOf(ValidationFailure.class);
        // the draft goes on to be published as usual
        submit(id);
        as("bo-editor-um-1", UM);
        publish(id);
        assertThat(catalog.findRiskPoint(id)).map(RiskPoint::title).contains("后台样例：修订中撤回（新稿）");
    }

    @Test
    void an_entry_of_a_sample_agency_is_sample_content_whatever_the_form_says_and_so_is_it_when_published() {
        as("bo-editor-um-1", UM);
        String risk = "um-rp-bo-sample-forced";
        RiskPointInput r = risk(risk, "后台样例：取消示例勾选", LocalDate.of(2026, 1, 1));
        backOffice.saveRiskPoint(null, 0, null, new RiskPointInput(r.id(), r.agency(), r.sector(), r.appliesTo(), r.title(),
                r.risk(), r.level(), r.levelReason(), r.basisObligation(), r.basisPenalty(), r.consequence(),
                r.prevention(), r.guidance(), r.effectiveFrom(), r.effectiveTo(), false));
        assertThat(backOffice.entry(risk).riskPoint().orElseThrow().sample()).isTrue();
        String exemption = "um-ex-bo-sample-forced";
        ExemptionInput x = ListEntryFormsTest.exemption(exemption);
        backOffice.saveExemption(null, 0, null, new ExemptionInput(x.id(), x.agency(), x.kind(), x.subkind(), x.sector(),
                x.violation(), x.scope(), x.basisViolation(), x.basisPenalty(), x.basisExemption(), x.conditions(),
                x.measure(), x.effectiveFrom(), x.effectiveTo(), false));
        assertThat(backOffice.entry(exemption).exemption().orElseThrow().sample()).isTrue();
        submit(risk);
        submit(exemption);
        as("bo-editor-um-2", UM);
        publish(risk);
        publish(exemption);
        assertThat(catalog.findRiskPoint(risk)).map(RiskPoint::sample).contains(true);
        assertThat(catalog.findExemption(exemption)).map(ExemptionItem::sample).contains(true);
        withdraw(risk);
        withdraw(exemption);
    }

    @Test
    void a_published_entry_outside_its_effective_dates_is_not_said_to_be_public_yet_can_be_withdrawn() {
        as("bo-editor-um-1", UM);
        String upcoming = "um-rp-bo-public-upcoming";
        String ended = "um-rp-bo-public-ended";
        backOffice.saveRiskPoint(null, 0, null, risk(upcoming, "后台样例：明年起公开", LocalDate.of(2027, 6, 1)));
        RiskPointInput old = risk(ended, "后台样例：已经失效", LocalDate.of(2025, 1, 1));
        backOffice.saveRiskPoint(null, 0, null, new RiskPointInput(old.id(), old.agency(), old.sector(), old.appliesTo(),
                old.title(), old.risk(), old.level(), old.levelReason(), old.basisObligation(), old.basisPenalty(),
                old.consequence(), old.prevention(), old.guidance(), old.effectiveFrom(), LocalDate.of(2025, 12, 31),
                true));
        submit(upcoming);
        submit(ended);
        as("bo-editor-um-2", UM);
        publish(upcoming);
        publish(ended);
        assertThat(catalog.findRiskPoint(upcoming)).as("not in force: the public does not see it").isEmpty();
        assertThat(backOffice.entry(upcoming).publicNow()).isFalse();
        assertThat(backOffice.entry(ended).publicNow()).isFalse();
        ListsBackOffice.EntrySummary line = backOffice.entries(UM).stream().filter(e -> e.id().equals(upcoming))
                .findFirst().orElseThrow();
        assertThat(line.publicNow()).isFalse();
        assertThat(line.publicVersion()).isEqualTo(new ListsBackOffice.PublicVersion("后台样例：明年起公开",
                LocalDate.of(2027, 6, 1), null, false));
        assertThat(line.publicVersion().upcoming(LocalDate.of(2026, 11, 21))).isTrue();
        assertThat(backOffice.entries(UM).stream().filter(e -> e.id().equals(ended)).findFirst().orElseThrow()
                .publicVersion().upcoming(LocalDate.of(2026, 11, 21))).isFalse();
        // under revision, the version on the public list (not in force yet) can still be withdrawn
        backOffice.saveRiskPoint(upcoming, 1, null, risk(upcoming, "后台样例：明年起公开（修改）", LocalDate.of(2027, 6, 1)));
        withdraw(upcoming);
        assertThat(backOffice.entries(UM).stream().filter(e -> e.id().equals(upcoming)).findFirst().orElseThrow()
                .publicVersion()).isNull();
        assertThat(backOffice.versions(upcoming)).extracting(v -> v.version() + ":" + v.status())
                .containsExactly("1:WITHDRAWN", "2:DRAFT");
        withdraw(ended);
    }

    @Test
    void a_new_id_starts_with_the_agency_prefix_so_another_agency_entry_is_never_revealed_by_a_taken_id() {
        as("bo-editor-um-1", UM);
        String draft = "um-rp-bo-prefix-draft";
        backOffice.saveRiskPoint(null, 0, null, risk(draft, "后台样例：未发布的草稿", LocalDate.of(2026, 1, 1)));
        assertThat(backOffice.idPrefix(UM)).isEqualTo("um-");
        as("bo-editor-mr", MR);
        assertThat(backOffice.idPrefix(MR)).isEqualTo("mr-");
        assertThatThrownBy(() -> backOffice.idPrefix(UM)).isInstanceOf(ListEntryNotFoundException.class);
        // another agency's draft, its published entry and a free id outside the prefix: the same refusal, naming it
        for (String id : List.of(draft, "um-ex-minor-sign-damage", "um-rp-bo-prefix-free", "rp-x")) {
            RiskPointInput r = risk(id, "后台样例：前缀", LocalDate.of(2026, 1, 1));
            assertThatThrownBy(() -> backOffice.saveRiskPoint(null, 0, null, new RiskPointInput(r.id(), MR, r.sector(),
                    r.appliesTo(), r.title(), r.risk(), r.level(), r.levelReason(), r.basisObligation(),
                    r.basisPenalty(), r.consequence(), r.prevention(), r.guidance(), r.effectiveFrom(), null, true)))
                    .as(id).isInstanceOfSatisfying(ValidationFailure.class, f -> {
                        assertThat(f.problems().get(0).messageKey()).isEqualTo("lists.admin.error.idPrefix");
                        assertThat(f.problems().get(0).args()).containsExactly("mr-");
                    });
        }
        // with other fields to put right, the id outside the prefix is said with them, not after they are fixed
        RiskPointInput unfinished = risk("um-rp-bo-prefix-unfinished", "后台样例：前缀", LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> backOffice.saveRiskPoint(null, 0, null, new RiskPointInput(unfinished.id(), MR, "",
                unfinished.appliesTo(), unfinished.title(), "", unfinished.level(), unfinished.levelReason(),
                unfinished.basisObligation(), unfinished.basisPenalty(), unfinished.consequence(),
                unfinished.prevention(), unfinished.guidance(), unfinished.effectiveFrom(), null, true)))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> {
                    assertThat(f.problems()).extracting(ValidationFailure.FieldProblem::field)
                            .containsExactly("id", "sector", "risk");
                    assertThat(f.problems().get(0).messageKey()).isEqualTo("lists.admin.error.idPrefix");
                    assertThat(f.problems().get(0).args()).containsExactly("mr-");
                });
        assertThatThrownBy(() -> backOffice.saveRiskPoint(null, 0, null, new RiskPointInput("mr-rp-bo-prefix-unfinished",
                MR, "", unfinished.appliesTo(), unfinished.title(), "", unfinished.level(), unfinished.levelReason(),
                unfinished.basisObligation(), unfinished.basisPenalty(), unfinished.consequence(),
                unfinished.prevention(), unfinished.guidance(), unfinished.effectiveFrom(), null, true)))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(ValidationFailure.FieldProblem::field).containsExactly("sector", "risk"));
        RiskPointInput own = risk("mr-rp-bo-prefix-own", "后台样例：本机关前缀", LocalDate.of(2026, 1, 1));
        assertThat(backOffice.saveRiskPoint(null, 0, null, new RiskPointInput(own.id(), MR, own.sector(), own.appliesTo(),
                own.title(), own.risk(), own.level(), own.levelReason(), own.basisObligation(), own.basisPenalty(),
                own.consequence(), own.prevention(), own.guidance(), own.effectiveFrom(), null, true))).isEqualTo(1);
        // within the agency's prefix a taken id is still refused as taken
        assertThatThrownBy(() -> backOffice.saveRiskPoint(null, 0, null, new RiskPointInput("mr-rp-food-licence", MR,
                own.sector(), own.appliesTo(), own.title(), own.risk(), own.level(), own.levelReason(),
                own.basisObligation(), own.basisPenalty(), own.consequence(), own.prevention(), own.guidance(),
                own.effectiveFrom(), null, true))).isInstanceOfSatisfying(ValidationFailure.class,
                        f -> assertThat(f.problems().get(0).messageKey()).isEqualTo("lists.admin.error.idTaken"));
    }

    /* The workflow steps as the back-office list offers them: on the version and status it shows now. */

    private void submit(String id) {
        var e = backOffice.entry(id);
        backOffice.submit(id, e.version(), e.status());
    }

    private void publish(String id) {
        var e = backOffice.entry(id);
        backOffice.publish(id, e.version(), e.status());
    }

    private void returnToDraft(String id) {
        var e = backOffice.entry(id);
        backOffice.returnToDraft(id, e.version(), e.status());
    }

    private void withdraw(String id) {
        var e = backOffice.entry(id);
        backOffice.withdraw(id, e.version(), e.status());
    }

    private static LoadReport report(List<LoadReport> reports) {
        return reports.stream().filter(r -> r.folder().equals("exemptions")).findFirst().orElseThrow();
    }
}
