package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.mediation.MediationApplication.ApplicantKind;
import cn.gov.enforcement.portal.mediation.MediationApplication.IdType;
import cn.gov.enforcement.portal.mediation.internal.DraftRepository;
import cn.gov.enforcement.portal.mediation.internal.EvidenceFiles;
import cn.gov.enforcement.portal.mediation.internal.EvidenceRepository;
import cn.gov.enforcement.portal.mediation.internal.LetterRepository;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;

/**
 * The officer's handling of a case end to end (mediator, every step, mails to both parties,
 * messages, documents, audit), the agency scope, drafts, evidence, letters, statistics, rate
 * limits and the retention purge with an injected clock.
 */
class MediationCasesIT extends IntegrationTest {

    @Autowired MediationService service;
    @Autowired MediationBackOffice backOffice;
    @Autowired MediationLetters letters;
    @Autowired WorkingCalendar workingCalendar;
    @Autowired MediationStatistics statistics;
    @Autowired MediationAudit audit;
    @Autowired MediationRateLimiter limiter;
    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired WebApplicationContext web;
    @Autowired MediationCaseRepository caseRepository;
    @Autowired EvidenceRepository evidenceRepository;
    @Autowired EvidenceFiles files;
    @Autowired DraftRepository drafts;
    @Autowired LetterRepository letterRepository;
    @Autowired MediationSettings settings;
    @Autowired PortalSettings portal;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired Clock clock;
    @Autowired Translations translations;
    @Autowired MediationAgencyMail agencyMail;
    @Autowired cn.gov.enforcement.portal.agency.AgencyDirectory agencies;
    @Autowired cn.gov.enforcement.portal.account.CurrentUser currentUser;
    @Autowired cn.gov.enforcement.portal.notification.Outbox outbox;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void officer(String username, String agency) {
        MediationTestSupport.signInOfficer(accounts, users, username, agency);
    }

    private static void admin() {
        MediationTestSupport.signIn(new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    private List<Map<String, Object>> mails(String dedupPrefix) {
        return jdbc.queryForList("select dedup_key, recipient, subject, text_body from notification_outbox where dedup_key like ? order by id",
                dedupPrefix + "%");
    }

    private static MediationApplication withOtherParty(String otherPartyEmail) {
        MediationApplication a = MediationTestSupport.application(DisputeCategory.CONSUMER, "zhang@example.cn");
        return new MediationApplication(a.category(), a.applicantKind(), a.applicantName(), a.idType(), a.idNumber(), a.phone(),
                a.email(), a.address(), a.otherPartyName(), otherPartyEmail, a.facts(), a.request(), a.preferredTimes(),
                a.preferOnline(), a.consent(), a.submissionToken());
    }

    /** A case whose other party (with this e-mail address) agreed to mediation, handled by this officer of the agency. */
    private SubmissionReceipt agreedCase(String otherPartyEmail, String officer) {
        SubmissionReceipt r = service.submit(withOtherParty(otherPartyEmail), Locale.SIMPLIFIED_CHINESE);
        officer(officer, "sample-market-regulation");
        backOffice.accept(r.caseNumber(), null);
        backOffice.inviteOtherParty(r.caseNumber(), null);
        backOffice.otherPartyAgreed(r.caseNumber(), null);
        return r;
    }

    @Test
    void an_officer_runs_a_case_from_acceptance_to_closing_with_mails_to_both_parties_documents_and_audit() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "zhang@example.cn"),
                Locale.ENGLISH);
        String n = r.caseNumber();
        officer("med-cases-assigned", "sample-market-regulation");
        accounts.changeOwnEmail("assigned@scjg.sample.gov.cn");
        officer("med-cases-chief", "sample-market-regulation");

        assertThat(backOffice.mediatorCandidates(n)).extracting(u -> u.username())
                .contains("med-cases-assigned", "med-cases-chief");
        assertThatThrownBy(() -> backOffice.assignMediator(n, "nobody-there")).isInstanceOf(ValidationFailure.class);
        officer("med-cases-traffic", "sample-traffic-police");
        officer("med-cases-chief", "sample-market-regulation");
        assertThatThrownBy(() -> backOffice.assignMediator(n, "med-cases-traffic"))
                .as("an officer of another agency cannot mediate").isInstanceOf(ValidationFailure.class);
        CaseTracking assigned = backOffice.assignMediator(n, "med-cases-assigned");
        // the mediator hears of it at their own address, without personal data
        assertThat(mails("mediation-mediator-assigned:" + n + ":")).singleElement().satisfies(m -> {
            assertThat(m.get("recipient")).isEqualTo("assigned@scjg.sample.gov.cn");
            assertThat((String) m.get("text_body")).contains(n, settings.link("staff/mediation/case/" + n))
                    .doesNotContain("张三", "13800138000");
        });
        service.reply(n, r.accessCode(), "我周三下午有空。", null);
        assertThat(mails("mediation-mediator-message:" + n + ":")).singleElement().satisfies(m -> {
            assertThat(m.get("recipient")).isEqualTo("assigned@scjg.sample.gov.cn");
            assertThat((String) m.get("text_body")).contains(n).doesNotContain("周三");
        });

        CaseFile chiefView = backOffice.caseFile(n);
        assertThat(chiefView.assignedToMe()).isFalse();
        assertThat(chiefView.idNumber()).isEqualTo("110***********002X");
        assertThat(chiefView.phone()).isEqualTo("138****8000");

        officer("med-cases-assigned", "sample-market-regulation");
        CaseFile mine = backOffice.caseFile(n);
        assertThat(mine.assignedToMe()).isTrue();
        assertThat(mine.idNumber()).isEqualTo(MediationTestSupport.VALID_ID);
        assertThat(mine.phone()).isEqualTo("13800138000");
        assertThat(backOffice.ownQueue(new MediationBackOffice.QueueFilter(null, false, true)))
                .extracting(CaseSummary::caseNumber).contains(n);
        assertThat(backOffice.ownQueue(new MediationBackOffice.QueueFilter(CaseStatus.CLOSED, false, false)))
                .extracting(CaseSummary::caseNumber).doesNotContain(n);

        assertThat(queued(n).due()).as("the acceptance decision runs").isEqualTo(assigned.acceptanceDue());
        CaseTracking accepted = backOffice.accept(n, "材料齐全");
        assertThat(accepted.mediationDue()).isNotEqualTo(accepted.acceptanceDue());
        assertThat(queued(n).due()).as("then the mediation").isEqualTo(accepted.mediationDue());
        assertThatThrownBy(() -> backOffice.otherPartyAgreed(n, null)).as("no skipping").isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> backOffice.inviteOtherParty(n, null, "not-mail", Locale.ENGLISH)).isInstanceOf(ValidationFailure.class);
        backOffice.inviteOtherParty(n, "电话已联系", "shop@example.cn", Locale.TRADITIONAL_CHINESE);
        backOffice.otherPartyAgreed(n, null);
        assertThatThrownBy(() -> backOffice.scheduleSession(n, clock.instant().minusSeconds(60), "调解室"))
                .isInstanceOf(ValidationFailure.class);
        backOffice.scheduleSession(n, clock.instant().plus(Duration.ofDays(3)), "示例市市场监管局三楼调解室");
        backOffice.extend(n, "需要补充鉴定");
        assertThatThrownBy(() -> backOffice.extend(n, "再延一次")).isInstanceOf(IllegalTransitionException.class);
        sessionHeld(n);
        backOffice.agreementReached(n, "商家退还货款 2999 元");
        CaseTracking closed = backOffice.close(n, "协议已履行");
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(queued(n).due()).as("no deadline runs for a closed case").isNull();
        assertThat(closed.history()).filteredOn(CaseTracking.Step::changesState).extracting(CaseTracking.Step::to)
                .containsExactly(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.OTHER_PARTY_INVITED,
                        CaseStatus.OTHER_PARTY_AGREED, CaseStatus.SESSION_SCHEDULED, CaseStatus.AGREEMENT_REACHED,
                        CaseStatus.CLOSED);

        // applicant in English (the language of the submission), other party in the language chosen at the invitation
        List<Map<String, Object>> toApplicant = mails("mediation-step:" + n + ":");
        assertThat(toApplicant).extracting(m -> m.get("RECIPIENT")).containsOnly("zhang@example.cn");
        assertThat(toApplicant).extracting(m -> (String) m.get("SUBJECT")).anyMatch(s -> s.contains("Agreement reached"))
                .anyMatch(s -> s.contains("deadline extended")).noneMatch(s -> s.contains("Mediator"));
        List<Map<String, Object>> toOther = mails("mediation-other:" + n + ":");
        assertThat(toOther).extracting(m -> m.get("RECIPIENT")).containsOnly("shop@example.cn");
        assertThat(toOther).hasSize(6); // invited, agreed, scheduled, extended, agreement, closed
        assertThat((String) toOther.get(0).get("TEXT_BODY")).contains("张三", "邀請您參加調解");
        // the one invited reads an invitation, not the applicant's "other party invited"
        assertThat((String) toOther.get(0).get("SUBJECT"))
                .isEqualTo("行政調解邀請（案件編號 " + n + "）：示例市市場監督管理局邀請您參加調解");
        assertThat(toOther).extracting(m -> (String) m.get("TEXT_BODY")).anyMatch(b -> b.contains("三楼调解室"));
        assertThat((String) toOther.get(1).get("SUBJECT")).endsWith("：您已同意參加調解");

        assertThat(backOffice.caseFile(n).documents()).containsExactly(MediationDocument.ACCEPTANCE_NOTICE,
                MediationDocument.INVITATION, MediationDocument.AGREEMENT);
        DocumentData agreement = backOffice.document(n, MediationDocument.AGREEMENT, Locale.SIMPLIFIED_CHINESE);
        assertThat(agreement.agencyName()).isEqualTo("示例市市场监督管理局");
        assertThat(agreement.agreementTerms()).isEqualTo("商家退还货款 2999 元");
        // the case is the officer's own: the page says this document does not apply to it, not that there is no case
        assertThatThrownBy(() -> backOffice.document(n, MediationDocument.NON_ACCEPTANCE_NOTICE, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(DocumentNotApplicableException.class);
        assertThat(service.applicantDocument(n, r.accessCode(), MediationDocument.AGREEMENT, Locale.ENGLISH)).isPresent();
        assertThat(service.applicantDocument(n, r.accessCode(), MediationDocument.INVITATION, Locale.ENGLISH))
                .as("the invitation is the other party's document").isEmpty();
        assertThat(service.applicantDocument(n, "WRONGCODE234", MediationDocument.AGREEMENT, Locale.ENGLISH)).isEmpty();

        assertThatThrownBy(() -> audit.entries(n)).as("officers do not read the audit log").isInstanceOf(AccessDeniedException.class);
        admin();
        List<AuditRecord> log = audit.entries(n);
        assertThat(log).extracting(AuditRecord::username).contains("med-cases-chief", "med-cases-assigned");
        assertThat(log).extracting(AuditRecord::action).contains("VIEW", "DOCUMENT");
        assertThat(log).allSatisfy(e -> assertThat(e.caseNumber()).isEqualTo(n));
    }

    @Test
    void an_application_whose_texts_are_their_limit_in_supplementary_characters_is_stored_and_read_back_whole() {
        // 𠀀 (U+20000) is one character and two UTF-16 units, which H2 counts in a varchar (V35)
        String rare = "\uD840\uDC00";
        MediationApplication a = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        MediationApplication full = new MediationApplication(a.category(), a.applicantKind(),
                rare.repeat(MediationService.MAX_NAME), a.idType(), a.idNumber(), a.phone(), a.email(),
                rare.repeat(MediationService.MAX_ADDRESS), "😀".repeat(MediationService.MAX_NAME),
                rare.repeat(MediationService.MAX_CONTACT), rare.repeat(MediationService.MAX_FACTS),
                rare.repeat(MediationService.MAX_REQUEST), rare.repeat(MediationService.MAX_PREFERRED), a.preferOnline(),
                a.consent(), a.submissionToken());
        // its draft, encrypted, is saved and resumed whole as well
        String code = service.saveDraft(full, null);
        assertThat(service.resumeDraft(code, null)).contains(full);
        SubmissionReceipt r = service.submit(full, Locale.SIMPLIFIED_CHINESE);
        String n = r.caseNumber();
        service.withdraw(n, r.accessCode(), rare.repeat(MediationService.MAX_REASON));

        officer("med-cases-rare", "sample-market-regulation");
        CaseFile file = backOffice.caseFile(n);
        assertThat(file.facts()).isEqualTo(rare.repeat(MediationService.MAX_FACTS));
        assertThat(file.request()).isEqualTo(rare.repeat(MediationService.MAX_REQUEST));
        assertThat(file.address()).isEqualTo(rare.repeat(MediationService.MAX_ADDRESS));
        assertThat(file.otherPartyContact()).isEqualTo(rare.repeat(MediationService.MAX_CONTACT));
        assertThat(file.preferredTimes()).isEqualTo(rare.repeat(MediationService.MAX_PREFERRED));
        assertThat(file.tracking().applicantName()).isEqualTo(rare.repeat(MediationService.MAX_NAME));
        assertThat(file.tracking().otherPartyName()).isEqualTo("😀".repeat(MediationService.MAX_NAME));
        assertThat(file.tracking().history()).last().satisfies(step -> {
            assertThat(step.to()).isEqualTo(CaseStatus.WITHDRAWN);
            assertThat(step.reason()).isEqualTo(rare.repeat(MediationService.MAX_REASON));
        });
    }

    @Test
    void the_other_party_is_told_of_a_withdrawal_but_never_reads_the_applicants_reason() {
        SubmissionReceipt r = service.submit(withOtherParty("shop-withdrawn@example.cn"), Locale.SIMPLIFIED_CHINESE);
        String n = r.caseNumber();
        officer("med-cases-withdrawn", "sample-market-regulation");
        backOffice.accept(n, null);
        backOffice.inviteOtherParty(n, "已电话联系对方");
        SecurityContextHolder.clearContext();
        service.withdraw(n, r.accessCode(), "我已经另行起诉，并且不想让商家知道我的病情");

        List<Map<String, Object>> toOther = mails("mediation-other:" + n + ":");
        assertThat(toOther).extracting(m -> m.get("RECIPIENT")).containsOnly("shop-withdrawn@example.cn");
        assertThat(toOther).last().satisfies(m -> {
            assertThat((String) m.get("SUBJECT")).contains("申请人已撤回");
            assertThat((String) m.get("TEXT_BODY")).contains(n).doesNotContain("另行起诉", "病情");
        });
        assertThat(mails("mediation-step:" + n + ":")).last()
                .as("the applicant's own confirmation keeps the reason")
                .satisfies(m -> assertThat((String) m.get("TEXT_BODY")).contains("另行起诉"));
    }

    @Test
    void mails_to_both_parties_say_how_to_reach_the_agency_and_an_empty_reason_leaves_no_blank_line() {
        SubmissionReceipt r = service.submit(withOtherParty("shop-contact@example.cn"), Locale.SIMPLIFIED_CHINESE);
        String n = r.caseNumber();
        officer("med-cases-contact", "sample-market-regulation");
        backOffice.accept(n, null);
        backOffice.inviteOtherParty(n, null);
        backOffice.otherPartyAgreed(n, "对方电话表示同意");
        // the agency file's phone, office hours and address: the other party has to call to agree or decline
        String contact = "办理机关：示例市市场监督管理局\n监督电话：0999-12315001（工作日 9:00-12:00，13:30-17:30）\n"
                + "地址：示例市新城区和平路88号市场监管大楼";
        List<Map<String, Object>> toOther = mails("mediation-other:" + n + ":");
        assertThat(toOther).hasSize(2);
        assertThat((String) toOther.get(0).get("TEXT_BODY")).as("the invitation, sent without a reason")
                .contains("本机关邀请您参加调解。\n\n调解自愿、免费。请与示例市市场监督管理局联系，告知您是否同意调解：\n" + contact)
                .doesNotContain("\n\n\n");
        // the other party reads its own answer in its own words, not the applicant's 对方同意调解
        assertThat((String) toOther.get(1).get("SUBJECT")).endsWith("：您已同意参加调解");
        assertThat((String) toOther.get(1).get("TEXT_BODY")).contains("您已同意参加调解\n对方电话表示同意",
                "如有疑问，请联系：\n" + contact).doesNotContain("\n\n\n", "对方同意调解");
        assertThat(mails("mediation-step:" + n + ":")).last().satisfies(m -> assertThat((String) m.get("SUBJECT"))
                .endsWith("：对方同意调解"));
        List<Map<String, Object>> toApplicant = mails("mediation-step:" + n + ":");
        assertThat(toApplicant).hasSize(3).allSatisfy(m -> assertThat((String) m.get("TEXT_BODY"))
                .contains("如有疑问，请联系：\n" + contact).doesNotContain("\n\n\n"));
        assertThat(mails("mediation-submitted:" + n)).singleElement().satisfies(m -> assertThat((String) m.get("TEXT_BODY"))
                .contains(r.accessCode(), "如有疑问，请联系：\n" + contact).doesNotContain("\n\n\n"));
    }

    @Test
    void an_english_mail_gives_the_agencys_office_hours_and_address_in_english() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "english@example.cn"),
                Locale.ENGLISH);
        // the sample agency file's office_hours_en and address_en, not its Chinese texts
        String contact = "Agency: Sample City Administration for Market Regulation\n"
                + "Supervision phone: 0999-12315001 (Working days 9:00-12:00 and 13:30-17:30)\n"
                + "Address: Market Regulation Building, No. 88 Heping Road, Xincheng District, Sample City";
        assertThat(mails("mediation-submitted:" + r.caseNumber())).singleElement().satisfies(m -> assertThat(
                (String) m.get("TEXT_BODY")).contains(contact).doesNotContain("工作日", "和平路"));
        assertThat(service.agencyContact("sample-market-regulation", Locale.TRADITIONAL_CHINESE).officeHours())
                .isEqualTo("工作日 9:00-12:00，13:30-17:30");
    }

    @Test
    void the_applicants_mails_link_to_the_tracking_page_with_the_case_number_in_the_applicants_language() {
        for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH)) {
            SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "link@example.cn"),
                    language);
            String n = r.caseNumber();
            officer("med-cases-link", "sample-market-regulation");
            backOffice.accept(n, null);
            backOffice.sendMessage(n, "请补充购物小票。");
            String tag = language.equals(Locale.ENGLISH) ? "en" : language.equals(Locale.TRADITIONAL_CHINESE) ? "zh-TW" : "zh-CN";
            // the page to follow the case, not just its name: the number filled in, the code typed there
            String link = settings.link("mediation/track?number=" + n + "&lang=" + tag);
            List<Map<String, Object>> toApplicant = new java.util.ArrayList<>(mails("mediation-submitted:" + n));
            toApplicant.addAll(mails("mediation-step:" + n + ":"));
            toApplicant.addAll(mails("mediation-message:" + n + ":"));
            assertThat(toApplicant).as(tag).hasSize(3).allSatisfy(m -> assertThat((String) m.get("TEXT_BODY"))
                    .contains("\n" + link + "\n").doesNotContain(r.accessCode() + "&", "code=", "\n\n\n"));
        }
    }

    @Test
    void the_acceptance_mail_states_the_mediation_deadline_in_the_applicants_language_as_the_tracking_page_does() {
        Map<Locale, String> line = Map.of(Locale.SIMPLIFIED_CHINESE, "调解期限：", Locale.TRADITIONAL_CHINESE, "調解期限：",
                Locale.ENGLISH, "Mediation due by: ");
        for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH)) {
            SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "due@example.cn"),
                    language);
            String n = r.caseNumber();
            officer("med-cases-due", "sample-market-regulation");
            CaseTracking accepted = backOffice.accept(n, "材料齐全");
            SecurityContextHolder.clearContext();
            assertThat(accepted.mediationDue()).isNotNull();
            assertThat(mails("mediation-step:" + n + ":")).singleElement().satisfies(m -> assertThat((String) m.get("TEXT_BODY"))
                    .as(language.toLanguageTag())
                    .contains("材料齐全\n" + line.get(language) + accepted.mediationDue() + "\n")
                    .doesNotContain("\n\n\n"));
        }
    }

    @Test
    void a_mediators_own_mails_are_in_the_language_of_their_last_sign_in_while_the_agencys_stay_in_chinese() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        String n = r.caseNumber();
        officer("med-cases-english", "sample-market-regulation");
        accounts.changeOwnEmail("english@scjg.sample.gov.cn");
        // as a sign-in with the English pages leaves it (SignInIT)
        jdbc.update("update portal_user set mail_language = 'en' where username = ?", "med-cases-english");
        officer("med-cases-chief", "sample-market-regulation");
        backOffice.assignMediator(n, "med-cases-english");
        assertThat(mails("mediation-mediator-assigned:" + n + ":")).singleElement().satisfies(m -> {
            assertThat((String) m.get("SUBJECT")).isEqualTo("Mediation case " + n + " has been assigned to you");
            assertThat((String) m.get("TEXT_BODY")).contains("Consumer").doesNotContain("消费", "调解");
        });
        SecurityContextHolder.clearContext();
        service.reply(n, r.accessCode(), "我周三下午有空。", null);
        assertThat(mails("mediation-mediator-message:" + n + ":")).singleElement().satisfies(m -> assertThat(
                (String) m.get("SUBJECT")).isEqualTo("Mediation case " + n + ": new message from the applicant"));
        assertThat(mails("mediation-agency-message:" + n + ":")).as("the agency's address is no person's")
                .singleElement().satisfies(m -> assertThat((String) m.get("SUBJECT")).isEqualTo("调解案件 " + n + "：申请人有新留言"));

        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        jdbc.update("update portal_user set mail_language = 'zh-TW' where username = ?", "med-cases-english");
        jdbc.update("update mediation_case set submitted_at = ? where case_number = ?",
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(60))), n);
        agencyMail.remind();
        assertThat(mails("mediation-mediator-reminder:med-cases-english:" + today)).singleElement()
                .satisfies(m -> assertThat((String) m.get("SUBJECT")).startsWith("您承辦的調解案件期限提醒"));
    }

    @Test
    void full_width_id_numbers_and_phones_with_a_country_code_or_an_extension_are_accepted_and_kept_in_a_normal_form() {
        // what a Chinese input method types: full-width digits and letters
        StringBuilder fullWidth = new StringBuilder();
        MediationTestSupport.VALID_ID.chars().forEach(c -> fullWidth.append((char) (c + 0xFEE0)));
        Map<String, String> phones = Map.of("+86 138 0013 8000", "13800138000", "0086 13800138000", "13800138000",
                "010-12345678-123", "010-12345678-123", "（010）12345678转123", "01012345678-123",
                "１３８００１３８０００", "13800138000");
        phones.forEach((typed, kept) -> {
            MediationApplication a = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
            MediationApplication b = new MediationApplication(a.category(), a.applicantKind(), a.applicantName(), a.idType(),
                    fullWidth.toString(), typed, a.email(), a.address(), a.otherPartyName(), a.otherPartyContact(), a.facts(),
                    a.request(), a.preferredTimes(), a.preferOnline(), a.consent(), a.submissionToken());
            assertThat(service.check(b)).as(typed).isEmpty();
            SubmissionReceipt r = service.submit(b, Locale.SIMPLIFIED_CHINESE);
            Map<String, Object> row = jdbc.queryForMap(
                    "select phone, id_number_masked from mediation_case where case_number = ?", r.caseNumber());
            assertThat(row.get("PHONE")).as(typed).isEqualTo(kept);
            assertThat(row.get("ID_NUMBER_MASKED")).isEqualTo("110***********002X");
        });
    }

    /** A session time three days ahead, to the minute as the page's picker sends it. */
    private java.time.Instant inThreeDays() {
        return clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    @Test
    void a_scheduled_session_moves_to_a_new_time_and_both_parties_are_told_it_is_a_new_time() {
        SubmissionReceipt r = agreedCase("shop-moved@example.cn", "med-cases-moved");
        String n = r.caseNumber();
        java.time.Instant first = inThreeDays();
        backOffice.scheduleSession(n, first, "三楼调解室");
        int toApplicant = mails("mediation-step:" + n + ":").size();
        int toOther = mails("mediation-other:" + n + ":").size();

        assertThatThrownBy(() -> backOffice.rescheduleSession(n, clock.instant().minusSeconds(60), "四楼调解室"))
                .isInstanceOf(ValidationFailure.class);
        assertThatThrownBy(() -> backOffice.rescheduleSession(n, first, "三楼调解室"))
                .as("the same time and place is no new time").isInstanceOfSatisfying(ValidationFailure.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("mediation.error.sessionUnchanged"));
        assertThat(mails("mediation-step:" + n + ":")).as("nothing sent for a refused change").hasSize(toApplicant);

        java.time.Instant later = first.plus(Duration.ofDays(2));
        CaseTracking moved = backOffice.rescheduleSession(n, later, "四楼调解室");
        assertThat(moved.status()).isEqualTo(CaseStatus.SESSION_SCHEDULED);
        assertThat(moved.sessionAt()).isEqualTo(later);
        assertThat(moved.sessionPlace()).isEqualTo("四楼调解室");
        assertThat(moved.history()).last().satisfies(s -> assertThat(s.kind()).isEqualTo("RESCHEDULED"));
        String newTime = MediationService.DATE_TIME.format(later.atZone(settings.zone()));
        assertThat(mails("mediation-step:" + n + ":")).hasSize(toApplicant + 1).last().satisfies(m -> {
            assertThat((String) m.get("SUBJECT")).contains("调解时间已变更");
            assertThat((String) m.get("TEXT_BODY")).contains("新的调解时间：" + newTime, "四楼调解室");
        });
        assertThat(mails("mediation-other:" + n + ":")).hasSize(toOther + 1).last().satisfies(m -> {
            assertThat(m.get("RECIPIENT")).isEqualTo("shop-moved@example.cn");
            assertThat((String) m.get("TEXT_BODY")).contains("新的调解时间：" + newTime, "四楼调解室");
        });
        SecurityContextHolder.clearContext();
        assertThat(service.status(n, r.accessCode())).hasValueSatisfying(a -> assertThat(a.status())
                .isEqualTo(CaseStatus.SESSION_SCHEDULED));
    }

    @Test
    void a_step_sent_from_a_page_built_before_another_officers_step_is_refused_and_writes_nothing() {
        SubmissionReceipt r = agreedCase("shop-stale@example.cn", "med-cases-stale");
        String n = r.caseNumber();
        java.time.Instant first = inThreeDays();
        backOffice.scheduleSession(n, first, "三楼调解室");
        long seen = backOffice.caseFile(n).version();
        java.time.Instant moved = first.plus(Duration.ofDays(1));
        backOffice.unchangedSince(n, seen, () -> backOffice.rescheduleSession(n, moved, "三楼调解室"));
        int toApplicant = mails("mediation-step:" + n + ":").size();
        int toOther = mails("mediation-other:" + n + ":").size();

        // the page built before the move still shows the first time: only its place was changed there
        assertThatThrownBy(() -> backOffice.unchangedSince(n, seen, () -> backOffice.rescheduleSession(n, first, "五楼调解室")))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> backOffice.unchangedSince(n, seen, () -> backOffice.extend(n, "当事人要求延期")))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        CaseFile now = backOffice.caseFile(n);
        assertThat(now.tracking().sessionAt()).as("the other officer's move stays").isEqualTo(moved);
        assertThat(now.tracking().sessionPlace()).isEqualTo("三楼调解室");
        assertThat(now.tracking().extended()).isFalse();
        assertThat(mails("mediation-step:" + n + ":")).as("nobody is mailed").hasSize(toApplicant);
        assertThat(mails("mediation-other:" + n + ":")).hasSize(toOther);

        assertThat(backOffice.unchangedSince(n, now.version(), () -> backOffice.rescheduleSession(n, moved, "五楼调解室"))
                .sessionPlace()).as("a page built from the current version may").isEqualTo("五楼调解室");
    }

    @Test
    void a_session_after_the_mediation_deadline_is_refused_naming_the_deadline_and_the_extension_while_it_is_possible() {
        SubmissionReceipt r = agreedCase("shop-deadline@example.cn", "med-cases-deadline");
        String n = r.caseNumber();
        LocalDate due = backOffice.caseFile(n).tracking().mediationDue();
        int toApplicant = mails("mediation-step:" + n + ":").size();

        java.time.Instant farAway = java.time.LocalDateTime.of(9999, 12, 31, 23, 59).atZone(settings.zone()).toInstant();
        assertThat(refused(() -> backOffice.scheduleSession(n, farAway, "三楼调解室"), "sessionAt"))
                .isEqualTo("调解期限到" + due + "为止，请选择这一天或更早的调解时间。需要更晚的时间时，请先延长调解期限。");
        java.time.Instant dayAfter = due.plusDays(1).atTime(9, 0).atZone(settings.zone()).toInstant();
        assertThat(refused(() -> backOffice.scheduleSession(n, dayAfter, "三楼调解室"), "sessionAt")).contains(due.toString());
        assertThat(mails("mediation-step:" + n + ":")).as("nothing mailed for a refused time").hasSize(toApplicant);

        java.time.Instant lastDay = due.atTime(16, 30).atZone(settings.zone()).toInstant();
        assertThat(backOffice.scheduleSession(n, lastDay, "三楼调解室").sessionAt()).as("the last day itself").isEqualTo(lastDay);
        LocalDate extended = backOffice.extend(n, "当事人需要更多时间").mediationDue();
        assertThat(refused(() -> backOffice.rescheduleSession(n, farAway, "三楼调解室"), "sessionAt"))
                .as("once extended, no extension is offered").isEqualTo("调解期限到" + extended + "为止，请选择这一天或更早的调解时间。");
        assertThat(backOffice.rescheduleSession(n, dayAfter, "三楼调解室").sessionAt()).isEqualTo(dayAfter);
    }

    @Test
    void the_timeline_keeps_the_time_of_every_scheduling_and_move_of_the_session() {
        SubmissionReceipt r = agreedCase("shop-timeline@example.cn", "med-cases-timeline");
        String n = r.caseNumber();
        java.time.Instant first = inThreeDays();
        backOffice.scheduleSession(n, first, "三楼调解室");
        java.time.Instant moved = first.plus(Duration.ofDays(1));
        List<CaseTracking.Step> history = backOffice.rescheduleSession(n, moved, "三楼调解室").history();

        assertThat(history).filteredOn(s -> s.sessionAt() != null)
                .extracting(s -> s.changesState() ? s.to().name() : s.kind(), CaseTracking.Step::sessionAt, CaseTracking.Step::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SESSION_SCHEDULED", first, "三楼调解室"),
                        org.assertj.core.groups.Tuple.tuple("RESCHEDULED", moved, "三楼调解室"));
    }

    @Test
    void mediation_fails_with_its_reason_when_the_session_never_comes_about() {
        SubmissionReceipt r = agreedCase("shop-failed@example.cn", "med-cases-failed-early");
        String n = r.caseNumber();
        assertThatThrownBy(() -> backOffice.fail(n, " ")).isInstanceOf(ValidationFailure.class);
        CaseTracking failed = backOffice.fail(n, "对方事后拒绝参加调解");
        assertThat(failed.status()).isEqualTo(CaseStatus.FAILED);
        assertThat(mails("mediation-step:" + n + ":")).last().satisfies(m -> assertThat((String) m.get("TEXT_BODY"))
                .contains("调解不成", "对方事后拒绝参加调解", "行政复议"));
        assertThat(backOffice.close(n, null).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void a_reprinted_acceptance_notice_states_the_mediation_deadline_decided_at_acceptance_not_the_extended_one() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        String n = r.caseNumber();
        officer("med-cases-notice", "sample-market-regulation");
        backOffice.accept(n, null);
        LocalDate acceptedOn = LocalDate.now(clock.withZone(settings.zone()));
        LocalDate decided = workingCalendar.current().plus(acceptedOn, settings.mediationDays());
        assertThat(backOffice.document(n, MediationDocument.ACCEPTANCE_NOTICE, Locale.SIMPLIFIED_CHINESE).mediationDue())
                .isEqualTo(decided);
        backOffice.extend(n, "需要补充鉴定");
        assertThat(backOffice.caseFile(n).tracking().mediationDue()).as("the case runs to the extended deadline")
                .isEqualTo(workingCalendar.current().plus(acceptedOn, settings.mediationDays() + settings.extensionDays()));
        DocumentData reprint = backOffice.document(n, MediationDocument.ACCEPTANCE_NOTICE, Locale.SIMPLIFIED_CHINESE);
        assertThat(reprint.issuedOn()).isEqualTo(acceptedOn);
        assertThat(reprint.mediationDue()).isEqualTo(decided);
        SecurityContextHolder.clearContext();
        assertThat(service.applicantDocument(n, r.accessCode(), MediationDocument.ACCEPTANCE_NOTICE, Locale.ENGLISH))
                .hasValueSatisfying(d -> assertThat(d.mediationDue()).isEqualTo(decided));
    }

    @Test
    void a_step_that_lost_the_race_to_another_officer_fails_with_a_version_conflict_and_writes_nothing() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "race@example.cn"),
                Locale.SIMPLIFIED_CHINESE);
        String n = r.caseNumber();
        officer("med-cases-race", "sample-market-regulation");
        org.springframework.security.core.Authentication me = SecurityContextHolder.getContext().getAuthentication();
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        // this officer's step holds the case as loaded before another officer's step is stored: the views catch this
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            caseRepository.findByCaseNumber(n).orElseThrow();
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                SecurityContextHolder.getContext().setAuthentication(me);
                try {
                    backOffice.accept(n, "材料齐全");
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }).join();
            backOffice.notAccept(n, "不属于本机关职责");
        })).isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(backOffice.caseFile(n).tracking().history()).extracting(CaseTracking.Step::to)
                .containsExactly(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED);
        assertThat(mails("mediation-step:" + n + ":")).as("only the step stored was mailed").hasSize(1);
    }

    @Test
    void an_over_long_note_is_refused_on_every_step_that_takes_one_and_nothing_is_written() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "zhang@example.cn"),
                Locale.SIMPLIFIED_CHINESE);
        String n = r.caseNumber();
        officer("med-cases-notes", "sample-market-regulation");
        String tooLong = "注".repeat(MediationService.MAX_REASON + 1);
        Long caseId = jdbc.queryForObject("select id from mediation_case where case_number = ?", Long.class, n);
        int transitions = jdbc.queryForObject("select count(*) from mediation_transition where case_id = ?", Integer.class, caseId);
        int stepMails = mails("mediation-step:" + n + ":").size();

        assertThatThrownBy(() -> backOffice.accept(n, tooLong))
                .isInstanceOfSatisfying(ValidationFailure.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("reason");
                        assertThat(p.messageKey()).as("a note that was filled is not asked for").isEqualTo("mediation.error.maxLength");
                        assertThat(translations.get(Translations.ZH_CN, p.messageKey(), p.args()))
                                .isEqualTo("内容过长：最多2000个字，请删减。");
                    });
                });
        assertThat(backOffice.caseFile(n).tracking().status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(jdbc.queryForObject("select count(*) from mediation_transition where case_id = ?", Integer.class, caseId))
                .as("nothing written").isEqualTo(transitions);
        assertThat(mails("mediation-step:" + n + ":")).as("nobody told").hasSize(stepMails);

        backOffice.accept(n, "注".repeat(MediationService.MAX_REASON));
        assertThatThrownBy(() -> backOffice.inviteOtherParty(n, tooLong)).isInstanceOf(ValidationFailure.class);
        backOffice.inviteOtherParty(n, null);
        assertThatThrownBy(() -> backOffice.otherPartyAgreed(n, tooLong)).isInstanceOf(ValidationFailure.class);
        assertThatThrownBy(() -> backOffice.close(n, tooLong)).isInstanceOf(ValidationFailure.class);
        assertThat(backOffice.caseFile(n).tracking().status()).isEqualTo(CaseStatus.OTHER_PARTY_INVITED);
        assertThat(jdbc.queryForObject("select count(*) from mediation_transition where case_id = ?", Integer.class, caseId))
                .isEqualTo(transitions + 2);
    }

    @Test
    void an_officer_of_another_agency_gets_not_found_for_every_way_into_a_case() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.LABOUR, null), Locale.SIMPLIFIED_CHINESE);
        officer("med-cases-market", "sample-market-regulation");
        String n = r.caseNumber();
        List<Runnable> ways = List.of(() -> backOffice.caseFile(n), () -> backOffice.accept(n, null),
                () -> backOffice.assignMediator(n, "med-cases-market"), () -> backOffice.mediatorCandidates(n),
                () -> backOffice.sendMessage(n, "你好"), () -> backOffice.evidence(n, 1L),
                () -> backOffice.document(n, MediationDocument.ACCEPTANCE_NOTICE, Locale.SIMPLIFIED_CHINESE),
                () -> backOffice.caseFile("TJ-2001-000001"), () -> backOffice.caseFile("../../etc"));
        for (Runnable way : ways) {
            assertThatThrownBy(way::run).isInstanceOf(CaseNotFoundException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from mediation_audit where case_number = ?", Integer.class, n)).isZero();
        assertThat(service.track(n, r.accessCode())).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED));
    }

    /** The single problem of a refused call: its field and its message in simplified Chinese. */
    private String refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        ValidationFailure failure = catchThrowableOfType(ValidationFailure.class, call);
        assertThat(failure).as("refused").isNotNull();
        assertThat(failure.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo(field));
        ValidationFailure.FieldProblem p = failure.problems().get(0);
        return translations.get(Translations.ZH_CN, p.messageKey(), p.args());
    }

    @Test
    void control_characters_in_an_officers_texts_are_refused_with_their_own_message_and_nothing_is_written() {
        SubmissionReceipt r = service.submit(withOtherParty("shop-bel@example.cn"), Locale.SIMPLIFIED_CHINESE);
        String n = r.caseNumber();
        officer("med-cases-bel", "sample-market-regulation");
        Long caseId = jdbc.queryForObject("select id from mediation_case where case_number = ?", Long.class, n);
        String control = "请删除文本中的控制字符（换行和制表符可以保留）。";
        String oneLine = "请写在一行内，不要包含换行符或其他控制字符。";

        assertThat(refused(() -> backOffice.accept(n, "受理\u0007说明"), "reason")).isEqualTo(control);
        assertThat(refused(() -> backOffice.notAccept(n, "不予\u001b受理"), "reason")).isEqualTo(control);
        assertThat(refused(() -> backOffice.sendMessage(n, "请补充\u0007凭证"), "message"))
                .as("a message that was written is not asked for").isEqualTo(control);
        assertThat(backOffice.caseFile(n).tracking().status()).isEqualTo(CaseStatus.SUBMITTED);
        backOffice.accept(n, "第一行\n第二行\t附注");
        assertThat(refused(() -> backOffice.inviteOtherParty(n, "邀请\u0007测试", null, null), "reason")).isEqualTo(control);
        assertThat(refused(() -> backOffice.extend(n, "延长\u0000期限"), "reason")).isEqualTo(control);
        backOffice.inviteOtherParty(n, null);
        assertThat(refused(() -> backOffice.otherPartyDeclined(n, "拒绝\u0007调解"), "reason")).isEqualTo(control);
        assertThat(refused(() -> backOffice.otherPartyAgreed(n, "同意\u202e调解"), "reason"))
                .as("a right-to-left override shows text in another order").isEqualTo(control);
        backOffice.otherPartyAgreed(n, null);
        java.time.Instant at = inThreeDays();
        assertThat(refused(() -> backOffice.scheduleSession(n, at, "本局\u0007三楼"), "sessionPlace")).isEqualTo(oneLine);
        assertThat(refused(() -> backOffice.scheduleSession(n, at, "本局\n三楼"), "sessionPlace"))
                .as("a place is one line: it goes into a mail's line and the invitation's").isEqualTo(oneLine);
        assertThat(refused(() -> backOffice.scheduleSession(n, at, "楼".repeat(MediationBackOffice.MAX_PLACE + 1)),
                "sessionPlace")).isEqualTo("内容过长：最多500个字，请删减。");
        assertThat(refused(() -> backOffice.agreementReached(n, "赔偿\u0007五百元"), "terms")).isEqualTo(control);
        assertThat(refused(() -> backOffice.fail(n, "调解\u0007不成"), "reason")).isEqualTo(control);
        assertThat(refused(() -> backOffice.close(n, "结案\u0007"), "reason")).isEqualTo(control);
        assertThat(jdbc.queryForObject("select count(*) from mediation_transition where case_id = ? and reason like ?",
                Integer.class, caseId, "%\u0007%")).as("no step stored with a control character").isZero();
        assertThat(jdbc.queryForObject("select count(*) from mediation_message where case_id = ?", Integer.class, caseId))
                .as("no message stored").isZero();

        backOffice.scheduleSession(n, at, "本局三楼调解室");
        assertThat(backOffice.caseFile(n).tracking().history()).extracting(CaseTracking.Step::reason)
                .contains("第一行\n第二行\t附注", "本局三楼调解室");
    }

    @Test
    void a_letters_names_and_facts_refuse_control_characters_and_nothing_is_stored_or_mailed() {
        officer("med-cases-letter-bel", "sample-market-regulation");
        int stored = letterRepository.findAll().size();
        ValidationFailure failure = catchThrowableOfType(ValidationFailure.class, () -> letters.compose(new LetterInput(
                LetterInput.Situation.COMPLAINT, DisputeCategory.CONSUMER, "刘\u0007某某", "liu-bel@example.cn", "zh-CN",
                "示例\u0007超市", "刘某某投诉示例超市出售过期食品\u0007，要求赔偿。")));
        assertThat(failure.problems()).extracting(p -> p.field() + ":" + translations.get(Translations.ZH_CN, p.messageKey(), p.args()))
                .containsExactlyInAnyOrder("partyName:请写在一行内，不要包含换行符或其他控制字符。",
                        "otherPartyName:请写在一行内，不要包含换行符或其他控制字符。",
                        "facts:请删除文本中的控制字符（换行和制表符可以保留）。");
        assertThat(catchThrowableOfType(ValidationFailure.class, () -> letters.compose(new LetterInput(
                LetterInput.Situation.COMPLAINT, DisputeCategory.CONSUMER, "刘某某", null, "zh-CN", "示例\n超市",
                "刘某某投诉示例超市出售过期食品，\n要求赔偿。"))).problems())
                .as("a name is one line; facts may hold line breaks")
                .extracting(ValidationFailure.FieldProblem::field).containsExactly("otherPartyName");
        assertThat(letterRepository.findAll()).hasSize(stored);
        assertThat(mails("mediation-letter:")).noneSatisfy(m -> assertThat(m.get("RECIPIENT")).isEqualTo("liu-bel@example.cn"));

        LetterView written = letters.compose(new LetterInput(LetterInput.Situation.COMPLAINT, DisputeCategory.CONSUMER, "刘某某",
                null, "zh-CN", "示例超市", "刘某某投诉示例超市出售过期食品，\n要求赔偿。"));
        assertThat(written.facts()).isEqualTo("刘某某投诉示例超市出售过期食品，\n要求赔偿。");
    }

    @Test
    void an_applications_name_with_a_control_character_or_too_long_is_told_so_not_asked_to_be_filled() {
        MediationApplication a = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        java.util.function.Function<MediationApplication, Map<String, String>> messages = application -> service.check(application)
                .stream().collect(java.util.stream.Collectors.toMap(ValidationFailure.FieldProblem::field,
                        p -> translations.get(Translations.ZH_CN, p.messageKey(), p.args())));
        Map<String, String> problems = messages.apply(new MediationApplication(a.category(), a.applicantKind(), "陈\u0007申请",
                a.idType(), a.idNumber(), a.phone(), a.email(), "示例路\u00071号", "示".repeat(MediationService.MAX_NAME + 1),
                a.otherPartyContact(), a.facts(), a.request(), a.preferredTimes(), a.preferOnline(), a.consent(),
                a.submissionToken()));
        assertThat(problems).containsEntry("applicantName", "请写在一行内，不要包含换行符或其他控制字符。")
                .containsEntry("address", "请删除文本中的控制字符（换行和制表符可以保留）。")
                .containsEntry("otherPartyName", "内容过长：最多100个字，请删减。");
        assertThat(messages.apply(new MediationApplication(a.category(), a.applicantKind(), "陈", a.idType(), a.idNumber(),
                a.phone(), a.email(), a.address(), a.otherPartyName(), a.otherPartyContact(), a.facts(), a.request(),
                a.preferredTimes(), a.preferOnline(), a.consent(), a.submissionToken())))
                .as("a name too short is asked for as before")
                .containsEntry("applicantName", "请填写姓名或单位名称（2至100个字）。");
    }

    @Test
    void officer_and_applicant_exchange_messages_and_the_applicant_is_told_by_mail() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "msg@example.cn"),
                Locale.SIMPLIFIED_CHINESE);
        officer("med-cases-market", "sample-market-regulation");
        assertThatThrownBy(() -> backOffice.sendMessage(r.caseNumber(), "  ")).isInstanceOf(ValidationFailure.class);
        backOffice.sendMessage(r.caseNumber(), "请补充购物小票的照片。");
        assertThat(mails("mediation-message:" + r.caseNumber() + ":")).singleElement()
                .satisfies(m -> assertThat((String) m.get("SUBJECT")).contains(r.caseNumber(), "新留言"));
        SecurityContextHolder.clearContext();

        CaseTracking seen = service.track(r.caseNumber(), r.accessCode()).orElseThrow();
        assertThat(seen.messages()).singleElement().satisfies(m -> {
            assertThat(m.fromApplicant()).isFalse();
            assertThat(m.body()).isEqualTo("请补充购物小票的照片。");
        });
        assertThatThrownBy(() -> service.reply(r.caseNumber(), r.accessCode(), "x".repeat(2001), null))
                .isInstanceOf(ValidationFailure.class);
        assertThat(service.reply(r.caseNumber(), "WRONGCODE234", "你好", null)).isEmpty();
        service.reply(r.caseNumber(), r.accessCode(), "已上传，谢谢。", null);
        assertThat(mails("mediation-mediator-message:" + r.caseNumber() + ":")).as("no mediator assigned, no personal mail")
                .isEmpty();

        officer("med-cases-market", "sample-market-regulation");
        assertThat(backOffice.caseFile(r.caseNumber()).tracking().messages()).extracting(CaseMessageView::body)
                .containsExactly("请补充购物小票的照片。", "已上传，谢谢。");
        // the applicant wrote last: the queue and the workbench say an answer is due
        assertThat(queued(r.caseNumber()).applicantWaiting()).isTrue();
        int waiting = backOffice.workload("sample-market-regulation").applicantsWaiting();
        assertThat(waiting).isPositive();
        backOffice.sendMessage(r.caseNumber(), "收到，我们会尽快联系商家。");
        assertThat(queued(r.caseNumber()).applicantWaiting()).isFalse();
        assertThat(backOffice.workload("sample-market-regulation").applicantsWaiting()).isEqualTo(waiting - 1);
    }

    @Test
    void no_message_can_be_sent_to_the_applicant_of_a_finished_case() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "finished@example.cn"),
                Locale.SIMPLIFIED_CHINESE);
        String n = r.caseNumber();
        officer("med-cases-finished", "sample-market-regulation");
        backOffice.notAccept(n, "已由法院受理");
        assertThatThrownBy(() -> backOffice.sendMessage(n, "请回复我们。"))
                .isInstanceOfSatisfying(ValidationFailure.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("message");
                    assertThat(translations.get(Translations.ZH_CN, p.messageKey(), p.args())).contains("已终结");
                }));
        assertThat(backOffice.caseFile(n).tracking().messages()).as("nothing written").isEmpty();
        assertThat(mails("mediation-message:" + n + ":")).as("nobody told to reply").isEmpty();
    }

    @Test
    void a_draft_is_stored_encrypted_and_resumed_with_every_field() {
        MediationApplication typed = new MediationApplication(DisputeCategory.TRAFFIC_ACCIDENT, ApplicantKind.ORGANISATION,
                "示例物流有限公司", IdType.CREDIT_CODE, "91110000100000000X", "010-12345678", "fleet@example.cn", "示例路8号",
                "李四", "13900139000", "车辆在路口被追尾，对方拒绝赔偿修理费。", null, "周三上午", true, false,
                UUID.randomUUID().toString());
        String code = service.saveDraft(typed, null);
        assertThat(code).hasSize(12);
        String stored = jdbc.queryForObject("select payload from mediation_draft order by id desc limit 1", String.class);
        assertThat(stored).doesNotContain("示例物流", "91110000100000000X", "fleet@example.cn");

        assertThat(service.resumeDraft(code.toLowerCase(Locale.ROOT), null)).contains(typed);
        MediationApplication more = new MediationApplication(typed.category(), typed.applicantKind(), typed.applicantName(),
                typed.idType(), typed.idNumber(), typed.phone(), typed.email(), typed.address(), typed.otherPartyName(),
                typed.otherPartyContact(), typed.facts(), "赔偿修理费 3000 元", typed.preferredTimes(), true, true,
                typed.submissionToken());
        assertThat(service.saveDraft(more, code)).isEqualTo(code);
        assertThat(service.resumeDraft(code, null)).contains(more);
        assertThat(service.resumeDraft("AAAAAAAAAAAA", null)).isEmpty();
        service.discardDraft(code);
        assertThat(service.resumeDraft(code, null)).isEmpty();
    }

    @Test
    void one_client_stores_a_bounded_number_of_evidence_files_and_drafts_however_many_applications_it_starts() {
        limiter.reset();
        try {
            int allowed = 3 * settings.evidenceMaxFiles();
            for (int i = 0; i < allowed; i++) {
                // a new page load starts a new application with a new token
                String token = MediationTestSupport.application(DisputeCategory.CONSUMER, null).submissionToken();
                service.upload(token, "scan" + i + ".pdf", EvidenceFilesTest.PDF, "203.0.113.50");
            }
            String next = MediationTestSupport.application(DisputeCategory.CONSUMER, null).submissionToken();
            Integer stored = jdbc.queryForObject("select count(*) from mediation_evidence", Integer.class);
            assertThatThrownBy(() -> service.upload(next, "one-more.pdf", EvidenceFilesTest.PDF, "203.0.113.50"))
                    .isInstanceOf(RateLimitedException.class);
            assertThat(jdbc.queryForObject("select count(*) from mediation_evidence", Integer.class)).isEqualTo(stored);
            // a file refused (here: one more than an application may have) does not count against the client
            String full = MediationTestSupport.application(DisputeCategory.CONSUMER, null).submissionToken();
            for (int i = 0; i < settings.evidenceMaxFiles(); i++) {
                service.upload(full, "page" + i + ".pdf", EvidenceFilesTest.PDF, "203.0.113.53");
            }
            for (int i = 0; i < allowed; i++) {
                assertThatThrownBy(() -> service.upload(full, "too-many.pdf", EvidenceFilesTest.PDF, "203.0.113.53"))
                        .isInstanceOf(ValidationFailure.class);
            }
            String fresh = MediationTestSupport.application(DisputeCategory.CONSUMER, null).submissionToken();
            assertThat(service.upload(fresh, "still-allowed.pdf", EvidenceFilesTest.PDF, "203.0.113.53").fileName())
                    .isEqualTo("still-allowed.pdf");
            assertThat(service.upload(next, "other-client.pdf", EvidenceFilesTest.PDF, "203.0.113.51").fileName())
                    .isEqualTo("other-client.pdf");

            MediationApplication draft = MediationTestSupport.application(DisputeCategory.LABOUR, null);
            // the wizard saves its draft at every change: updating the same draft does not count
            String kept = service.saveDraft(draft, null, "203.0.113.52");
            for (int i = 0; i < 2 * MediationRateLimiter.DRAFTS_PER_WINDOW; i++) {
                assertThat(service.saveDraft(draft, kept, "203.0.113.52")).isEqualTo(kept);
            }
            for (int i = 1; i < MediationRateLimiter.DRAFTS_PER_WINDOW; i++) {
                service.saveDraft(draft, null, "203.0.113.52");
            }
            assertThatThrownBy(() -> service.saveDraft(draft, null, "203.0.113.52")).isInstanceOf(RateLimitedException.class);
            assertThat(service.saveDraft(draft, kept, "203.0.113.52")).isEqualTo(kept);
        } finally {
            limiter.reset();
        }
    }

    @Test
    void evidence_is_checked_by_content_and_size_stored_outside_the_web_root_attached_on_submission_and_downloadable() {
        MediationApplication a = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        String token = a.submissionToken();
        assertThatThrownBy(() -> service.upload(token, "receipt.pdf", EvidenceFilesTest.EXE))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems().get(0).messageKey())
                        .isEqualTo("mediation.error.evidence.type"));
        byte[] big = new byte[(int) (settings.evidenceMaxBytes() + 1)];
        System.arraycopy(EvidenceFilesTest.PDF, 0, big, 0, EvidenceFilesTest.PDF.length);
        assertThatThrownBy(() -> service.upload(token, "big.pdf", big))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems().get(0).messageKey())
                        .isEqualTo("mediation.error.evidence.size"));
        assertThatThrownBy(() -> service.upload(token, "empty.pdf", new byte[0])).isInstanceOf(ValidationFailure.class);

        EvidenceInfo photo = service.upload(token, "小票.png", EvidenceFilesTest.PNG);
        EvidenceInfo scan = service.upload(token, "../../合同.pdf", EvidenceFilesTest.PDF);
        assertThat(scan.fileName()).doesNotContain("/");
        assertThat(service.uploaded(token)).extracting(EvidenceInfo::id).containsExactly(photo.id(), scan.id());
        service.removeUpload(token, photo.id());
        assertThat(service.uploaded(token)).extracting(EvidenceInfo::id).containsExactly(scan.id());

        String storedName = jdbc.queryForObject("select stored_name from mediation_evidence where id = ?", String.class, scan.id());
        Path file = portal.dataDir().resolve("mediation-evidence").resolve(storedName);
        assertThat(file).exists();
        assertThat(storedName).doesNotContain("合同");

        SubmissionReceipt r = service.submit(a, Locale.SIMPLIFIED_CHINESE);
        assertThatThrownBy(() -> service.upload(token, "late.pdf", EvidenceFilesTest.PDF)).isInstanceOf(ValidationFailure.class);
        officer("med-cases-market", "sample-market-regulation");
        CaseFile f = backOffice.caseFile(r.caseNumber());
        assertThat(f.evidence()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("application/pdf"));
        MediationBackOffice.EvidenceContent content = backOffice.evidence(r.caseNumber(), scan.id());
        assertThat(content.bytes()).isEqualTo(EvidenceFilesTest.PDF);
        assertThatThrownBy(() -> backOffice.evidence(r.caseNumber(), photo.id())).isInstanceOf(CaseNotFoundException.class);
        admin();
        assertThat(audit.entries(r.caseNumber())).extracting(AuditRecord::action).contains("DOWNLOAD");
    }

    @Test
    void submissions_and_code_guesses_are_rate_limited_per_client_with_a_clear_answer() throws Exception {
        String client = "203.0.113." + (int) (Math.random() * 200);
        limiter.reset();
        for (int i = 0; i < settings.submissionsPerWindow(); i++) {
            service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE, client, null);
        }
        MediationApplication one = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        assertThatThrownBy(() -> service.submit(one, Locale.SIMPLIFIED_CHINESE, client, null))
                .isInstanceOf(RateLimitedException.class);
        SubmissionReceipt other = service.submit(one, Locale.SIMPLIFIED_CHINESE, "198.51.100.1", null);
        assertThat(service.submit(one, Locale.SIMPLIFIED_CHINESE, client, null).duplicate())
                .as("a resend of an application already made is answered, not counted").isTrue();

        for (int i = 0; i < settings.codeGuessesPerWindow(); i++) {
            assertThat(service.track(other.caseNumber(), "GUESS" + i, client)).isEmpty();
        }
        assertThatThrownBy(() -> service.track(other.caseNumber(), other.accessCode(), client))
                .as("even the right code is refused while the client is blocked").isInstanceOf(RateLimitedException.class);
        assertThat(service.track(other.caseNumber(), other.accessCode(), "198.51.100.1")).isPresent();

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        mvc.perform(get("/api/v1/mediation/status").param("number", other.caseNumber()).param("code", other.accessCode())
                        .with(request -> {
                            request.setRemoteAddr(client);
                            return request;
                        }))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value("rate_limited"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("分钟")));
        limiter.reset();
    }

    @Test
    void a_case_takes_a_limited_number_of_applicant_messages_per_window_and_a_refused_one_is_neither_stored_nor_mailed() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt other = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        String n = r.caseNumber();
        // an empty message and a wrong code use up none of the case's messages
        assertThatThrownBy(() -> service.reply(n, r.accessCode(), "  ", null)).isInstanceOf(ValidationFailure.class);
        assertThat(service.reply(n, "WRONGCODE234", "你好", "test-messages-guess")).isEmpty();
        int allowed = settings.messagesPerWindow();
        for (int i = 0; i < allowed; i++) {
            // from ever new clients: the limit is the case's, not a client's
            service.reply(n, r.accessCode(), "补充说明第" + i + "条。", "test-messages-" + UUID.randomUUID());
        }
        assertThatThrownBy(() -> service.reply(n, r.accessCode(), "再补充一点。", "test-messages-" + UUID.randomUUID()))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("message");
                    assertThat(p.messageKey()).isEqualTo("mediation.error.tooManyMessages");
                    assertThat(translations.get(Translations.ZH_CN, p.messageKey(), p.args()))
                            .contains(allowed + "条留言", settings.rateWindow().toMinutes() + "分钟内", "已保留");
                    assertThat(translations.get(Locale.ENGLISH, p.messageKey(), p.args()))
                            .contains(allowed + " messages", "what you typed is kept");
                }));
        assertThat(service.track(n, r.accessCode()).orElseThrow().messages()).extracting(CaseMessageView::body)
                .hasSize(allowed).doesNotContain("再补充一点。");
        assertThat(mails("mediation-agency-message:" + n + ":")).as("one notice per message taken").hasSize(allowed);
        assertThat(service.reply(other.caseNumber(), other.accessCode(), "另一件案子的留言。", null)).as("another case")
                .hasValueSatisfying(t -> assertThat(t.messages()).hasSize(1));
    }

    @Test
    void parallel_wrong_guesses_of_one_client_never_get_past_the_limit() throws Exception {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        String client = "test-guesses-" + UUID.randomUUID();
        int attempts = settings.codeGuessesPerWindow() + 10;
        int tried = cn.gov.enforcement.portal.testsupport.AtOnce.count(attempts, i -> {
            try {
                assertThat(service.track(r.caseNumber(), "GUESS" + i, client)).isEmpty();
                return true;
            } catch (RateLimitedException limited) {
                return false;
            }
        });
        assertThat(tried).as("wrong codes looked up, however many were sent at once").isEqualTo(settings.codeGuessesPerWindow());
        assertThatThrownBy(() -> service.track(r.caseNumber(), r.accessCode(), client)).isInstanceOf(RateLimitedException.class);
        assertThat(service.track(r.caseNumber(), r.accessCode(), "test-guesses-other")).as("right look-ups do not count")
                .isPresent();
        assertThat(service.track(r.caseNumber(), r.accessCode(), "test-guesses-other")).isPresent();
    }

    @Test
    void a_letter_pre_fills_the_application_and_stays_within_its_agency() {
        officer("med-cases-market", "sample-market-regulation");
        assertThatThrownBy(() -> letters.compose(new LetterInput(null, null, "", "bad", "en", "", "短")))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(ValidationFailure.FieldProblem::field)
                        .containsExactlyInAnyOrder("situation", "category", "partyName", "partyEmail", "otherPartyName", "facts"));
        LetterView letter = letters.compose(new LetterInput(LetterInput.Situation.COMPLAINT, DisputeCategory.CONSUMER, "王五",
                "wangwu@example.cn", "en", "示例超市", "王五投诉示例超市出售过期食品，要求赔偿。"));
        assertThat(letter.applyPath()).isEqualTo("mediation/apply?letter=" + letter.code());
        assertThat(mails("mediation-letter:" + letter.code())).singleElement().satisfies(m -> {
            assertThat(m.get("RECIPIENT")).isEqualTo("wangwu@example.cn");
            assertThat((String) m.get("TEXT_BODY")).contains("administrative mediation", settings.link(letter.applyPath()));
            assertThat((String) m.get("TEXT_BODY")).as("the link names the party's language")
                    .contains(settings.link("mediation/apply?letter=" + letter.code() + "&lang=en") + "\n");
        });
        assertThat(letters.ownLetters()).extracting(LetterView::code).contains(letter.code());

        officer("med-cases-traffic", "sample-traffic-police");
        assertThatThrownBy(() -> letters.letter(letter.code())).isInstanceOf(CaseNotFoundException.class);
        assertThat(letters.ownLetters()).extracting(LetterView::code).doesNotContain(letter.code());
        SecurityContextHolder.clearContext();

        LetterPrefill fromLetter = service.prefill(letter.code(), null).orElseThrow();
        assertThat(fromLetter.language()).as("the party's language, for the page the link opens").isEqualTo(Locale.ENGLISH);
        MediationApplication prefilled = fromLetter.application();
        assertThat(prefilled.category()).isEqualTo(DisputeCategory.CONSUMER);
        assertThat(prefilled.applicantName()).isEqualTo("王五");
        assertThat(prefilled.otherPartyName()).isEqualTo("示例超市");
        assertThat(prefilled.facts()).contains("过期食品");
        assertThat(service.prefill("NOSUCHLETTER", null)).isEmpty();

        MediationApplication base = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        SubmissionReceipt r = service.submit(base, Locale.SIMPLIFIED_CHINESE, null, letter.code());
        assertThat(jdbc.queryForObject("select submitted_from_letter from mediation_case where case_number = ?", String.class,
                r.caseNumber())).isEqualTo(letter.code());
    }

    @Test
    void a_letter_opens_the_wizard_until_the_end_of_the_last_day_it_names_in_the_mediation_time_zone() {
        java.time.ZoneId zone = settings.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        officer("med-cases-letter-days", "sample-market-regulation");
        // written just after midnight letter-days ago: counted from the time of writing it would have run out this morning
        MutableClock writtenAt = new MutableClock(today.minusDays(settings.letterDays()).atStartOfDay(zone).plusSeconds(1).toInstant());
        MediationLetters writer = new MediationLetters(letterRepository, service, settings, currentUser, writtenAt, outbox, translations);
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        LetterView lastDayToday = tx.execute(s -> writer.compose(new LetterInput(LetterInput.Situation.INSPECTION,
                DisputeCategory.CONSUMER, "钱七", "qianqi@example.cn", "zh-CN", "示例药店", "钱七与示例药店就退货发生争议，检查中了解到。")));
        assertThat(lastDayToday.validUntil()).isEqualTo(today);
        assertThat(mails("mediation-letter:" + lastDayToday.code())).singleElement()
                .satisfies(m -> assertThat((String) m.get("TEXT_BODY")).contains("有效期至" + today));
        assertThat(letterRepository.findByCode(lastDayToday.code()).orElseThrow().expiresAt())
                .isEqualTo(today.plusDays(1).atStartOfDay(zone).toInstant());
        SecurityContextHolder.clearContext();
        assertThat(service.prefill(lastDayToday.code(), null)).as("still valid today").isPresent();

        officer("med-cases-letter-days", "sample-market-regulation");
        writtenAt.advance(Duration.ofSeconds(-2)); // just before midnight the day before: its last day was yesterday
        LetterView lastDayYesterday = tx.execute(s -> writer.compose(new LetterInput(LetterInput.Situation.INSPECTION,
                DisputeCategory.CONSUMER, "钱七", null, "zh-CN", "示例药店", "钱七与示例药店就退货发生争议，检查中了解到。")));
        assertThat(lastDayYesterday.validUntil()).isEqualTo(today.minusDays(1));
        SecurityContextHolder.clearContext();
        assertThat(service.prefill(lastDayYesterday.code(), null)).as("expired at the end of yesterday").isEmpty();

        // letters stored before expiries were rounded to the end of the day: valid all of the last day they print
        jdbc.update("update mediation_letter set expires_at = ? where code = ?",
                java.sql.Timestamp.from(today.atStartOfDay(zone).plusSeconds(1).toInstant()), lastDayToday.code());
        jdbc.update("update mediation_letter set expires_at = ? where code = ?",
                java.sql.Timestamp.from(today.minusDays(1).atTime(23, 59, 59).atZone(zone).toInstant()), lastDayYesterday.code());
        assertThat(service.prefill(lastDayToday.code(), null)).as("stored expiry this morning, last day today").isPresent();
        assertThat(service.prefill(lastDayYesterday.code(), null)).as("last day yesterday").isEmpty();
        assertThat(MediationLetters.validAt(today.atStartOfDay(zone).plusSeconds(1).toInstant(),
                today.atTime(23, 59).atZone(zone).toInstant(), zone)).isTrue();
        // the purge takes a letter once its last day is over, not at the stored time of day
        new MediationRetention(caseRepository, evidenceRepository, files, drafts, letterRepository, service, settings, clock,
                transactionManager).purge();
        assertThat(letterRepository.findByCode(lastDayToday.code())).isPresent();
        assertThat(letterRepository.findByCode(lastDayYesterday.code())).isEmpty();
    }

    @Test
    void statistics_show_an_officer_their_own_agency_and_an_administrator_every_agency() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.TRAFFIC_ACCIDENT, null),
                Locale.SIMPLIFIED_CHINESE);
        officer("med-cases-traffic", "sample-traffic-police");
        backOffice.notAccept(r.caseNumber(), "已由法院受理");
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        List<MediationStatistics.AgencyFigures> own = statistics.figures(today.minusDays(1), today.plusDays(1));
        assertThat(own).singleElement().satisfies(f -> {
            assertThat(f.agencyId()).isEqualTo("sample-traffic-police");
            assertThat(f.applications()).isPositive();
            assertThat(f.decided()).isPositive();
        });
        assertThatThrownBy(() -> statistics.figures(today, today.minusDays(1))).isInstanceOf(ValidationFailure.class);
        admin();
        assertThat(statistics.figures(today.minusDays(1), today.plusDays(1))).extracting(MediationStatistics.AgencyFigures::agencyId)
                .contains("sample-traffic-police", "sample-market-regulation", "sample-urban-management");
    }

    @Test
    void the_retention_purge_deletes_finished_cases_with_files_messages_and_history_after_the_period() throws Exception {
        MediationApplication a = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        service.upload(a.submissionToken(), "scan.pdf", EvidenceFilesTest.PDF);
        SubmissionReceipt finished = service.submit(a, Locale.SIMPLIFIED_CHINESE);
        service.reply(finished.caseNumber(), finished.accessCode(), "补充说明", null);
        service.withdraw(finished.caseNumber(), finished.accessCode(), "已和解");
        SubmissionReceipt open = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        String storedName = jdbc.queryForObject("select e.stored_name from mediation_evidence e join mediation_case c on c.id = e.case_id"
                + " where c.case_number = ?", String.class, finished.caseNumber());
        Path file = portal.dataDir().resolve("mediation-evidence").resolve(storedName);
        assertThat(file).exists();
        String draft = service.saveDraft(MediationTestSupport.application(DisputeCategory.LABOUR, null), null);
        String orphanToken = UUID.randomUUID().toString();
        service.upload(orphanToken, "never-submitted.pdf", EvidenceFilesTest.PDF);

        MutableClock later = new MutableClock(clock.instant().plus(Duration.ofDays(settings.retentionDays() - 1)));
        MediationRetention retention = new MediationRetention(caseRepository, evidenceRepository, files, drafts, letterRepository,
                service, settings, later, transactionManager);
        retention.purge();
        assertThat(service.track(finished.caseNumber(), finished.accessCode())).as("still within the period").isPresent();
        assertThat(service.resumeDraft(draft, null)).as("drafts expire after their own period").isEmpty();
        assertThat(service.uploaded(orphanToken)).as("uploads of unsubmitted applications go with the drafts").isEmpty();

        later.advance(Duration.ofDays(2));
        MediationRetention.Purged purged = retention.purge();
        assertThat(purged.cases()).isPositive();
        assertThat(service.track(finished.caseNumber(), finished.accessCode())).isEmpty();
        assertThat(Files.exists(file)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from mediation_message m where not exists"
                + " (select 1 from mediation_case c where c.id = m.case_id)", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from mediation_transition t where not exists"
                + " (select 1 from mediation_case c where c.id = t.case_id)", Integer.class)).isZero();
        assertThat(service.track(open.caseNumber(), open.accessCode())).as("open cases are never purged").isPresent();
    }

    @Test
    void evidence_of_a_draft_renewed_by_a_later_save_outlives_draft_days_from_its_upload() {
        MediationApplication resumed = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        service.upload(resumed.submissionToken(), "receipt.pdf", EvidenceFilesTest.PDF);
        String code = service.saveDraft(resumed, null);
        MediationApplication abandoned = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        service.upload(abandoned.submissionToken(), "abandoned.pdf", EvidenceFilesTest.PDF);
        service.saveDraft(abandoned, null);
        // uploaded on day 0, the draft resumed (and so saved again) on day 20, the purge of day 35
        java.time.Instant day0 = clock.instant();
        jdbc.update("update mediation_draft set expires_at = ? where code_digest = ?",
                java.sql.Timestamp.from(day0.plus(Duration.ofDays(20 + settings.draftDays()))),
                cn.gov.enforcement.portal.platform.AccessCodes.digest(code));
        MutableClock day35 = new MutableClock(day0.plus(Duration.ofDays(35)));
        new MediationRetention(caseRepository, evidenceRepository, files, drafts, letterRepository, service, settings, day35,
                transactionManager).purge();

        assertThat(service.uploaded(resumed.submissionToken())).as("the draft it belongs to is still valid")
                .extracting(EvidenceInfo::fileName).containsExactly("receipt.pdf");
        assertThat(service.uploaded(abandoned.submissionToken())).as("its draft expired on day 30").isEmpty();
        SubmissionReceipt r = service.submit(resumed, Locale.SIMPLIFIED_CHINESE);
        assertThat(jdbc.queryForObject("select count(*) from mediation_evidence e join mediation_case c on c.id = e.case_id"
                + " where c.case_number = ?", Integer.class, r.caseNumber())).isEqualTo(1);
    }

    @Test
    void the_agency_hears_of_new_applications_messages_and_withdrawals_without_personal_data() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "agency-notice@example.cn"),
                Locale.ENGLISH);
        String n = r.caseNumber();
        Map<String, Object> submitted = singleMail("mediation-agency-submitted:" + n);
        assertThat(submitted.get("recipient")).as("the agency file's mediation_email").isEqualTo("tiaojie@scjg.sample.gov.cn");
        assertThat(submitted.get("locale")).as("agencies are written to in Chinese").isEqualTo("zh-CN");
        assertThat((String) submitted.get("subject")).contains("新的行政调解申请", n, "消费者权益投诉");
        String due = workingCalendar.current().plus(jdbc.queryForObject("select submitted_at from mediation_case where case_number = ?",
                java.time.OffsetDateTime.class, n).toInstant().atZone(settings.zone()).toLocalDate(), settings.acceptanceDays()).toString();
        assertThat((String) submitted.get("text_body"))
                .contains(n, "受理决定期限", settings.link("staff/mediation/case/" + n), due)
                .doesNotContain("张三", "13800138000", "11010519491231002X", "电冰箱", "示例电器商店", r.accessCode());

        service.reply(n, r.accessCode(), "我补充一下购买日期。", null);
        service.reply(n, r.accessCode(), "发票也找到了。", null);
        List<Map<String, Object>> messages = mails("mediation-agency-message:" + n + ":");
        assertThat(messages).as("one notice per message").hasSize(2);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("recipient")).isEqualTo("tiaojie@scjg.sample.gov.cn");
            assertThat((String) m.get("text_body")).contains(n, settings.link("staff/mediation/case/" + n))
                    .doesNotContain("购买日期", "发票");
        });

        service.withdraw(n, r.accessCode(), "已和商家和解");
        assertThat((String) singleMail("mediation-agency-withdrawn:" + n).get("subject")).contains(n, "撤回");

        // an agency whose file names no mediation address is written to at its supervision address
        SubmissionReceipt forest = service.submit(MediationTestSupport.application(DisputeCategory.FOREST_LAND_OWNERSHIP, null),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(singleMail("mediation-agency-submitted:" + forest.caseNumber()).get("recipient"))
                .isEqualTo("jiandu@sthj.sample.gov.cn");
    }

    @Test
    void each_agency_is_reminded_once_a_day_of_decisions_and_mediations_overdue_or_due_by_the_next_working_day() {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        LocalDate horizon = workingCalendar.current().plus(today, 1);
        SubmissionReceipt lateDecision = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt decisionDueNext = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt fresh = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt lateMediation = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt withdrawn = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt forest = service.submit(MediationTestSupport.application(DisputeCategory.FOREST_LAND_OWNERSHIP, null), Locale.SIMPLIFIED_CHINESE);
        officer("med-cases-reminded", "sample-market-regulation");
        accounts.changeOwnEmail("reminded@scjg.sample.gov.cn");
        officer("med-cases-market", "sample-market-regulation");
        backOffice.accept(lateMediation.caseNumber(), null);
        backOffice.assignMediator(lateMediation.caseNumber(), "med-cases-reminded");
        SecurityContextHolder.clearContext();
        service.withdraw(withdrawn.caseNumber(), withdrawn.accessCode(), null);

        LocalDate nextStart = today;
        while (!workingCalendar.current().plus(nextStart, settings.acceptanceDays()).equals(horizon)) {
            nextStart = nextStart.minusDays(1);
        }
        submittedOn(lateDecision, today.minusDays(30));
        submittedOn(decisionDueNext, nextStart);
        submittedOn(withdrawn, today.minusDays(30));
        submittedOn(forest, today.minusDays(30));
        jdbc.update("update mediation_case set submitted_at = ?, accepted_at = ? where case_number = ?",
                noon(today.minusDays(80)), noon(today.minusDays(70)), lateMediation.caseNumber());

        assertThat(agencyMail.remind()).isGreaterThanOrEqualTo(2);
        Map<String, Object> market = singleMail("mediation-reminder:sample-market-regulation:" + today);
        assertThat(market.get("recipient")).isEqualTo("tiaojie@scjg.sample.gov.cn");
        assertThat((String) market.get("subject")).contains("行政调解期限提醒", today.toString());
        LocalDate acceptanceDue = workingCalendar.current().plus(today.minusDays(30), settings.acceptanceDays());
        assertThat((String) market.get("text_body"))
                .contains("案件编号 " + lateDecision.caseNumber() + "｜消费者权益投诉｜已提交，等待受理｜受理决定期限 " + acceptanceDue + "（已超期）")
                .contains("案件编号 " + decisionDueNext.caseNumber() + "｜消费者权益投诉｜已提交，等待受理｜受理决定期限 " + horizon + "\n")
                .contains(lateMediation.caseNumber() + "｜消费者权益投诉｜", "｜调解期限 ")
                .contains(settings.link("staff/mediation"))
                .doesNotContain(fresh.caseNumber(), withdrawn.caseNumber(), forest.caseNumber(), "张三", "13800138000");
        assertThat((String) singleMail("mediation-reminder:sample-ecology-environment:" + today).get("text_body"))
                .contains(forest.caseNumber()).doesNotContain(lateDecision.caseNumber());

        // the assigned mediator gets the lines of their own cases at their own address
        Map<String, Object> mediator = singleMail("mediation-mediator-reminder:med-cases-reminded:" + today);
        assertThat(mediator.get("recipient")).isEqualTo("reminded@scjg.sample.gov.cn");
        assertThat((String) mediator.get("subject")).contains("您承办的调解案件期限提醒");
        assertThat((String) mediator.get("text_body")).contains(lateMediation.caseNumber(), "（已超期）")
                .doesNotContain(lateDecision.caseNumber(), decisionDueNext.caseNumber(), "张三");

        // a second run the same day adds nothing
        agencyMail.remind();
        assertThat(mails("mediation-reminder:sample-market-regulation:" + today)).hasSize(1);
        assertThat(mails("mediation-mediator-reminder:med-cases-reminded:" + today)).hasSize(1);
    }

    @Test
    void a_case_left_unclosed_after_its_outcome_is_in_the_reminder_after_the_closing_days_and_purged_from_its_outcome() {
        SubmissionReceipt failed = service.submit(MediationTestSupport.application(DisputeCategory.LABOUR, null),
                Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt closed = service.submit(MediationTestSupport.application(DisputeCategory.LABOUR, null),
                Locale.SIMPLIFIED_CHINESE);
        officer("med-cases-unclosed", "sample-human-resources-social-security");
        for (SubmissionReceipt r : List.of(failed, closed)) {
            backOffice.accept(r.caseNumber(), null);
            backOffice.inviteOtherParty(r.caseNumber(), null);
            backOffice.otherPartyAgreed(r.caseNumber(), null);
            backOffice.fail(r.caseNumber(), "对方不再参加调解");
        }
        backOffice.close(closed.caseNumber(), null);
        SecurityContextHolder.clearContext();
        ZoneId zone = settings.zone();
        LocalDate outcome = LocalDate.now(clock.withZone(zone));
        LocalDate closingDue = workingCalendar.current().plus(outcome, settings.closeReminderDays());

        // reminders on later days (their own dedup keys, apart from today's reminder of the other tests)
        MutableClock later = new MutableClock(closingDue.atTime(9, 0).atZone(zone).toInstant());
        MediationAgencyMail laterMail = new MediationAgencyMail(agencies, outbox, translations, settings, caseRepository,
                accounts, later, transactionManager, workingCalendar);
        laterMail.remind();
        assertThat(mails("mediation-reminder:sample-human-resources-social-security:" + closingDue))
                .as("still within the closing days").noneSatisfy(m -> assertThat((String) m.get("TEXT_BODY")).contains(failed.caseNumber()));
        later.advance(Duration.ofDays(1));
        LocalDate nextDay = closingDue.plusDays(1);
        laterMail.remind();
        assertThat((String) singleMail("mediation-reminder:sample-human-resources-social-security:" + nextDay).get("text_body"))
                .contains("案件编号 " + failed.caseNumber() + "｜劳动争议｜调解不成｜结案期限 " + closingDue + "（已超期）")
                .contains("超过 " + settings.closeReminderDays() + " 个工作日仍未结案")
                .doesNotContain(closed.caseNumber(), "张三");

        // the retention period of a case never closed runs from its outcome
        MutableClock purgeDay = new MutableClock(clock.instant().plus(Duration.ofDays(settings.retentionDays() - 1)));
        MediationRetention retention = new MediationRetention(caseRepository, evidenceRepository, files, drafts, letterRepository,
                service, settings, purgeDay, transactionManager);
        retention.purge();
        assertThat(service.track(failed.caseNumber(), failed.accessCode())).as("still within the period").isPresent();
        purgeDay.advance(Duration.ofDays(2));
        retention.purge();
        assertThat(service.track(failed.caseNumber(), failed.accessCode())).isEmpty();
        assertThat(service.track(closed.caseNumber(), closed.accessCode())).as("a closed case counts from its closing").isEmpty();
    }

    private CaseSummary queued(String number) {
        return backOffice.ownQueue().stream().filter(c -> c.caseNumber().equals(number)).findFirst().orElseThrow();
    }

    /** The case's session as if it had taken place an hour ago. */
    private void sessionHeld(String number) {
        jdbc.update("update mediation_case set session_at = ? where case_number = ?",
                java.time.OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofHours(1)), settings.zone()), number);
    }

    @Test
    void the_outcome_of_a_session_is_recorded_on_its_day_or_later_not_before() {
        SubmissionReceipt r = agreedCase("shop-early@example.cn", "med-cases-outcome-early");
        String n = r.caseNumber();
        java.time.Instant session = clock.instant().plus(Duration.ofDays(3));
        backOffice.scheduleSession(n, session, "三楼调解室");
        String day = LocalDate.ofInstant(session, settings.zone()).toString();
        assertThat(backOffice.sessionAhead(session)).isTrue();
        assertThatThrownBy(() -> backOffice.agreementReached(n, "商家退款"))
                .as("no agreement before the session").isInstanceOfSatisfying(ValidationFailure.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("terms");
                    assertThat(e.problems().get(0).messageKey()).isEqualTo("mediation.error.sessionAhead");
                    assertThat(e.problems().get(0).args()).containsExactly(day);
                });
        assertThatThrownBy(() -> backOffice.fail(n, "对方不来了"))
                .as("no failure before the session either").isInstanceOfSatisfying(ValidationFailure.class, e ->
                        assertThat(e.problems().get(0).messageKey()).isEqualTo("mediation.error.sessionAhead"));
        assertThat(backOffice.caseFile(n).tracking().status()).isEqualTo(CaseStatus.SESSION_SCHEDULED);
        assertThat(translations.get(Locale.SIMPLIFIED_CHINESE, "mediation.error.sessionAhead", day))
                .startsWith("调解会议定于" + day + "举行，会议当天或之后才能记录调解结果。");

        // moved to later today (a session held earlier than planned, or not at all): the outcome may be recorded
        java.time.Instant soon = clock.instant().plus(Duration.ofMinutes(2));
        if (LocalDate.ofInstant(soon, settings.zone()).equals(LocalDate.now(clock.withZone(settings.zone())))) {
            backOffice.rescheduleSession(n, soon, "三楼调解室");
            assertThat(backOffice.sessionAhead(soon)).isFalse();
        } else {
            sessionHeld(n); // two minutes before midnight: the session as held instead
        }
        CaseTracking failed = backOffice.fail(n, "对方表示不再参加调解");
        assertThat(failed.status()).isEqualTo(CaseStatus.FAILED);
        SecurityContextHolder.clearContext();
        // the applicant may still withdraw a case whose session lies ahead
        SubmissionReceipt other = service.submit(withOtherParty("shop-withdrawn@example.cn"), Locale.SIMPLIFIED_CHINESE);
        officer("med-cases-outcome-early", "sample-market-regulation");
        backOffice.accept(other.caseNumber(), null);
        backOffice.inviteOtherParty(other.caseNumber(), null);
        backOffice.otherPartyAgreed(other.caseNumber(), null);
        backOffice.scheduleSession(other.caseNumber(), session, "三楼调解室");
        SecurityContextHolder.clearContext();
        service.withdraw(other.caseNumber(), other.accessCode(), "已和解");
        assertThat(service.status(other.caseNumber(), other.accessCode()))
                .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(CaseStatus.WITHDRAWN));
    }

    private void submittedOn(SubmissionReceipt r, LocalDate day) {
        jdbc.update("update mediation_case set submitted_at = ? where case_number = ?", noon(day), r.caseNumber());
    }

    private java.time.OffsetDateTime noon(LocalDate day) {
        return day.atTime(12, 0).atZone(settings.zone()).toOffsetDateTime();
    }

    private Map<String, Object> singleMail(String dedupKey) {
        List<Map<String, Object>> found = jdbc.queryForList(
                "select recipient, subject, text_body, locale from notification_outbox where dedup_key = ?", dedupKey);
        assertThat(found).as("mail %s", dedupKey).hasSize(1);
        return found.get(0);
    }
}
