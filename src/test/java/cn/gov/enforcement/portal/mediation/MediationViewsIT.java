package cn.gov.enforcement.portal.mediation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.testsupport.Links;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Browserless tests of the public mediation pages: wizard validation, result, tracking, withdrawal. */
class MediationViewsIT extends KaribuViewTest {

    @Autowired
    MediationService service;

    @Autowired
    MediationLetters letters;

    @Autowired
    cn.gov.enforcement.portal.mediation.internal.EvidenceFiles evidenceFiles;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    MediationSettings settings;

    @Autowired
    MediationRateLimiter limiter;

    @Autowired
    cn.gov.enforcement.portal.account.AccountService accounts;

    @Autowired
    cn.gov.enforcement.portal.account.PortalUserDetailsService users;

    private void signInOfficer(String username, String agencyId) {
        MediationTestSupport.signInOfficer(accounts, users, username, agencyId);
        signIn(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication().getPrincipal(),
                "OFFICER");
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static TextArea area(String id) {
        return _get(TextArea.class, spec -> spec.withId(id));
    }


    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    private static String step() {
        return _get(MediationApplyView.class).getElement().getAttribute("data-step");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_identity_documents_offered_follow_the_applicant_kind() {
        UI.getCurrent().navigate("mediation/apply");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("mediation-category")), DisputeCategory.CONSUMER);
        click("mediation-next");
        // the step sent empty: one message under the buttons names every refused field, each field keeps its own
        click("mediation-next");
        assertThat(step()).isEqualTo("1");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("mediation-form-error")).getText())
                .isEqualTo("本步有 3 处需要补充或修改：姓名或单位名称、证件号码、联系电话。");
        assertThat(text("mediation-applicant-name").isInvalid()).isTrue();
        // back to the first step: the second step's summary does not stay
        click("mediation-back");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("mediation-form-error")).getText()).isEmpty();
        click("mediation-next");
        RadioButtonGroup<MediationApplication.ApplicantKind> kind = _get(RadioButtonGroup.class,
                spec -> spec.withId("mediation-applicant-kind"));
        com.vaadin.flow.component.select.Select<MediationApplication.IdType> idType =
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("mediation-id-type"));
        assertThat(idType.getValue()).isEqualTo(MediationApplication.IdType.RESIDENT_ID);
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions(idType))
                .containsExactly("居民身份证", "其他证件（护照、港澳台居民证件等）");

        _setValue(kind, MediationApplication.ApplicantKind.ORGANISATION);
        assertThat(idType.getValue()).isEqualTo(MediationApplication.IdType.CREDIT_CODE);
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions(idType))
                .containsExactly("统一社会信用代码", "其他登记证件（境外组织等）");
        _setValue(text("mediation-applicant-name"), "示例电器有限公司");
        _setValue(text("mediation-id-number"), "91350100M000100Y44");
        _setValue(text("mediation-phone"), "010-12345678");
        click("mediation-next");
        assertThat(step()).isEqualTo("1");
        assertThat(text("mediation-id-number").getErrorMessage()).contains("校验码");
        assertThat(text("mediation-id-number").getValue()).isEqualTo("91350100M000100Y44");
        _setValue(text("mediation-id-number"), "91350100M000100Y43");
        click("mediation-next");
        assertThat(step()).isEqualTo("2");
        click("mediation-back");

        _setValue(idType, MediationApplication.IdType.OTHER);
        _setValue(kind, MediationApplication.ApplicantKind.PERSON);
        assertThat(idType.getValue()).as("another document fits a person too").isEqualTo(MediationApplication.IdType.OTHER);
        _setValue(kind, MediationApplication.ApplicantKind.ORGANISATION);
        _setValue(kind, MediationApplication.ApplicantKind.PERSON);
        assertThat(idType.getValue()).isEqualTo(MediationApplication.IdType.OTHER);
        _setValue(idType, MediationApplication.IdType.RESIDENT_ID);
        _setValue(kind, MediationApplication.ApplicantKind.ORGANISATION);
        _setValue(kind, MediationApplication.ApplicantKind.PERSON);
        assertThat(idType.getValue()).as("a person's document again").isEqualTo(MediationApplication.IdType.RESIDENT_ID);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_wizard_brings_up_phones_keyboards_and_offers_autofill_only_for_the_applicants_own_details() {
        UI.getCurrent().navigate("mediation/apply");
        assertThat(hints("mediation-applicant-name")).containsExactly(null, "name");
        assertThat(hints("mediation-phone")).containsExactly("tel", "tel");
        assertThat(hints("mediation-email")).containsExactly("email", "email");
        // an identity card number may end in X and a credit code holds letters: no digits-only keypad, capitals
        assertThat(hints("mediation-id-number")).containsExactly(null, "off");
        assertThat(cn.gov.enforcement.portal.testsupport.Components.descendants(UI.getCurrent())
                .filter(c -> c.getId().filter("mediation-id-number"::equals).isPresent()).findFirst().orElseThrow()
                .getElement().getAttribute("autocapitalize")).isEqualTo("characters");
        // the other party's details: never the applicant's own filled in
        assertThat(hints("mediation-other-party-name")).containsExactly(null, "off");
        assertThat(hints("mediation-other-party-contact")).containsExactly(null, "off");
        ((RadioButtonGroup<MediationApplication.ApplicantKind>) cn.gov.enforcement.portal.testsupport.Components
                .descendants(UI.getCurrent()).filter(c -> c.getId().filter("mediation-applicant-kind"::equals).isPresent())
                .findFirst().orElseThrow()).setValue(MediationApplication.ApplicantKind.ORGANISATION);
        assertThat(hints("mediation-applicant-name")).containsExactly(null, "organization");
    }

    /** The keyboard ({@code inputmode}) and the autofill ({@code autocomplete}) a field asks the browser for. */
    private static List<String> hints(String id) {
        // the wizard's other steps are hidden: looked up whether visible or not
        com.vaadin.flow.dom.Element field = cn.gov.enforcement.portal.testsupport.Components.descendants(UI.getCurrent())
                .filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElseThrow().getElement();
        return java.util.Arrays.asList(field.getAttribute("inputmode"), field.getAttribute("autocomplete"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_wizard_checks_every_step_on_the_server_and_keeps_what_was_typed() {
        UI.getCurrent().navigate("mediation/apply");
        // messages are announced when they appear; the step title takes the focus when the step changes
        for (String id : List.of("mediation-consent-error", "mediation-form-error", "mediation-evidence-error")) {
            assertThat(cn.gov.enforcement.portal.testsupport.Components.descendants(UI.getCurrent()).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                    .orElseThrow().getElement().getAttribute("role")).as(id).isEqualTo("alert");
        }
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("mediation-step-title")).getElement()
                .getAttribute("tabindex")).isEqualTo("-1");
        click("mediation-next");
        RadioButtonGroup<DisputeCategory> category = _get(RadioButtonGroup.class, spec -> spec.withId("mediation-category"));
        assertThat(category.isInvalid()).isTrue();
        assertThat(category.getErrorMessage()).isEqualTo("请选择纠纷类别。");
        assertThat(step()).isEqualTo("0");
        _setValue(category, DisputeCategory.CONSUMER);
        click("mediation-next");
        assertThat(step()).isEqualTo("1");

        _setValue(text("mediation-applicant-name"), "张三");
        _setValue(text("mediation-id-number"), "110105194912310021");
        _setValue(text("mediation-phone"), "12345");
        _setValue(text("mediation-email"), "zhang@");
        click("mediation-next");
        assertThat(step()).isEqualTo("1");
        assertThat(text("mediation-id-number").isInvalid()).isTrue();
        assertThat(text("mediation-id-number").getErrorMessage()).contains("校验位");
        assertThat(text("mediation-id-number").getValue()).isEqualTo("110105194912310021");
        assertThat(text("mediation-phone").isInvalid()).isTrue();
        assertThat(text("mediation-email").getErrorMessage()).contains("电子邮箱");
        assertThat(text("mediation-applicant-name").isInvalid()).isFalse();

        _setValue(text("mediation-id-number"), MediationTestSupport.VALID_ID);
        _setValue(text("mediation-phone"), "13800138000");
        _setValue(text("mediation-email"), "zhang@example.cn");
        click("mediation-next");
        assertThat(step()).isEqualTo("2");

        click("mediation-next");
        assertThat(text("mediation-other-party-name").isInvalid()).isTrue();
        _setValue(text("mediation-other-party-name"), "示例电器商店");
        click("mediation-next");
        assertThat(step()).isEqualTo("3");

        _setValue(area("mediation-facts"), "太短");
        _setValue(area("mediation-request"), "请求退货并退款。");
        click("mediation-next");
        assertThat(area("mediation-facts").getErrorMessage()).isEqualTo("请说明发生了什么（10至4000个字）。");
        _setValue(area("mediation-facts"), "我在示例电器商店买的电冰箱三天就坏了，商家拒绝退货。");
        click("mediation-next");
        assertThat(step()).isEqualTo("4");
        click("mediation-next");
        assertThat(step()).isEqualTo("5");

        click("mediation-next");
        assertThat(_get(Span.class, spec -> spec.withId("mediation-consent-error")).getText()).contains("勾选同意");
        assertThat(step()).isEqualTo("5");
        _setValue(_get(Checkbox.class, spec -> spec.withId("mediation-consent")), true);
        click("mediation-next");
        assertThat(step()).isEqualTo("6");
        String review = _get(Div.class, spec -> spec.withId("mediation-review")).getElement().getOuterHTML();
        assertThat(review).contains("110***********002X", "138****8000", "示例电器商店").doesNotContain(MediationTestSupport.VALID_ID);

        click("mediation-submit");
        String number = _get(Span.class, spec -> spec.withId("mediation-case-number")).getText();
        String code = _get(Span.class, spec -> spec.withId("mediation-access-code")).getText();
        assertThat(number).matches("TJ-20[0-9]{2}-[0-9]{6}");
        // the full-width colon carries its own space: 案件编号：TJ-…, not 案件编号： TJ-… with a double gap
        assertThat(_get(Span.class, spec -> spec.withId("mediation-case-number")).getParent().orElseThrow()
                .getElement().getTextRecursively()).isEqualTo("案件编号：" + number);
        assertThat(_get(Span.class, spec -> spec.withId("mediation-access-code")).getParent().orElseThrow()
                .getElement().getTextRecursively()).isEqualTo("查询码：" + code);
        assertThat(service.track(number, code)).hasValueSatisfying(c -> {
            assertThat(c.category()).isEqualTo(DisputeCategory.CONSUMER);
            assertThat(c.applicantName()).isEqualTo("张三");
        });
    }

    @Test
    void the_tracking_page_answers_a_wrong_code_like_an_unknown_number_and_withdraws_with_the_right_one() {
        SubmissionReceipt receipt = service.submit(MediationTestSupport.application(DisputeCategory.LABOUR, null), Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("mediation/track");
        _setValue(text("mediation-track-number"), receipt.caseNumber());
        _setValue(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")), "WRONGCODE234");
        click("mediation-track-submit");
        Div result = _get(Div.class, spec -> spec.withId("mediation-track-result"));
        assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("not-found");
        assertThat(result.getElement().getOuterHTML()).doesNotContain("张三");

        _setValue(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")), receipt.accessCode());
        click("mediation-track-submit");
        assertThat(result.getElement().getAttribute("data-status")).isEqualTo("SUBMITTED");
        assertThat(result.getElement().getOuterHTML()).contains("110***********002X", "138****8000").doesNotContain("13800138000");

        assertThat(result.getElement().getOuterHTML()).contains("受理决定期限");
        assertThat(_find(TextArea.class, spec -> spec.withId("mediation-reply-body"))).hasSize(1);

        // withdrawing cannot be undone: the button only asks, naming the case; cancelling keeps the case
        _setValue(area("mediation-withdraw-reason"), "已与单位协商解决");
        click("mediation-withdraw");
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("mediation-withdraw-confirm"));
        assertThat(ConfirmDialogKt.getText(confirm)).contains(receipt.caseNumber(), "撤回是最终的", "不能恢复");
        assertThat(result.getElement().getAttribute("data-status")).isEqualTo("SUBMITTED");
        ConfirmDialogKt._fireCancel(confirm);
        MockVaadin.clientRoundtrip();
        assertThat(result.getElement().getAttribute("data-status")).isEqualTo("SUBMITTED");
        assertThat(service.track(receipt.caseNumber(), receipt.accessCode()))
                .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED));

        // the withdrawal acts on the case that was opened, not on whatever the fields hold by then (another code
        // typed there would be a guess that no limit counts)
        _setValue(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")), "WRONGCODE235");
        click("mediation-withdraw");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("mediation-withdraw-confirm")));
        assertThat(result.getElement().getAttribute("data-status")).isEqualTo("WITHDRAWN");
        assertThat(result.getElement().getOuterHTML()).contains("已与单位协商解决");
        // a finished case shows no deadline and no message form (and the service takes no more messages)
        assertThat(result.getElement().getOuterHTML()).doesNotContain("受理决定期限");
        assertThat(_find(Div.class, spec -> spec.withId("mediation-track-deadlines"))).isEmpty();
        assertThat(_find(TextArea.class, spec -> spec.withId("mediation-reply-body"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("mediation-withdraw"))).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("mediation-reply-closed")).getText()).contains("本案已终结");
        assertThatThrownBy(() -> service.reply(receipt.caseNumber(), receipt.accessCode(), "还在吗？", "test"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void the_tracking_link_of_the_applicants_mails_fills_in_the_case_number_and_the_code_opens_the_case() {
        SubmissionReceipt receipt = service.submit(MediationTestSupport.application(DisputeCategory.LABOUR, null), Locale.SIMPLIFIED_CHINESE);
        cn.gov.enforcement.portal.testsupport.Links.open("mediation/track?number=" + receipt.caseNumber());
        assertThat(text("mediation-track-number").getValue()).isEqualTo(receipt.caseNumber());
        assertThat(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")).getValue()).isEmpty();
        _setValue(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")), receipt.accessCode());
        click("mediation-track-submit");
        assertThat(_get(Div.class, spec -> spec.withId("mediation-track-result")).getElement().getAttribute("data-status"))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void the_tracking_page_marks_an_empty_or_malformed_number_or_code_on_its_field_and_does_not_count_it_as_a_guess() {
        SubmissionReceipt receipt = service.submit(MediationTestSupport.application(DisputeCategory.LABOUR, null), Locale.SIMPLIFIED_CHINESE);
        // the access code's show button says what it shows: an access code, not a password
        List<com.vaadin.flow.dom.Element> named = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranWith("显示查询码",
                () -> UI.getCurrent().navigate("mediation/track"));
        PasswordField code = _get(PasswordField.class, spec -> spec.withId("mediation-track-code"));
        assertThat(named).containsExactly(code.getElement());
        TextField number = text("mediation-track-number");
        Div result = _get(Div.class, spec -> spec.withId("mediation-track-result"));
        limiter.reset(); // the wrong codes other tests tried from the same address do not count here
        try {
            // more empty presses than the failed look-ups an address may make: each is marked on the fields, none counts
            for (int i = 0; i <= settings.codeGuessesPerWindow(); i++) {
                List<com.vaadin.flow.dom.Element> focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus()",
                        () -> click("mediation-track-submit"));
                assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("refused");
                assertThat(number.isInvalid()).isTrue();
                assertThat(number.getErrorMessage()).isEqualTo("请填写案件编号。");
                assertThat(code.isInvalid()).isTrue();
                assertThat(code.getErrorMessage()).isEqualTo("请填写查询码。");
                assertThat(focused).containsExactly(number.getElement());
            }
            // a number that cannot be a case number is refused on its field; the code given is not marked
            _setValue(number, "abc");
            _setValue(code, "zzz");
            for (int i = 0; i <= settings.codeGuessesPerWindow(); i++) {
                click("mediation-track-submit");
            }
            assertThat(number.getErrorMessage()).contains("TJ-2026-000123");
            assertThat(code.isInvalid()).isFalse();
            assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("refused");
            // the address is not locked out: the right number and code open the case, and the marks go
            _setValue(number, receipt.caseNumber());
            _setValue(code, receipt.accessCode());
            click("mediation-track-submit");
            assertThat(result.getElement().getAttribute("data-status")).isEqualTo("SUBMITTED");
            assertThat(number.isInvalid()).isFalse();
            // the service refuses the same, whoever calls it
            assertThatThrownBy(() -> service.track(" ", "", "test-empty-look-up"))
                    .isInstanceOfSatisfying(cn.gov.enforcement.portal.platform.ValidationFailure.class, f ->
                            assertThat(f.problems()).extracting(cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem::field)
                                    .containsExactly("number", "code"));
        } finally {
            limiter.reset();
        }
    }

    /** Runs the officer's steps as an officer of the case's agency, then signs out again. */
    private void asOfficer(String username, java.util.function.Consumer<MediationBackOffice> steps) {
        MediationTestSupport.signInOfficer(accounts, users, username, "sample-market-regulation");
        try {
            steps.accept(context.getBean(MediationBackOffice.class));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private void track(SubmissionReceipt receipt) {
        track(receipt, service);
    }

    /** Opens the case on a tracking page that answers with this service. */
    private void track(SubmissionReceipt receipt, MediationService answering) {
        UI.getCurrent().add(new MediationTrackView(answering));
        _setValue(text("mediation-track-number"), receipt.caseNumber());
        _setValue(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")), receipt.accessCode());
        click("mediation-track-submit");
    }

    @Test
    void a_withdrawal_of_a_case_that_meanwhile_cannot_be_withdrawn_any_more_says_that_it_was_not_recorded() {
        SubmissionReceipt receipt = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        track(receipt);
        asOfficer("med-view-withdraw-late", office -> office.notAccept(receipt.caseNumber(), "不属于本机关调解范围"));
        _setValue(area("mediation-withdraw-reason"), "已与商家协商解决");
        click("mediation-withdraw");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("mediation-withdraw-confirm")));

        Div result = _get(Div.class, spec -> spec.withId("mediation-track-result"));
        assertThat(result.getElement().getAttribute("data-status")).isEqualTo("NOT_ACCEPTED");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mediation-track-changed")).getText())
                .isEqualTo("您的撤回没有保存：案件在此期间已变为“不予受理”，不能再撤回。页面已显示案件的最新情况。");
    }

    @Test
    void a_case_closed_after_mediation_failed_still_tells_the_applicant_where_to_turn() {
        SubmissionReceipt receipt = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        String n = receipt.caseNumber();
        asOfficer("med-view-failed-closed", office -> {
            office.accept(n, null);
            office.inviteOtherParty(n, null);
            office.otherPartyAgreed(n, null);
            office.fail(n, "双方分歧过大");
            office.close(n, null);
        });
        track(receipt);

        assertThat(_get(Div.class, spec -> spec.withId("mediation-track-result")).getElement().getAttribute("data-status"))
                .isEqualTo("CLOSED");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mediation-track-onward")).getText())
                .startsWith("您仍然可以依法申请行政复议、仲裁，或者向人民法院提起诉讼");
    }

    @Test
    void a_withdrawal_that_lost_the_race_to_an_officer_step_says_so_and_keeps_the_reason_typed() {
        SubmissionReceipt receipt = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        // the service as it answers when the agency's step was stored between loading the case and writing it
        MediationService racing = org.mockito.Mockito.mock(MediationService.class,
                org.mockito.AdditionalAnswers.delegatesTo(service));
        org.mockito.Mockito.doAnswer(call -> {
            MediationTestSupport.signInOfficer(accounts, users, "med-view-withdraw-race", "sample-market-regulation");
            try {
                context.getBean(MediationBackOffice.class).accept(receipt.caseNumber(), "材料齐全");
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
            }
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(
                    cn.gov.enforcement.portal.mediation.internal.MediationCase.class, 1L);
        }).when(racing).withdraw(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        track(receipt, racing);
        _setValue(area("mediation-withdraw-reason"), "已与商家协商解决");
        click("mediation-withdraw");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("mediation-withdraw-confirm")));

        Div result = _get(Div.class, spec -> spec.withId("mediation-track-result"));
        assertThat(result.getElement().getAttribute("data-status")).as("the case as it is now").isEqualTo("ACCEPTED");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mediation-track-changed")).getText())
                .isEqualTo("办理机关刚刚处理了您的案件，您的撤回没有保存。页面已显示案件的最新情况，请核对后如仍需撤回，再次提交。");
        TextArea reason = area("mediation-withdraw-reason");
        assertThat(reason.getValue()).isEqualTo("已与商家协商解决");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).contains("您的撤回没有保存");
    }

    @Test
    void the_tracking_and_case_pages_separate_labels_and_texts_with_the_colon_of_the_language() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.ENGLISH);
        signInOfficer("med-officer-market", "sample-market-regulation");
        MediationBackOffice backOffice = context.getBean(MediationBackOffice.class);
        backOffice.accept(r.caseNumber(), "Documents complete");
        backOffice.sendMessage(r.caseNumber(), "Please send the receipt.");
        service.reply(r.caseNumber(), r.accessCode(), "Receipt attached.", "test");
        UI.getCurrent().setLocale(Locale.ENGLISH);

        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        // the words as read (a message's text may stand in an element of its own, marked when it is Chinese)
        String casePage = _get(MediationCaseView.class).getElement().getTextRecursively();
        assertThat(casePage).contains("Kind of dispute: Consumer complaint", ": Please send the receipt.",
                "applicant: Receipt attached.", "(agency): Documents complete").doesNotContain("：Please", "：Documents");
        // the agency in the officer's language too
        assertThat(_get(UnorderedList.class, spec -> spec.withId("mediation-case-details")).getElement().getTextRecursively())
                .contains("Consumer complaint — Sample City Administration for Market Regulation")
                .doesNotContain("示例市市场监督管理局");
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("staff/mediation");
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        assertThat(_get(UnorderedList.class, spec -> spec.withId("mediation-case-details")).getElement().getTextRecursively())
                .contains("示例市市場監督管理局");
        UI.getCurrent().setLocale(Locale.ENGLISH);

        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("mediation/track");
        _setValue(text("mediation-track-number"), r.caseNumber());
        _setValue(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")), r.accessCode());
        click("mediation-track-submit");
        String tracking = _get(Div.class, spec -> spec.withId("mediation-track-result")).getElement().getOuterHTML();
        assertThat(tracking).contains("Agency: Please send the receipt.", "You: Receipt attached.", "(agency): Documents complete")
                .doesNotContain("：");
    }

    /** Walks the wizard in the UI's language to the step with the evidence upload. */
    @SuppressWarnings("unchecked")
    private static Upload evidenceStep() {
        UI.getCurrent().navigate("mediation");
        UI.getCurrent().navigate("mediation/apply");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("mediation-category")), DisputeCategory.CONSUMER);
        click("mediation-next");
        _setValue(text("mediation-applicant-name"), "Zhang San");
        _setValue(text("mediation-id-number"), MediationTestSupport.VALID_ID);
        _setValue(text("mediation-phone"), "13800138000");
        click("mediation-next");
        _setValue(text("mediation-other-party-name"), "Example Electrics");
        click("mediation-next");
        assertThat(step()).isEqualTo("3");
        return _get(Upload.class, spec -> spec.withId("mediation-evidence-upload"));
    }

    /** From the filled-in step of the facts past the preferred times and the consent, given, to the review. */
    private static void onToTheReview() {
        click("mediation-next");
        click("mediation-next");
        _setValue(_get(Checkbox.class, spec -> spec.withId("mediation-consent")), true);
        click("mediation-next");
        assertThat(step()).isEqualTo("6");
    }

    @Test
    void the_evidence_upload_speaks_the_pages_language_and_a_refused_file_does_not_stay_marked_as_uploaded() {
        UploadI18N chinese = evidenceStep().getI18n();
        assertThat(chinese).isNotNull();
        assertThat(chinese.getAddFiles().getMany()).isEqualTo("选择证据文件…");
        assertThat(chinese.getDropFiles().getMany()).isEqualTo("或将文件拖放到此处");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        Upload upload = evidenceStep();
        assertThat(upload.getI18n().getAddFiles().getMany()).isEqualTo("Choose evidence files…");
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("or drop a file here");

        // the JavaScript the server sends to the browser, to see whether the upload's own file list is emptied
        List<String> scripts = new ArrayList<>();
        List<Function1<PendingJavaScriptInvocation, Unit>> handlers = TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        List<Function1<PendingJavaScriptInvocation, Unit>> recording = new ArrayList<>(handlers);
        recording.add(invocation -> {
            scripts.add(invocation.getInvocation().getExpression());
            return Unit.INSTANCE;
        });
        TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(recording);
        try {
            UploadKt._upload(upload, "a.pdf", "application/pdf", EvidenceFilesTest.PDF);
            UploadKt._upload(upload, "b.pdf", "application/pdf", EvidenceFilesTest.PDF);
            MockVaadin.clientRoundtrip();
            assertThat(scripts).noneMatch(js -> js.contains("this.files"));
            assertThat(_get(Span.class, spec -> spec.withId("mediation-evidence-error")).getText()).isEmpty();

            UploadKt._upload(upload, "fake.pdf", "application/pdf", "not a pdf at all".getBytes(StandardCharsets.US_ASCII));
            MockVaadin.clientRoundtrip();
            assertThat(_get(Span.class, spec -> spec.withId("mediation-evidence-error")).getText())
                    .startsWith("fake.pdf: This kind of file is not accepted");
            assertThat(scripts).as("the refused file alone is taken off the upload's list (others may still be uploading)")
                    .anyMatch(js -> js.contains("this.files = this.files.filter(f => f.name !== $0)"))
                    .noneMatch(js -> js.contains("this.files = []"));

            // files chosen together upload side by side: one stored after another was refused keeps that refusal shown
            UploadKt._upload(upload, "c.pdf", "application/pdf", EvidenceFilesTest.PDF);
            MockVaadin.clientRoundtrip();
            assertThat(_get(Span.class, spec -> spec.withId("mediation-evidence-error")).getText())
                    .startsWith("fake.pdf: This kind of file is not accepted").doesNotContain("c.pdf");
            UploadKt._upload(upload, "worse.pdf", "application/pdf", "MZ".getBytes(StandardCharsets.US_ASCII));
            MockVaadin.clientRoundtrip();
            assertThat(_get(Span.class, spec -> spec.withId("mediation-evidence-error")).getText().split("\n"))
                    .hasSize(2).anyMatch(line -> line.startsWith("fake.pdf: ")).anyMatch(line -> line.startsWith("worse.pdf: "));
            // the refused file sent again, corrected, under its name: its refusal goes, the other's stays
            UploadKt._upload(upload, "fake.pdf", "application/pdf", EvidenceFilesTest.PDF);
            MockVaadin.clientRoundtrip();
            assertThat(_get(Span.class, spec -> spec.withId("mediation-evidence-error")).getText())
                    .startsWith("worse.pdf: ").doesNotContain("fake.pdf");
        } finally {
            TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
        }
        // a file the browser refuses before sending it (too large) is named with the reason as well
        ComponentUtil.fireEvent(upload, new FileRejectedEvent(upload, upload.getI18n().getError().getFileIsTooBig(), "big.pdf"));
        assertThat(_get(Span.class, spec -> spec.withId("mediation-evidence-error")).getText().split("\n"))
                .hasSize(2).satisfies(lines -> {
                    assertThat(lines[0]).startsWith("worse.pdf: This kind of file is not accepted");
                    assertThat(lines[1]).startsWith("big.pdf: The file is too large; each file may have at most");
                });
        String stored = _get(Div.class, spec -> spec.withId("mediation-evidence-list")).getElement().getOuterHTML();
        assertThat(stored).contains("a.pdf", "b.pdf", "c.pdf", "fake.pdf").doesNotContain("worse.pdf", "big.pdf");

        // the review lists the fields with the English colon and the files with the English separator
        _setValue(area("mediation-facts"), "The fridge I bought broke after three days and the shop refuses to take it back.");
        _setValue(area("mediation-request"), "Take the fridge back and refund the price.");
        onToTheReview();
        String review = _get(Div.class, spec -> spec.withId("mediation-review")).getElement().getOuterHTML();
        assertThat(review).contains("Kind of dispute: Consumer complaint", "Evidence: a.pdf, b.pdf, c.pdf, fake.pdf")
                .doesNotContain("：", "、");
        // the refusals spoke of the evidence step's uploads: gone once the reader has moved on and comes back
        click("mediation-back");
        click("mediation-back");
        click("mediation-back");
        assertThat(step()).isEqualTo("3");
        assertThat(_get(Span.class, spec -> spec.withId("mediation-evidence-error")).getText()).isEmpty();
    }

    /** The temporary files evidence uploads are streamed to, in the system's temporary directory. */
    private static List<java.nio.file.Path> evidenceTempFiles() throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files =
                java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(MediationApplyView.EVIDENCE_TEMP_PREFIX))
                    .toList();
        }
    }

    @Test
    void a_too_large_evidence_file_is_refused_from_its_size_and_an_accepted_one_is_stored_byte_for_byte() throws Exception {
        List<java.nio.file.Path> before = evidenceTempFiles();
        Upload upload = evidenceStep();
        long max = service.settings().evidenceMaxBytes();
        // a PDF by its first bytes, one byte over the limit: only its size refuses it
        byte[] big = new byte[(int) max + 1];
        System.arraycopy(EvidenceFilesTest.PDF, 0, big, 0, EvidenceFilesTest.PDF.length);
        UploadKt._upload(upload, "big.pdf", "application/pdf", big);
        MockVaadin.clientRoundtrip();
        UI ui = UI.getCurrent();
        assertThat(_get(Span.class, spec -> spec.withId("mediation-evidence-error")).getText()).isEqualTo("big.pdf"
                + ui.getTranslation("mediation.colon")
                + ui.getTranslation("mediation.error.evidence.size", MediationService.megabytes(max)));
        assertThat(_get(Div.class, spec -> spec.withId("mediation-evidence-list")).getElement().getOuterHTML())
                .doesNotContain("big.pdf");
        assertThat(evidenceTempFiles()).as("the refused file's temporary file is deleted").isSubsetOf(before);
        // refused from its length, before anything is read: a file of 2 GB and more could not even be read whole
        java.nio.file.Path huge = java.nio.file.Files.createTempFile("mediation-it-huge-", ".pdf");
        try {
            try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
                sparse.setLength(Integer.MAX_VALUE + 1L);
            }
            assertThatThrownBy(() -> service.upload(java.util.UUID.randomUUID().toString(), "huge.pdf", huge, null))
                    .isInstanceOfSatisfying(cn.gov.enforcement.portal.platform.ValidationFailure.class, failure ->
                            assertThat(failure.problems().get(0).messageKey()).isEqualTo("mediation.error.evidence.size"));
        } finally {
            java.nio.file.Files.delete(huge);
        }

        // an accepted file is stored exactly as sent, and its temporary file is deleted as well
        byte[] scan = new byte[300 * 1024];
        new java.util.Random(7).nextBytes(scan);
        System.arraycopy(EvidenceFilesTest.PDF, 0, scan, 0, EvidenceFilesTest.PDF.length);
        String name = "scan-" + java.util.UUID.randomUUID() + ".pdf";
        UploadKt._upload(upload, name, "application/pdf", scan);
        MockVaadin.clientRoundtrip();
        assertThat(_get(Span.class, spec -> spec.withId("mediation-evidence-error")).getText())
                .as("the earlier refusal stays named; the stored file is not").startsWith("big.pdf").doesNotContain(name);
        assertThat(_get(Div.class, spec -> spec.withId("mediation-evidence-list")).getElement().getOuterHTML()).contains(name);
        String stored = jdbc.queryForObject("select stored_name from mediation_evidence where original_name = ?",
                String.class, name);
        assertThat(evidenceFiles.read(stored)).isEqualTo(scan);
        assertThat(evidenceTempFiles()).as("the stored file's temporary file is deleted").isSubsetOf(before);
    }

    /** A letter in English of the market agency, written by a signed-in officer; signed out again after. */
    private LetterView englishLetter() {
        signInOfficer("med-views-letters", "sample-market-regulation");
        LetterView letter = letters.compose(new LetterInput(LetterInput.Situation.COMPLAINT, DisputeCategory.CONSUMER,
                "Wang Wu", "wangwu@example.cn", "en", "Example Supermarket",
                "Wang Wu complained that the supermarket sold him expired food and asks for compensation."));
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        return letter;
    }

    /** The applicant's name in the wizard, whichever step it shows. */
    private static String applicantName() {
        return cn.gov.enforcement.portal.testsupport.Components.descendants(UI.getCurrent())
                .filter(c -> c.getId().filter("mediation-applicant-name"::equals).isPresent())
                .map(c -> ((TextField) c).getValue()).findFirst().orElseThrow();
    }

    @Test
    void the_printed_letter_links_to_the_application_in_the_partys_language() {
        LetterView letter = englishLetter();
        signInOfficer("med-views-letters", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation/letter/" + letter.code());
        assertThat(_get(Paragraph.class, spec -> spec.withId("mediation-letter-how")).getText())
                .contains("open " + service.settings().link("mediation/apply?letter=" + letter.code() + "&lang=en") + ";")
                .endsWith("Valid until " + java.time.format.DateTimeFormatter.ofPattern("d MMMM y", Locale.ENGLISH)
                        .format(letter.validUntil()) + ".");
        // the closing: the agency's name, then the day of the letter under it, as the letter's language writes it
        Div closing = _get(Div.class, spec -> spec.withClasses("document-signature"));
        assertThat(_get(closing, Div.class, spec -> spec.withClasses("document-signature-agency")).getText()).isNotBlank();
        assertThat(_get(closing, Div.class, spec -> spec.withClasses("document-signature-date")).getText())
                .matches("\\d{1,2} [A-Z][a-z]+ \\d{4}");
    }

    @Test
    void a_letter_link_without_a_language_opens_the_application_in_the_letters_and_the_case_keeps_it() {
        LetterView letter = englishLetter();
        String link = "mediation/apply?letter=" + letter.code();
        // a browser that remembers no language is sent on to the letter's
        assertThat(Links.loadedBy(() -> Links.open(link))).containsExactly(link + "&lang=en");
        assertThat(applicantName()).as("not filled in before the page speaks English").isEmpty();

        Links.open(link + "&lang=en");
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(_get(com.vaadin.flow.component.html.H1.class, spec -> spec.withText("Apply for administrative mediation")))
                .isNotNull();
        assertThat(_get(Span.class, spec -> spec.withId("mediation-draft-info")).getText())
                .startsWith("Some fields have been filled in from your notice-and-guidance letter");
        assertThat(applicantName()).isEqualTo("Wang Wu");

        // submitted as the reader found it, the case and its mails are in English too
        click("mediation-next");
        _setValue(text("mediation-id-number"), MediationTestSupport.VALID_ID);
        _setValue(text("mediation-phone"), "13800138000");
        click("mediation-next");
        click("mediation-next");
        _setValue(area("mediation-request"), "A refund of the price.");
        onToTheReview();
        click("mediation-submit");
        String number = _get(Span.class, spec -> spec.withId("mediation-case-number")).getText();
        assertThat(jdbc.queryForObject("select applicant_language from mediation_case where case_number = ?", String.class,
                number)).isEqualTo("en");
        assertThat(jdbc.queryForObject("select subject from notification_outbox where dedup_key = ?", String.class,
                "mediation-submitted:" + number)).startsWith("Your mediation application has been received");
    }

    @Test
    void a_letter_link_keeps_the_language_the_reader_chose() {
        LetterView letter = englishLetter();
        String link = "mediation/apply?letter=" + letter.code();
        // remembered by the browser
        ((com.github.mvysny.fakeservlet.FakeRequest) com.vaadin.flow.server.VaadinServletRequest.getCurrent().getRequest())
                .addCookie(new jakarta.servlet.http.Cookie(cn.gov.enforcement.portal.platform.LanguagePreference.COOKIE, "zh-CN"));
        assertThat(Links.loadedBy(() -> Links.open(link))).isEmpty();
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(_get(Span.class, spec -> spec.withId("mediation-draft-info")).getText()).startsWith("已根据告知引导书预先填写");
        assertThat(applicantName()).isEqualTo("Wang Wu");

        // named by the address
        assertThat(Links.loadedBy(() -> Links.open(link + "&lang=zh-TW"))).allSatisfy(a -> assertThat(a).endsWith("&lang=zh-TW"));
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.TRADITIONAL_CHINESE);
        assertThat(_get(Span.class, spec -> spec.withId("mediation-draft-info")).getText()).startsWith("已根據告知引導書預先填寫");
        assertThat(applicantName()).isEqualTo("Wang Wu");
    }

    /** Walks the whole wizard in Chinese with a consumer complaint (e-mail address as given, none for null) to the review. */
    @SuppressWarnings("unchecked")
    private static void fillTheWizard(String email) {
        UI.getCurrent().navigate("mediation");
        UI.getCurrent().navigate("mediation/apply");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("mediation-category")), DisputeCategory.CONSUMER);
        click("mediation-next");
        _setValue(text("mediation-applicant-name"), "张三");
        _setValue(text("mediation-id-number"), MediationTestSupport.VALID_ID);
        _setValue(text("mediation-phone"), "13800138000");
        if (email != null) {
            _setValue(text("mediation-email"), email);
        }
        click("mediation-next");
        _setValue(text("mediation-other-party-name"), "示例电器商店");
        click("mediation-next");
        _setValue(area("mediation-facts"), "我在示例电器商店买的电冰箱三天就坏了，商家拒绝退货。");
        _setValue(area("mediation-request"), "请求退货并退款。");
        click("mediation-next");
        onToTheReview();
    }

    private static String textOf(String id) {
        return _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void the_review_names_the_agency_and_each_part_opens_its_step_with_every_answer_kept() {
        fillTheWizard(null);
        assertThat(textOf("mediation-review-agency")).isEqualTo("本案将由示例市市场监督管理局办理。");
        assertThat(textOf("mediation-review")).contains("修改", "返回核对").doesNotContain("上一步");
        // one edit button per step of the form, each named after its step
        for (int step = 0; step < 5; step++) {
            int s = step;
            Button edit = _get(Button.class, spec -> spec.withId("mediation-edit-" + s));
            assertThat(edit.getText()).isEqualTo("修改");
            assertThat(edit.getElement().getAttribute("aria-label")).startsWith("修改：").hasSizeGreaterThan(3);
        }
        assertThat(_find(Button.class, spec -> spec.withId("mediation-to-review"))).as("not on the review itself").isEmpty();

        // the other party's part opens its step; Back to review skips the steps in between
        _click(_get(Button.class, spec -> spec.withId("mediation-edit-2")));
        assertThat(step()).isEqualTo("2");
        assertThat(text("mediation-other-party-name").getValue()).isEqualTo("示例电器商店");
        _setValue(text("mediation-other-party-name"), "示例电器商店（建设路店）");
        click("mediation-to-review");
        assertThat(step()).isEqualTo("6");
        assertThat(textOf("mediation-review")).contains("示例电器商店（建设路店）", "110***********002X", "请求退货并退款。");

        // an answer emptied on the way is marked on its step, which stays open
        _click(_get(Button.class, spec -> spec.withId("mediation-edit-3")));
        assertThat(step()).isEqualTo("3");
        _setValue(area("mediation-request"), "");
        click("mediation-to-review");
        assertThat(step()).isEqualTo("3");
        assertThat(area("mediation-request").isInvalid()).isTrue();
        _setValue(area("mediation-request"), "请求退货并退款。");
        click("mediation-to-review");
        assertThat(step()).isEqualTo("6");
        assertThat(_get(MediationApplyView.class).application().applicantName()).isEqualTo("张三");
        // optional answers left empty say so, rather than a label with nothing after it
        assertThat(textOf("mediation-review")).contains("电子邮箱（选填）：未填写", "联系地址（选填）：未填写",
                "证据材料：未上传");

        // switching the language on a step opened from the review keeps the way back to it
        _click(_get(Button.class, spec -> spec.withId("mediation-edit-1")));
        MediationApplyView before = _get(MediationApplyView.class);
        cn.gov.enforcement.portal.ui.MainLayout.switchLanguage(UI.getCurrent(), Locale.TRADITIONAL_CHINESE);
        assertThat(_get(MediationApplyView.class)).isNotSameAs(before);
        assertThat(step()).isEqualTo("1");
        assertThat(_get(Button.class, spec -> spec.withId("mediation-to-review")).isVisible()).isTrue();
        click("mediation-to-review");
        assertThat(step()).isEqualTo("6");
    }

    @Test
    void a_language_switch_resumes_the_sessions_own_draft_even_when_the_address_has_used_up_its_code_guesses() {
        UI.getCurrent().navigate("mediation/apply");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("mediation-category")), DisputeCategory.CONSUMER);
        click("mediation-next");
        _setValue(text("mediation-applicant-name"), "张三");
        String client = cn.gov.enforcement.portal.platform.ClientAddress.current();
        limiter.reset(); // the wrong codes other tests tried from the same address do not count here
        try {
            for (int i = 0; i < settings.codeGuessesPerWindow(); i++) {
                assertThat(service.resumeDraft("NOSUCHDRAFT" + i, client)).isEmpty();
            }
            // a code typed by the reader is a guess, refused now
            _get(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("mediation-resume-box")).setOpened(true);
            _setValue(text("mediation-resume-input"), "NOSUCHDRAFTX");
            click("mediation-resume");
            assertThat(text("mediation-resume-input").getErrorMessage()).startsWith("同一网络地址输错续填码或查询码的次数太多");

            MediationApplyView before = _get(MediationApplyView.class);
            cn.gov.enforcement.portal.ui.MainLayout.switchLanguage(UI.getCurrent(), Locale.ENGLISH);
            assertThat(_get(MediationApplyView.class)).isNotSameAs(before);
            assertThat(step()).as("the same step, not an empty first one").isEqualTo("1");
            assertThat(text("mediation-applicant-name").getValue()).isEqualTo("张三");
            assertThat(text("mediation-resume-input").isInvalid()).isFalse();
        } finally {
            limiter.reset();
        }
    }

    @Test
    void the_identity_document_select_is_as_wide_as_the_fields_beside_it() {
        UI.getCurrent().navigate("mediation/apply");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("mediation-category")), DisputeCategory.CONSUMER);
        click("mediation-next");
        assertThat(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("mediation-id-type")).getWidth())
                .isEqualTo(text("mediation-applicant-name").getWidth()).isEqualTo("100%");
    }

    @Test
    void the_confirmation_says_who_handles_the_case_by_when_it_is_accepted_how_the_applicant_hears_and_whom_to_call() {
        fillTheWizard(null);
        click("mediation-submit");
        String number = _get(Span.class, spec -> spec.withId("mediation-case-number")).getText();
        String code = _get(Span.class, spec -> spec.withId("mediation-access-code")).getText();
        java.time.LocalDate due = service.track(number, code).orElseThrow().acceptanceDue();
        assertThat(textOf("mediation-done-keep")).contains("案件编号和查询码");
        assertThat(textOf("mediation-done-agency")).isEqualTo("办理机关：示例市市场监督管理局");
        assertThat(textOf("mediation-done-acceptance")).isEqualTo("受理决定：示例市市场监督管理局将在" + due + "前（收到申请后"
                + service.settings().acceptanceDays() + "个工作日内）决定是否受理，并告知您。");
        assertThat(textOf("mediation-done-hear")).contains("您没有填写电子邮箱", "查询办理进度");
        assertThat(textOf("mediation-done-phone")).contains("0999-12315001");
        assertThat(_get(Anchor.class, spec -> spec.withId("mediation-done-track")).getHref()).isEqualTo("mediation/track?number=" + number);

        fillTheWizard("done-page@example.cn");
        click("mediation-submit");
        // without a mail server the confirmation waits in the outbox: the page claims no mail has gone yet
        assertThat(textOf("mediation-done-hear")).contains("确认邮件将发送到 done-page@example.cn", "每一步进展")
                .doesNotContain("已发送");
    }

    @Test
    void each_limit_of_an_address_has_its_own_message_and_none_speaks_of_failed_attempts() {
        String client = cn.gov.enforcement.portal.platform.ClientAddress.current();
        limiter.reset();
        try {
            // the drafts of the window used up: the wizard says so, and that the application can still be sent
            for (int i = 0; i < MediationRateLimiter.DRAFTS_PER_WINDOW; i++) {
                limiter.reserve(MediationRateLimiter.Kind.DRAFT, client);
            }
            long window = settings.rateWindow().toMinutes();
            Upload upload = evidenceStep();
            assertThat(textOf("mediation-draft-info")).startsWith("同一网络地址在" + window + "分钟内最多可以新建"
                    + MediationRateLimiter.DRAFTS_PER_WINDOW + "份申请草稿").contains("申请仍可继续填写和提交")
                    .doesNotContain("尝试次数");
            // the evidence files of the window used up (an upload arrives in a request of its own: in a test outside any)
            for (String uploader : new java.util.LinkedHashSet<>(
                    List.of(client, cn.gov.enforcement.portal.platform.ClientAddress.key(null)))) {
                for (int i = 0; i < MediationRateLimiter.uploadsPerWindow(settings); i++) {
                    limiter.reserve(MediationRateLimiter.Kind.UPLOAD, uploader);
                }
            }
            UploadKt._upload(upload, "receipt.pdf", "application/pdf", EvidenceFilesTest.PDF);
            MockVaadin.clientRoundtrip();
            assertThat(_get(Span.class, spec -> spec.withId("mediation-evidence-error")).getText())
                    .startsWith("receipt.pdf：同一网络地址在" + window + "分钟内最多可以上传"
                            + MediationRateLimiter.uploadsPerWindow(settings) + "个证据文件").doesNotContain("尝试次数");
            // the applications of the window used up: the eleventh application is told of applications, not attempts
            for (int i = 0; i < settings.submissionsPerWindow(); i++) {
                limiter.reserve(MediationRateLimiter.Kind.SUBMISSION, client);
            }
            fillTheWizard(null);
            click("mediation-submit");
            assertThat(textOf("mediation-form-error")).startsWith("同一网络地址在" + window + "分钟内最多可以提交"
                    + settings.submissionsPerWindow() + "份调解申请").contains("填写的内容都保留在本页")
                    .doesNotContain("尝试次数");
            assertThat(_find(Div.class, spec -> spec.withId("mediation-result"))).as("nothing submitted").isEmpty();
        } finally {
            limiter.reset();
        }
    }

    @Test
    void the_wizards_buttons_wrap_rather_than_widen_a_phones_page() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("mediation/apply");
        com.vaadin.flow.component.orderedlayout.HorizontalLayout buttons = _get(
                com.vaadin.flow.component.orderedlayout.HorizontalLayout.class, spec -> spec.withId("mediation-buttons"));
        assertThat(buttons.isWrap()).isTrue();
        assertThat(buttons.getChildren().map(c -> c.getId().orElse(""))).contains("mediation-back", "mediation-next",
                "mediation-submit");
    }

    @Test
    void the_tracking_page_names_the_agency_and_its_phone_and_shows_the_dates_of_the_current_stage() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("mediation/track");
        _setValue(text("mediation-track-number"), r.caseNumber());
        _setValue(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")), r.accessCode());
        click("mediation-track-submit");
        assertThat(textOf("mediation-track-agency")).contains("示例市市场监督管理局", "0999-12315001");
        // on an English page the agency's English office hours (its file's office_hours_en), nothing marked Chinese
        UI.getCurrent().setLocale(Locale.ENGLISH);
        click("mediation-track-submit");
        com.vaadin.flow.dom.Element contact = _get(com.vaadin.flow.component.Component.class,
                spec -> spec.withId("mediation-track-agency")).getElement();
        assertThat(contact.getTextRecursively()).startsWith("Handled by ")
                .contains("0999-12315001", "Working days 9:00-12:00 and 13:30-17:30").doesNotContain("工作日");
        assertThat(contact.getChildren().filter(e -> e.getAttribute("lang") != null)).isEmpty();
        // an agency without them: its Chinese words, marked as such; the sentence is not
        jdbc.update("update agency set office_hours_en = '' where id = 'sample-market-regulation'");
        try {
            click("mediation-track-submit");
            contact = _get(com.vaadin.flow.component.Component.class, spec -> spec.withId("mediation-track-agency"))
                    .getElement();
            assertThat(contact.getTextRecursively()).startsWith("Handled by ").contains("0999-12315001", "工作日");
            assertThat(contact.getChildren().filter(e -> "zh-CN".equals(e.getAttribute("lang")))
                    .map(com.vaadin.flow.dom.Element::getTextRecursively)).singleElement().asString().startsWith("工作日");
        } finally {
            jdbc.update("update agency set office_hours_en = 'Working days 9:00-12:00 and 13:30-17:30' "
                    + "where id = 'sample-market-regulation'");
        }
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        click("mediation-track-submit");
        assertThat(_get(com.vaadin.flow.component.Component.class, spec -> spec.withId("mediation-track-agency"))
                .getElement().getChildren().filter(e -> e.getAttribute("lang") != null)).isEmpty();
        assertThat(textOf("mediation-track-deadlines"))
                .contains("受理决定期限：" + service.track(r.caseNumber(), r.accessCode()).orElseThrow().acceptanceDue());

        signInOfficer("med-view-track-stage", "sample-market-regulation");
        MediationBackOffice backOffice = context.getBean(MediationBackOffice.class);
        backOffice.accept(r.caseNumber(), "材料齐全");
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        click("mediation-track-submit");
        assertThat(_get(Div.class, spec -> spec.withId("mediation-track-result")).getElement().getAttribute("data-status"))
                .isEqualTo("ACCEPTED");
        assertThat(textOf("mediation-track-deadlines")).as("the decision is taken: its deadline no longer runs")
                .contains("调解期限：").doesNotContain("受理决定期限");

        signInOfficer("med-view-track-stage", "sample-market-regulation");
        backOffice.inviteOtherParty(r.caseNumber(), "已电话联系对方");
        backOffice.otherPartyAgreed(r.caseNumber(), "对方同意调解");
        java.time.Instant session = java.time.Instant.now().plus(java.time.Duration.ofDays(10))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        backOffice.scheduleSession(r.caseNumber(), session, "示例市市场监管局二楼调解室");
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        click("mediation-track-submit");
        assertThat(textOf("mediation-track-session")).contains("示例市市场监管局二楼调解室");
        assertThat(textOf("mediation-track-deadlines")).contains("调解时间：", "调解期限：").doesNotContain("受理决定期限");

        // withdrawn before the session: the time set is no appointment any more, and the page says so
        service.withdraw(r.caseNumber(), r.accessCode(), null);
        click("mediation-track-submit");
        assertThat(_get(Div.class, spec -> spec.withId("mediation-track-result")).getElement().getAttribute("data-status"))
                .isEqualTo("WITHDRAWN");
        assertThat(textOf("mediation-track-session")).startsWith("原定的调解（").contains("示例市市场监管局二楼调解室", "不再举行")
                .doesNotStartWith("调解时间：");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_information_page_offers_applying_at_the_top_and_the_resume_code_waits_folded_below_the_form() {
        UI.getCurrent().navigate("mediation");
        MediationInfoView info = _get(MediationInfoView.class);
        Button apply = _get(Button.class, spec -> spec.withId("mediation-apply-top"));
        assertThat(apply.getText()).isEqualTo("在线申请调解");
        assertThat(apply.getThemeNames()).contains("primary");
        List<com.vaadin.flow.component.Component> children = info.getChildren().toList();
        int routing = children.indexOf(_get(UnorderedList.class, spec -> spec.withId("mediation-routing")));
        int buttons = children.indexOf(apply.getParent().orElseThrow());
        assertThat(buttons).as("before the explanations").isBetween(0, routing);
        assertThat(_get(Anchor.class, spec -> spec.withId("mediation-apply-link")).getHref()).isEqualTo("mediation/apply");

        _click(apply);
        MediationApplyView wizard = _get(MediationApplyView.class);
        com.vaadin.flow.component.details.Details resumeBox =
                _get(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("mediation-resume-box"));
        assertThat(resumeBox.isOpened()).isFalse();
        assertThat(resumeBox.getSummaryText()).isEqualTo("已有续填码？继续填写");
        assertThat(java.util.stream.Stream.iterate(text("mediation-resume-input").getParent(), java.util.Optional::isPresent,
                p -> p.flatMap(com.vaadin.flow.component.Component::getParent)).map(java.util.Optional::get))
                .as("the resume field is inside the folded box").contains(resumeBox);
        Div form = _get(Div.class, spec -> spec.withId("mediation-wizard"));
        List<com.vaadin.flow.component.Component> parts = form.getChildren().toList();
        assertThat(parts.indexOf(resumeBox)).as("after the step and its buttons")
                .isGreaterThan(parts.indexOf(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("mediation-step-title"))));
        assertThat(wizard.getElement().getAttribute("data-step")).isEqualTo("0");
    }

    @Test
    void the_information_page_names_the_agency_for_every_category() {
        UI.getCurrent().navigate("mediation");
        UnorderedList routing = _get(UnorderedList.class, spec -> spec.withId("mediation-routing"));
        assertThat(routing.getChildren().count()).isEqualTo(DisputeCategory.values().length);
        assertThat(routing.getElement().getOuterHTML()).contains("消费者权益投诉", "劳动争议", "由");
    }

    @Test
    void an_officer_sees_only_their_own_agencys_cases_and_accepts_one_from_the_queue() {
        SubmissionReceipt consumer = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt traffic = service.submit(MediationTestSupport.application(DisputeCategory.TRAFFIC_ACCIDENT, null), Locale.SIMPLIFIED_CHINESE);

        signInOfficer("med-officer-market", "sample-market-regulation");
        UI.getCurrent().navigate("");
        // the officer finds the queue in the navigation
        assertThat(_find(Anchor.class, spec -> spec.withClasses("portal-nav-link")))
                .extracting(Anchor::getHref).contains("staff/mediation");
        UI.getCurrent().navigate("staff/mediation");
        String queue = _get(Div.class, spec -> spec.withId("mediation-queue")).getElement().getOuterHTML();
        assertThat(queue).contains(consumer.caseNumber(), "138****8000").doesNotContain(traffic.caseNumber(), "13800138000");

        Div row = _get(Div.class, spec -> spec.withClasses("mediation-queue-row").withAttribute("data-case", consumer.caseNumber()));
        _click(_get(row, Button.class, spec -> spec.withClasses("mediation-accept")));
        assertThat(service.track(consumer.caseNumber(), consumer.accessCode())).hasValueSatisfying(c ->
                assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED));
    }
}
