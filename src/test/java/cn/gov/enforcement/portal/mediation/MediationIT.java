package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.mediation.internal.IdNumberCipher;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Submit → database → mail in the outbox → track → withdraw; the status API; the officers' agency scope. */
class MediationIT extends IntegrationTest {

    @Autowired
    cn.gov.enforcement.portal.platform.Translations translations;

    @Autowired
    MediationService service;

    @Autowired
    MediationBackOffice backOffice;

    @Autowired
    AccountService accounts;

    @Autowired
    PortalUserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdNumberCipher cipher;

    @Autowired
    WebApplicationContext web;

    @Autowired
    MediationSettings settings;

    @Autowired
    MediationRateLimiter limiter;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String mailBody(String caseNumber) {
        return jdbc.queryForObject("select text_body from notification_outbox where dedup_key = ?", String.class,
                "mediation-submitted:" + caseNumber);
    }

    @Test
    void a_submitted_application_is_stored_encrypted_mailed_trackable_and_can_be_withdrawn() {
        SubmissionReceipt receipt = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "zhang@example.cn"),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(receipt.caseNumber()).matches("TJ-20[0-9]{2}-[0-9]{6}");
        assertThat(receipt.accessCode()).hasSize(12);
        assertThat(receipt.duplicate()).isFalse();

        Map<String, Object> row = jdbc.queryForMap("select * from mediation_case where case_number = ?", receipt.caseNumber());
        String stored = (String) row.get("ID_NUMBER_ENCRYPTED");
        assertThat(stored).doesNotContain(MediationTestSupport.VALID_ID);
        assertThat(cipher.decrypt(stored)).isEqualTo(MediationTestSupport.VALID_ID);
        assertThat(row.get("ID_NUMBER_MASKED")).isEqualTo("110***********002X");
        assertThat((String) row.get("ACCESS_CODE_HASH")).doesNotContain(receipt.accessCode());
        assertThat(row.get("AGENCY_ID")).isEqualTo("sample-market-regulation");

        assertThat(mailBody(receipt.caseNumber())).contains(receipt.caseNumber(), receipt.accessCode(), "张三");

        CaseTracking tracked = service.track(receipt.caseNumber(), receipt.accessCode().toLowerCase()).orElseThrow();
        assertThat(tracked.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(tracked.idNumberMasked()).isEqualTo("110***********002X");
        assertThat(tracked.phoneMasked()).isEqualTo("138****8000");
        assertThat(tracked.history()).hasSize(1);
        assertThat(tracked.acceptanceDue()).isNotNull();

        assertThat(service.track(receipt.caseNumber(), "WRONGCODE234")).isEmpty();
        assertThat(service.track("TJ-1999-999999", receipt.accessCode())).isEmpty();

        CaseTracking withdrawn = service.withdraw(receipt.caseNumber(), receipt.accessCode(), "已与商家和解").orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(withdrawn.history()).extracting(CaseTracking.Step::to).containsExactly(CaseStatus.SUBMITTED, CaseStatus.WITHDRAWN);
        assertThat(withdrawn.history().get(1).byApplicant()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like ?", Integer.class,
                "mediation-step:" + receipt.caseNumber() + ":%")).isEqualTo(1);
        assertThatThrownBy(() -> service.withdraw(receipt.caseNumber(), receipt.accessCode(), null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(service.withdraw(receipt.caseNumber(), "WRONGCODE234", null)).isEmpty();
    }

    @Test
    void a_resend_with_the_same_submission_token_returns_the_same_case() {
        MediationApplication application = MediationTestSupport.application(DisputeCategory.LABOUR, "li@example.cn");
        SubmissionReceipt first = service.submit(application, Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt again = service.submit(application, Locale.SIMPLIFIED_CHINESE);
        assertThat(again.caseNumber()).isEqualTo(first.caseNumber());
        assertThat(again.duplicate()).isTrue();
        assertThat(again.accessCode()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from mediation_case where submission_token = ?", Integer.class,
                application.submissionToken())).isEqualTo(1);
    }

    @Test
    void an_identity_document_that_does_not_fit_the_applicant_is_refused_in_the_readers_language() {
        MediationApplication person = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        MediationApplication organisationWithResidentId = new MediationApplication(person.category(),
                MediationApplication.ApplicantKind.ORGANISATION, "示例电器有限公司", MediationApplication.IdType.RESIDENT_ID,
                MediationTestSupport.VALID_ID, person.phone(), null, person.address(), person.otherPartyName(),
                person.otherPartyContact(), person.facts(), person.request(), null, false, true,
                person.submissionToken());
        assertThatThrownBy(() -> service.submit(organisationWithResidentId, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.problems())
                        .extracting(ValidationFailure.FieldProblem::toString).containsExactly("idType: mediation.error.idType.ORGANISATION"));
        assertThat(translations.get(Locale.SIMPLIFIED_CHINESE, "mediation.error.idType.ORGANISATION"))
                .contains("统一社会信用代码", "不能使用居民身份证");
        assertThat(translations.get(Locale.ENGLISH, "mediation.error.idType.ORGANISATION"))
                .contains("unified social credit code", "not with a resident identity card");

        MediationApplication personWithCreditCode = new MediationApplication(person.category(), person.applicantKind(),
                person.applicantName(), MediationApplication.IdType.CREDIT_CODE, "91350100M000100Y43", person.phone(),
                null, person.address(), person.otherPartyName(), person.otherPartyContact(), person.facts(),
                person.request(), null, false, true, person.submissionToken());
        assertThat(service.check(personWithCreditCode))
                .extracting(ValidationFailure.FieldProblem::toString).containsExactly("idType: mediation.error.idType.PERSON");

        MediationApplication organisation = new MediationApplication(person.category(),
                MediationApplication.ApplicantKind.ORGANISATION, "示例电器有限公司", MediationApplication.IdType.CREDIT_CODE,
                "91350100M000100Y44", person.phone(), null, person.address(), person.otherPartyName(),
                person.otherPartyContact(), person.facts(), person.request(), null, false, true,
                person.submissionToken());
        assertThat(service.check(organisation))
                .extracting(ValidationFailure.FieldProblem::toString).containsExactly("idNumber: mediation.error.creditCode.checkDigit");
    }

    @Test
    void invalid_input_is_rejected_with_field_messages_and_nothing_is_stored() {
        int before = jdbc.queryForObject("select count(*) from mediation_case", Integer.class);
        MediationApplication valid = MediationTestSupport.application(DisputeCategory.CONSUMER, "zhang@example.cn");
        MediationApplication bad = new MediationApplication(null, valid.applicantKind(), " ", valid.idType(),
                "110105194912310021", "12345", "not-an-address", valid.address(), valid.otherPartyName(),
                valid.otherPartyContact(), "短", valid.request(), valid.preferredTimes(), false, false, "x");
        assertThatThrownBy(() -> service.submit(bad, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.problems())
                        .extracting(ValidationFailure.FieldProblem::field)
                        .containsExactlyInAnyOrder("category", "applicantName", "idNumber", "phone", "email", "facts",
                                "consent", "submissionToken"));
        assertThat(jdbc.queryForObject("select count(*) from mediation_case", Integer.class)).isEqualTo(before);
    }

    @Test
    void the_status_api_shows_status_and_dates_only_and_answers_a_wrong_code_like_an_unknown_number() throws Exception {
        SubmissionReceipt receipt = service.submit(MediationTestSupport.application(DisputeCategory.TRAFFIC_ACCIDENT, null),
                Locale.SIMPLIFIED_CHINESE);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        String body = mvc.perform(get("/api/v1/mediation/status").param("number", receipt.caseNumber())
                        .param("code", receipt.accessCode()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.history[0].status").value("SUBMITTED"))
                .andExpect(jsonPath("$.history[0].at").exists())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("张三", "13800138000", "110105", "示例电器商店");
        // the code may come in a header instead, which keeps it out of access logs; it wins over the parameter
        mvc.perform(get("/api/v1/mediation/status").param("number", receipt.caseNumber())
                        .header("X-Access-Code", receipt.accessCode()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(get("/api/v1/mediation/status").param("number", receipt.caseNumber()).param("code", receipt.accessCode())
                        .header("X-Access-Code", "WRONGCODE234"))
                .andExpect(status().isNotFound());

        String wrongCode = mvc.perform(get("/api/v1/mediation/status").param("number", receipt.caseNumber())
                        .param("code", "WRONGCODE234"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(get("/api/v1/mediation/status").param("number", "TJ-2001-000001")
                        .param("code", "WRONGCODE234"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(wrongCode).isEqualTo(unknown);
    }

    @Test
    void the_status_api_refuses_a_missing_number_or_code_and_a_malformed_number_without_counting_them_as_guesses()
            throws Exception {
        SubmissionReceipt receipt = service.submit(MediationTestSupport.application(DisputeCategory.TRAFFIC_ACCIDENT, null),
                Locale.SIMPLIFIED_CHINESE);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        org.springframework.test.web.servlet.request.RequestPostProcessor client = request -> {
            request.setRemoteAddr("203.0.113.71");
            return request;
        };
        try {
            for (int i = 0; i <= settings.codeGuessesPerWindow(); i++) {
                mvc.perform(get("/api/v1/mediation/status").with(client))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.error").value("bad_request"))
                        .andExpect(jsonPath("$.message").value("请填写案件编号。"))
                        .andExpect(jsonPath("$.problems[0].field").value("number"))
                        .andExpect(jsonPath("$.problems[1].field").value("code"))
                        .andExpect(jsonPath("$.problems[1].message").value("请填写查询码。"));
                mvc.perform(get("/api/v1/mediation/status").param("number", "zzz").param("code", "abc")
                                .header("Accept-Language", "en").with(client))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("A case number reads")));
                mvc.perform(get("/api/v1/mediation/status").param("number", receipt.caseNumber()).with(client))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.problems[0].field").value("code"));
            }
            // none of them counted: the address still gets its answer
            mvc.perform(get("/api/v1/mediation/status").param("number", receipt.caseNumber())
                            .header("X-Access-Code", receipt.accessCode()).with(client))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        } finally {
            limiter.reset();
        }
    }

    @Test
    void officers_handle_only_their_own_agencys_cases() {
        SubmissionReceipt consumer = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "wang@example.cn"),
                Locale.ENGLISH);

        assertThatThrownBy(() -> backOffice.ownQueue()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        MediationTestSupport.signInOfficer(accounts, users, "med-officer-traffic", "sample-traffic-police");
        assertThat(backOffice.ownQueue()).extracting(CaseSummary::caseNumber).doesNotContain(consumer.caseNumber());
        assertThatThrownBy(() -> backOffice.queue("sample-market-regulation")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> backOffice.caseFile(consumer.caseNumber())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> backOffice.accept(consumer.caseNumber(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> backOffice.caseFile("TJ-2001-000001")).isInstanceOf(AccessDeniedException.class);

        MediationTestSupport.signInOfficer(accounts, users, "med-officer-market", "sample-market-regulation");
        assertThat(backOffice.ownQueue()).filteredOn(s -> s.caseNumber().equals(consumer.caseNumber()))
                .singleElement().satisfies(s -> {
                    assertThat(s.phoneMasked()).isEqualTo("138****8000");
                    assertThat(s.overdue()).isFalse();
                });
        assertThatThrownBy(() -> backOffice.notAccept(consumer.caseNumber(), " ")).isInstanceOf(ValidationFailure.class);
        CaseTracking accepted = backOffice.accept(consumer.caseNumber(), "材料齐全");
        assertThat(accepted.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(accepted.mediationDue()).isNotNull();
        assertThat(accepted.history().get(1).byApplicant()).isFalse();
        assertThatThrownBy(() -> backOffice.accept(consumer.caseNumber(), null)).isInstanceOf(IllegalTransitionException.class);
        assertThat(jdbc.queryForObject("select subject from notification_outbox where dedup_key = ?", String.class,
                "mediation-step:" + consumer.caseNumber() + ":2")).contains(consumer.caseNumber(), "Accepted");
    }
}
