package cn.gov.enforcement.portal.rating;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.notification.InvalidMailException;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;

/** Rating the enforcement (好差评): the public form, the service's checks and the officers' follow-up. */
class RatingIT extends KaribuViewTest {

    static final String MARKET = "sample-market-regulation";
    static final String TRAFFIC = "sample-traffic-police";
    /** An officer of the market regulation agency in knowledge-base/agencies/sample-market-regulation.yaml. */
    static final String MARKET_CERTIFICATE = "SJ-990100-2024-0017";

    @Autowired RatingService service;
    @Autowired cn.gov.enforcement.portal.platform.Translations translations;
    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired cn.gov.enforcement.portal.platform.PortalSettings portalSettings;
    @Autowired RatingReminders reminders;
    @Autowired RatingRetention retention;
    @Autowired java.time.Clock clock;
    @Autowired cn.gov.enforcement.portal.knowledge.KnowledgeBase knowledgeBase;
    @Autowired jakarta.persistence.EntityManagerFactory entityManagerFactory;

    @org.junit.jupiter.api.BeforeEach
    void loadTheKnowledgeBase() {
        // test classes with their own knowledge base (agencies only, say) share the database: load ours again
        knowledgeBase.loadAll();
        // the page's sends all come from the test's one address: no test depends on how many others sent before it
        service.resetLimits();
    }

    private static String client() {
        return "test-" + UUID.randomUUID();
    }

    private RatingInput bad(String agency) {
        return new RatingInput(agency, null, service.today().minusDays(2), Matter.INSPECTION, Score.DISSATISFIED,
                "检查时没有出示执法证件，态度生硬。", true, "王先生", "138 0013 8000", null);
    }

    /** Moves a rating's follow-up deadline (the service sets it seven days after the rating). */
    private void dueOn(RatingReceipt r, java.time.LocalDate due) {
        jdbc.update("update enforcement_rating set follow_up_due = ? where reference = ?", due, r.reference());
    }

    @Test
    void texts_of_exactly_the_limit_in_supplementary_characters_are_stored_whole() {
        // 𠀀 (U+20000) is one character but two UTF-16 units, which is what H2 counts in a varchar
        String rare = "\uD840\uDC00";
        RatingReceipt r = service.submit(new RatingInput(MARKET, null, service.today().minusDays(1), Matter.INSPECTION,
                Score.DISSATISFIED, rare.repeat(RatingService.MAX_COMMENT), true, rare.repeat(RatingService.MAX_NAME),
                "138 0013 8000", null), Locale.SIMPLIFIED_CHINESE, client());
        signInOfficer("rating-officer-rare", MARKET);
        service.followUp(r.reference(), FollowUpResult.EXPLAINED, rare.repeat(RatingService.MAX_NOTE));
        Map<String, Object> row = jdbc.queryForMap(
                "select comment, contact_name, follow_up_note from enforcement_rating where reference = ?", r.reference());
        assertThat((String) row.get("COMMENT")).isEqualTo(rare.repeat(RatingService.MAX_COMMENT));
        assertThat((String) row.get("CONTACT_NAME")).isEqualTo(rare.repeat(RatingService.MAX_NAME));
        assertThat((String) row.get("FOLLOW_UP_NOTE")).isEqualTo(rare.repeat(RatingService.MAX_NOTE));
    }

    @Test
    void each_agency_is_reminded_once_a_day_of_the_follow_ups_overdue_or_due_by_tomorrow() {
        java.time.LocalDate today = service.today();
        RatingReceipt overdue = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt dueTomorrow = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt dueLater = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt followedUp = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt traffic = service.submit(bad(TRAFFIC), Locale.SIMPLIFIED_CHINESE, client());
        dueOn(overdue, today.minusDays(2));
        dueOn(dueTomorrow, today.plusDays(1));
        dueOn(dueLater, today.plusDays(2));
        dueOn(followedUp, today.minusDays(1));
        dueOn(traffic, today);
        signInOfficer("rating-officer-reminder", MARKET);
        service.followUp(followedUp.reference(), FollowUpResult.EXPLAINED, "已电话说明检查依据和程序。");

        assertThat(reminders.remind()).isGreaterThanOrEqualTo(2);
        Map<String, Object> market = mail("rating-reminder:" + MARKET + ":" + today);
        assertThat(market.get("recipient")).isEqualTo("jiandu@scjg.sample.gov.cn");
        assertThat(market.get("locale")).isEqualTo("zh-CN");
        assertThat((String) market.get("subject")).contains("差评回访提醒", today.toString());
        String body = (String) market.get("text_body");
        assertThat(body)
                .contains("评价编号 " + overdue.reference() + "｜检查｜不满意｜回访期限 " + today.minusDays(2) + "（已超期）")
                .contains("评价编号 " + dueTomorrow.reference() + "｜检查｜不满意｜回访期限 " + today.plusDays(1) + "\n")
                .contains(portalSettings.publicUrl() + "/staff/ratings")
                .doesNotContain(dueLater.reference(), followedUp.reference(), traffic.reference(), "王先生", "138 0013 8000", "13800138000",
                        "态度生硬");
        assertThat(mail("rating-reminder:" + TRAFFIC + ":" + today).get("text_body").toString())
                .contains(traffic.reference()).doesNotContain(overdue.reference());

        // a second run the same day adds nothing
        reminders.remind();
        assertThat(mails("rating-reminder:" + MARKET + ":" + today)).hasSize(1);
    }

    /** The number of ratings of the market regulation agency in the page's figures (0 when it has no row). */
    private static long marketRatingsShown() {
        return _find(Div.class, spec -> spec.withId("rating-figures-scroll")).stream() // none without figures
                .flatMap(box -> box.getElement().getChildren()) // the table
                .flatMap(e -> e.getChildren()) // the table's body
                .flatMap(e -> e.getChildren()) // its rows
                .filter(row -> MARKET.equals(row.getAttribute("data-agency")))
                .map(row -> Long.parseLong(row.getChild(1).getText()))
                .findFirst().orElse(0L);
    }

    private RatingInput good(String agency) {
        return new RatingInput(agency, null, service.today(), Matter.GUIDANCE, Score.VERY_SATISFIED, null, false,
                null, null, null);
    }

    private void signInOfficer(String username, String agency) {
        var admin = new UsernamePasswordAuthenticationToken("test-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        SecurityContextHolder.setContext(new SecurityContextImpl(admin));
        try {
            accounts.create(new AccountService.NewUser(username, "测试回访员", Role.OFFICER, agency));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier test of this run
        }
        UserDetails officer = users.loadUserByUsername(username);
        signIn(officer, "OFFICER");
    }

    /** The mails queued under a dedup key (none or one). */
    private List<Map<String, Object>> mails(String dedupKey) {
        return jdbc.queryForList("select recipient, subject, text_body, locale from notification_outbox where dedup_key = ?",
                dedupKey);
    }

    private Map<String, Object> mail(String dedupKey) {
        List<Map<String, Object>> found = mails(dedupKey);
        assertThat(found).as("mail %s", dedupKey).hasSize(1);
        return found.get(0);
    }

    private int outboxCount(String dedupKeyPattern) {
        return jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like ?", Integer.class,
                dedupKeyPattern);
    }

    @SuppressWarnings("unchecked")
    private static Grid<RatingRecord> queueGrid() {
        return _get(Grid.class, spec -> spec.withId("rating-queue"));
    }

    private static List<String> references(List<RatingRecord> records) {
        return records.stream().map(RatingRecord::reference).toList();
    }

    private static List<String> fields(ValidationFailure failure) {
        return failure.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void a_good_rating_is_recorded_and_a_bad_one_waits_for_follow_up_within_seven_days() {
        RatingReceipt good = service.submit(good(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        assertThat(good.reference()).matches("PJ-\\d{4}-\\d{6}");
        assertThat(good.followUpDue()).isNull();
        assertThat(good.reply()).as("a good rating gets no reply").isEqualTo(RatingReceipt.Reply.NONE);
        RatingReceipt bad = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        assertThat(bad.followUpDue()).isEqualTo(service.today().plusDays(RatingService.FOLLOW_UP_DAYS));
        assertThat(bad.reply()).as("a reply wanted, a phone and no e-mail address").isEqualTo(RatingReceipt.Reply.PHONE);
        RatingReceipt mailed = service.submit(new RatingInput(MARKET, null, service.today(), Matter.PENALTY,
                Score.DISSATISFIED, "处罚决定书没有说明理由。", true, null, "138 0013 8000", "wang@example.com"),
                Locale.SIMPLIFIED_CHINESE, client());
        assertThat(mailed.reply()).as("a reply wanted and an e-mail address").isEqualTo(RatingReceipt.Reply.MAIL);
        RatingReceipt unasked = service.submit(new RatingInput(MARKET, null, service.today(), Matter.PENALTY,
                Score.DISSATISFIED, "处罚决定书没有说明理由。", false, null, null, "wang@example.com"),
                Locale.SIMPLIFIED_CHINESE, client());
        assertThat(unasked.reply()).as("an e-mail address but no reply wanted, no phone").isEqualTo(RatingReceipt.Reply.NONE);
        RatingReceipt notCalled = service.submit(new RatingInput(MARKET, null, service.today(), Matter.PENALTY,
                Score.DISSATISFIED, "处罚决定书没有说明理由。", false, null, "138 0013 8000", null),
                Locale.SIMPLIFIED_CHINESE, client());
        assertThat(notCalled.reply()).as("a phone but no reply wanted: no call is promised").isEqualTo(RatingReceipt.Reply.NONE);
        assertThat(jdbc.queryForObject("select status from enforcement_rating where reference = ?", String.class,
                bad.reference())).isEqualTo("AWAITING_FOLLOW_UP");
        // the phone is kept as digits, the certificate in its committed form
        assertThat(jdbc.queryForObject("select contact_phone from enforcement_rating where reference = ?", String.class,
                bad.reference())).isEqualTo("13800138000");
        RatingReceipt withCertificate = service.submit(new RatingInput(MARKET, "sj 990100 2024 0017", service.today(),
                Matter.PENALTY, Score.SATISFIED, null, false, null, null, null), Locale.ENGLISH, client());
        assertThat(jdbc.queryForObject("select certificate from enforcement_rating where reference = ?", String.class,
                withCertificate.reference())).isEqualTo(MARKET_CERTIFICATE);
    }

    @Test
    void every_refused_field_is_named_and_nothing_is_stored() {
        Integer before = jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class);
        ValidationFailure empty = org.junit.jupiter.api.Assertions.assertThrows(ValidationFailure.class, () ->
                service.submit(new RatingInput(null, null, null, null, null, null, true, null, null, null),
                        Locale.SIMPLIFIED_CHINESE, client()));
        assertThat(fields(empty)).containsExactly("agency", "contactDate", "matter", "score", "contactPhone");

        ValidationFailure wrong = org.junit.jupiter.api.Assertions.assertThrows(ValidationFailure.class, () ->
                service.submit(new RatingInput("no-such-agency", "XX-1", service.today().plusDays(1), Matter.OTHER,
                        Score.VERY_DISSATISFIED, "差", false, "名".repeat(51), "12ab", "not-an-address"),
                        Locale.SIMPLIFIED_CHINESE, client()));
        assertThat(fields(wrong)).containsExactly("agency", "contactDate", "comment", "certificate", "contactName",
                "contactPhone", "contactEmail");

        // a certificate of another agency, a contact too long ago
        ValidationFailure other = org.junit.jupiter.api.Assertions.assertThrows(ValidationFailure.class, () ->
                service.submit(new RatingInput(TRAFFIC, MARKET_CERTIFICATE, service.today().minusDays(400), Matter.OTHER,
                        Score.SATISFIED, null, false, null, null, null), Locale.SIMPLIFIED_CHINESE, client()));
        assertThat(other.problems()).extracting(FieldProblem::messageKey)
                .containsExactly("rating.error.dateOld", "rating.error.certificateAgency");
        ValidationFailure control = org.junit.jupiter.api.Assertions.assertThrows(ValidationFailure.class, () ->
                service.submit(new RatingInput(TRAFFIC, null, service.today(), Matter.OTHER, Score.SATISFIED,
                        "态度很好\u001b[31m", false, "张\n三", null, null), Locale.SIMPLIFIED_CHINESE, client()));
        assertThat(control.problems()).extracting(p -> p.field() + "=" + p.messageKey())
                .containsExactly("comment=platform.error.controlCharacters", "contactName=platform.error.singleLine");
        assertThat(jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class)).isEqualTo(before);
    }

    @Test
    void one_network_may_send_five_ratings_an_hour() {
        String client = client();
        for (int i = 0; i < RatingService.MAX_PER_HOUR; i++) {
            service.submit(good(TRAFFIC), Locale.SIMPLIFIED_CHINESE, client);
        }
        ValidationFailure limited = org.junit.jupiter.api.Assertions.assertThrows(ValidationFailure.class,
                () -> service.submit(good(TRAFFIC), Locale.SIMPLIFIED_CHINESE, client));
        assertThat(limited.problems()).extracting(FieldProblem::field).containsExactly("form");
        service.submit(good(TRAFFIC), Locale.SIMPLIFIED_CHINESE, client());
    }

    @Test
    void ratings_sent_at_once_from_one_network_are_stored_up_to_the_limit_and_no_further() throws Exception {
        String client = client();
        int threads = 3 * RatingService.MAX_PER_HOUR;
        Integer before = jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class);
        int stored = cn.gov.enforcement.portal.testsupport.AtOnce.count(threads, i -> {
            try {
                service.submit(good(TRAFFIC), Locale.SIMPLIFIED_CHINESE, client);
                return true;
            } catch (ValidationFailure limited) {
                return false;
            }
        });
        assertThat(stored).isEqualTo(RatingService.MAX_PER_HOUR);
        assertThat(jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class))
                .isEqualTo(before + RatingService.MAX_PER_HOUR);
    }

    @Test
    void the_public_form_marks_each_refused_field_keeps_the_input_and_then_gives_a_reference() {
        UI.getCurrent().navigate("rating");
        // the person's own contact details: phones' keyboards, and the browser may fill them in
        var phoneHints = _get(TextField.class, spec -> spec.withId("rating-contact-phone")).getElement();
        assertThat(phoneHints.getAttribute("inputmode")).isEqualTo("tel");
        assertThat(phoneHints.getAttribute("autocomplete")).isEqualTo("tel");
        var emailHints = _get(com.vaadin.flow.component.textfield.EmailField.class, spec -> spec.withId("rating-contact-email"))
                .getElement();
        assertThat(emailHints.getAttribute("inputmode")).isEqualTo("email");
        assertThat(emailHints.getAttribute("autocomplete")).isEqualTo("email");
        assertThat(_get(TextField.class, spec -> spec.withId("rating-contact-name")).getElement().getAttribute("autocomplete"))
                .isEqualTo("name");
        _get(Select.class, spec -> spec.withId("rating-agency")).setValue(MARKET);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Score> score = _get(RadioButtonGroup.class, spec -> spec.withId("rating-score"));
        score.setValue(Score.VERY_DISSATISFIED);
        _get(TextField.class, spec -> spec.withId("rating-contact-phone")).setValue("12ab");
        DatePicker date = _get(DatePicker.class, spec -> spec.withId("rating-date"));
        // the picker's own check, when a later date is typed and the field left, says what the server would say
        assertThat(date.getMax()).isEqualTo(service.today());
        assertThat(date.getI18n().getMaxErrorMessage()).isEqualTo("执法日期不能晚于今天。");
        assertThat(date.getI18n().getRequiredErrorMessage()).isEqualTo("请填写执法日期。");
        List<com.vaadin.flow.dom.Element> focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus()",
                () -> _click(_get(Button.class, spec -> spec.withId("rating-submit"))));

        TextArea comment = _get(TextArea.class, spec -> spec.withId("rating-comment"));
        TextField phone = _get(TextField.class, spec -> spec.withId("rating-contact-phone"));
        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage()).isEqualTo("请填写执法日期。");
        assertThat(comment.isInvalid()).isTrue();
        assertThat(comment.getErrorMessage()).contains("差评请说明不满意的原因");
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getValue()).isEqualTo("12ab");
        assertThat(_get(Select.class, spec -> spec.withId("rating-agency")).getValue()).isEqualTo(MARKET);
        // the note names every refused field in the order of the form, and the focus goes to the first of them
        assertThat(_get(Paragraph.class, spec -> spec.withId("rating-form-error")).getText())
                .isEqualTo("有 4 处需要补充或修改：执法日期、执法事项、具体意见、手机或电话。请按各处的提示修改后再提交。");
        assertThat(focused).containsExactly(date.getElement());

        date.setValue(service.today().minusDays(1));
        _get(Select.class, spec -> spec.withId("rating-matter")).setValue(Matter.PENALTY);
        comment.setValue("处罚决定书没有说明理由。");
        phone.setValue("");
        _get(Checkbox.class, spec -> spec.withId("rating-wants-reply")).setValue(false);
        long countedBefore = marketRatingsShown();
        _click(_get(Button.class, spec -> spec.withId("rating-submit")));
        String reference = _get(Span.class, spec -> spec.withId("rating-reference")).getText();
        assertThat(reference).matches("PJ-\\d{4}-\\d{6}");
        // the full-width colon carries its own space: 评价编号：PJ-…, not 评价编号： PJ-… with a double gap
        assertThat(((Paragraph) _get(Span.class, spec -> spec.withId("rating-reference")).getParent().orElseThrow())
                .getElement().getTextRecursively()).isEqualTo("评价编号：" + reference);
        assertThat(_get(Paragraph.class, spec -> spec.withId("rating-follow-up-note")).getText())
                .contains(service.today().plusDays(RatingService.FOLLOW_UP_DAYS).toString());
        assertThat(_find(Div.class, spec -> spec.withId("rating-form"))).isEmpty();
        // how the person hears back (no contact given: not at all), whom to call, where to check a certificate
        assertThat(_get(Paragraph.class, spec -> spec.withId("rating-reply-note")).getText())
                .isEqualTo("本次评价不会另行答复您，请保存评价编号备查。");
        assertThat(_get(Paragraph.class, spec -> spec.withId("rating-supervision-note")).getText())
                .isEqualTo("对执法或处理结果有异议，可拨打示例市市场监督管理局的执法监督电话 0999-12315001。");
        assertThat(_get(Anchor.class, spec -> spec.withId("rating-certificate-check-link")).getHref())
                .isEqualTo("certificate-check");
        // the figures below count the rating just sent
        assertThat(marketRatingsShown()).isEqualTo(countedBefore + 1);
    }

    @Test
    void a_form_sent_twice_by_a_double_click_stores_one_rating_with_one_set_of_mails() {
        UI.getCurrent().navigate("rating");
        Button submit = _get(Button.class, spec -> spec.withId("rating-submit"));
        // the browser disables the button as it is clicked: a double click sends the form once
        assertThat(submit.isDisableOnClick()).isTrue();
        _get(Select.class, spec -> spec.withId("rating-agency")).setValue(MARKET);
        _get(DatePicker.class, spec -> spec.withId("rating-date")).setValue(service.today().minusDays(1));
        _get(Select.class, spec -> spec.withId("rating-matter")).setValue(Matter.INSPECTION);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Score> score = _get(RadioButtonGroup.class, spec -> spec.withId("rating-score"));
        score.setValue(Score.VERY_DISSATISFIED);
        _get(Checkbox.class, spec -> spec.withId("rating-wants-reply")).setValue(true);
        _get(com.vaadin.flow.component.textfield.EmailField.class, spec -> spec.withId("rating-contact-email"))
                .setValue("double.click@example.com");
        // refused (no comment for a bad rating): the button is enabled again for the corrected resend
        _click(submit);
        assertThat(_get(TextArea.class, spec -> spec.withId("rating-comment")).isInvalid()).isTrue();
        assertThat(submit.isEnabled()).isTrue();
        _get(TextArea.class, spec -> spec.withId("rating-comment")).setValue("检查人员没有出示执法证件。");
        Integer ratings = jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class);
        int notices = outboxCount("rating-agency:%");

        // a second click that reaches the server all the same (sent before the answer to the first came back)
        clickArrives(submit);
        String reference = _get(Span.class, spec -> spec.withId("rating-reference")).getText();
        clickArrives(submit);
        clickArrives(submit);
        assertThat(_get(Span.class, spec -> spec.withId("rating-reference")).getText())
                .as("the receipt of the rating stored first").isEqualTo(reference);
        assertThat(jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class)).isEqualTo(ratings + 1);
        assertThat(outboxCount("rating-agency:%")).isEqualTo(notices + 1);
        assertThat(mail("rating-agency:" + reference).get("recipient")).isEqualTo("jiandu@scjg.sample.gov.cn");
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where recipient = ?", Integer.class,
                "double.click@example.com")).isEqualTo(1);

        // 再评价一次 (the router keeps the view): an empty form, whose rating is a new one
        assertThat(_get(Anchor.class, spec -> spec.withText("再评价一次")).getHref()).isEqualTo("rating");
        UI.getCurrent().navigate("rating");
        assertThat(_get(Select.class, spec -> spec.withId("rating-agency")).getValue()).isNull();
        assertThat(_get(TextArea.class, spec -> spec.withId("rating-comment")).getValue()).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("rating-reference"))).isEmpty();
        _get(Select.class, spec -> spec.withId("rating-agency")).setValue(MARKET);
        _get(DatePicker.class, spec -> spec.withId("rating-date")).setValue(service.today());
        _get(Select.class, spec -> spec.withId("rating-matter")).setValue(Matter.GUIDANCE);
        score.setValue(Score.SATISFIED);
        _click(_get(Button.class, spec -> spec.withId("rating-submit")));
        assertThat(_get(Span.class, spec -> spec.withId("rating-reference")).getText()).isNotEqualTo(reference);
        assertThat(jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class)).isEqualTo(ratings + 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_marks_of_a_refused_send_come_back_in_the_new_language_after_the_switch() {
        UI.getCurrent().navigate("rating");
        _get(Select.class, spec -> spec.withId("rating-agency")).setValue(MARKET);
        _get(RadioButtonGroup.class, spec -> spec.withId("rating-score")).setValue(Score.VERY_DISSATISFIED);
        _get(TextField.class, spec -> spec.withId("rating-contact-phone")).setValue("12ab");
        Integer ratings = jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class);
        _click(_get(Button.class, spec -> spec.withId("rating-submit")));
        assertThat(_get(TextArea.class, spec -> spec.withId("rating-comment")).getErrorMessage())
                .contains("差评请说明不满意的原因");

        List<com.vaadin.flow.dom.Element> focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus()",
                () -> switchLanguageAsABrowser(Locale.ENGLISH));
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
        DatePicker date = _get(DatePicker.class, spec -> spec.withId("rating-date"));
        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage()).isEqualTo(translations.get(Locale.ENGLISH, "rating.error.date"));
        assertThat(_get(Select.class, spec -> spec.withId("rating-matter")).getErrorMessage())
                .isEqualTo("Please choose what it was about.");
        TextArea comment = _get(TextArea.class, spec -> spec.withId("rating-comment"));
        assertThat(comment.isInvalid()).isTrue();
        assertThat(comment.getErrorMessage()).doesNotContain("差评");
        TextField phone = _get(TextField.class, spec -> spec.withId("rating-contact-phone"));
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getValue()).isEqualTo("12ab");
        assertThat(_get(Paragraph.class, spec -> spec.withId("rating-form-error")).getText())
                .startsWith("4 answers need attention: ");
        assertThat(focused).as("the reader is not moved to a field by the switch")
                .doesNotContain(date.getElement(), comment.getElement(), phone.getElement());
        assertThat(jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class)).isEqualTo(ratings);

        // fixed and sent: the next switch shows no mark
        date.setValue(service.today().minusDays(1));
        _get(Select.class, spec -> spec.withId("rating-matter")).setValue(Matter.PENALTY);
        comment.setValue("处罚决定书没有说明理由。");
        phone.setValue("139 0013 9000");
        _click(_get(Button.class, spec -> spec.withId("rating-submit")));
        assertThat(_find(Span.class, spec -> spec.withId("rating-reference"))).hasSize(1);
        switchLanguageAsABrowser(Locale.SIMPLIFIED_CHINESE);
        assertThat(_find(Span.class, spec -> spec.withId("rating-reference"))).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class)).isEqualTo(ratings + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_typed_form_and_then_the_receipt_come_back_after_the_language_switch_once_and_over_the_address() {
        // opened from a guidance's page, which pre-selects the agency and the matter in the address
        UI.getCurrent().navigate("rating", com.vaadin.flow.router.QueryParameters.simple(Map.of("agency", MARKET,
                "matter", "GUIDANCE")));
        assertThat(_get(Select.class, spec -> spec.withId("rating-agency")).getValue()).isEqualTo(MARKET);
        // the reader chooses otherwise and fills in every field
        _get(Select.class, spec -> spec.withId("rating-agency")).setValue(TRAFFIC);
        _get(Select.class, spec -> spec.withId("rating-matter")).setValue(Matter.INSPECTION);
        _get(DatePicker.class, spec -> spec.withId("rating-date")).setValue(service.today().minusDays(3));
        _get(RadioButtonGroup.class, spec -> spec.withId("rating-score")).setValue(Score.DISSATISFIED);
        _get(TextArea.class, spec -> spec.withId("rating-comment")).setValue("检查时没有出示执法证件。");
        _get(TextField.class, spec -> spec.withId("rating-certificate")).setValue("JJ-990100-2019-0101");
        _get(Checkbox.class, spec -> spec.withId("rating-wants-reply")).setValue(true);
        _get(TextField.class, spec -> spec.withId("rating-contact-name")).setValue("赵女士");
        _get(TextField.class, spec -> spec.withId("rating-contact-phone")).setValue("139 0013 9000");
        _get(com.vaadin.flow.component.textfield.EmailField.class, spec -> spec.withId("rating-contact-email"))
                .setValue("zhao@example.com");

        // the header's switch reloads the page (Karibu builds a new UI and view, on the same address)
        RatingView before = _get(RatingView.class);
        cn.gov.enforcement.portal.ui.MainLayout.switchLanguage(UI.getCurrent(), Locale.ENGLISH);
        assertThat(_get(RatingView.class)).isNotSameAs(before);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getSingleParameter("agency"))
                .as("reloaded on the address that pre-selects").contains(MARKET);
        assertThat(_get(Select.class, spec -> spec.withId("rating-agency")).getValue()).as("typed wins over the address")
                .isEqualTo(TRAFFIC);
        assertThat(_get(Select.class, spec -> spec.withId("rating-matter")).getValue()).isEqualTo(Matter.INSPECTION);
        assertThat(_get(DatePicker.class, spec -> spec.withId("rating-date")).getValue())
                .isEqualTo(service.today().minusDays(3));
        assertThat(_get(RadioButtonGroup.class, spec -> spec.withId("rating-score")).getValue()).isEqualTo(Score.DISSATISFIED);
        assertThat(_get(TextArea.class, spec -> spec.withId("rating-comment")).getValue()).isEqualTo("检查时没有出示执法证件。");
        assertThat(_get(TextField.class, spec -> spec.withId("rating-certificate")).getValue()).isEqualTo("JJ-990100-2019-0101");
        assertThat(_get(Checkbox.class, spec -> spec.withId("rating-wants-reply")).getValue()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("rating-contact-name")).getValue()).isEqualTo("赵女士");
        assertThat(_get(TextField.class, spec -> spec.withId("rating-contact-phone")).getValue()).isEqualTo("139 0013 9000");
        assertThat(_get(com.vaadin.flow.component.textfield.EmailField.class, spec -> spec.withId("rating-contact-email"))
                .getValue()).isEqualTo("zhao@example.com");

        // a field cleared before the switch stays empty, though the address pre-selects it
        _get(Select.class, spec -> spec.withId("rating-matter")).clear();
        cn.gov.enforcement.portal.ui.MainLayout.switchLanguage(UI.getCurrent(), Locale.SIMPLIFIED_CHINESE);
        assertThat(_get(Select.class, spec -> spec.withId("rating-matter")).getValue()).isNull();
        assertThat(_get(Select.class, spec -> spec.withId("rating-agency")).getValue()).isEqualTo(TRAFFIC);

        // sent: the receipt with its reference is shown again after a switch, and the rating is not sent twice
        _get(Select.class, spec -> spec.withId("rating-matter")).setValue(Matter.INSPECTION);
        Integer ratings = jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class);
        _click(_get(Button.class, spec -> spec.withId("rating-submit")));
        String reference = _get(Span.class, spec -> spec.withId("rating-reference")).getText();
        cn.gov.enforcement.portal.ui.MainLayout.switchLanguage(UI.getCurrent(), Locale.ENGLISH);
        assertThat(_get(Span.class, spec -> spec.withId("rating-reference")).getText()).isEqualTo(reference);
        assertThat(_get(Paragraph.class, spec -> spec.withId("rating-reply-note")).getElement().getAttribute("data-reply"))
                .isEqualTo("MAIL");
        assertThat(_find(Div.class, spec -> spec.withId("rating-form"))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class)).isEqualTo(ratings + 1);

        // once only: opening the page again later starts afresh, with the address's pre-selection
        UI.getCurrent().navigate("privacy");
        UI.getCurrent().navigate("rating", com.vaadin.flow.router.QueryParameters.simple(Map.of("agency", MARKET,
                "matter", "GUIDANCE")));
        assertThat(_find(Span.class, spec -> spec.withId("rating-reference"))).isEmpty();
        assertThat(_get(Select.class, spec -> spec.withId("rating-agency")).getValue()).isEqualTo(MARKET);
        assertThat(_get(Select.class, spec -> spec.withId("rating-matter")).getValue()).isEqualTo(Matter.GUIDANCE);
        assertThat(_get(TextArea.class, spec -> spec.withId("rating-comment")).getValue()).isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("rating-contact-name")).getValue()).isEmpty();
    }

    /** A click as the browser sends it, whether or not the button was disabled in the browser meanwhile. */
    private static void clickArrives(Button button) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(button, new com.vaadin.flow.component.ClickEvent<>(button, true,
                0, 0, 0, 0, 1, 0, false, false, false, false));
    }

    @Test
    void the_same_form_sent_twice_is_stored_once_and_counted_once_against_the_hourly_limit() {
        String client = client();
        RatingInput form = new RatingInput(MARKET, null, service.today(), Matter.PENALTY, Score.DISSATISFIED,
                "处罚决定书没有说明理由。", true, "钱先生", null, "resent.form@example.com", UUID.randomUUID().toString());
        Integer before = jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class);
        RatingReceipt first = service.submit(form, Locale.SIMPLIFIED_CHINESE, client);
        for (int i = 0; i < RatingService.MAX_PER_HOUR + 1; i++) {
            assertThat(service.submit(form, Locale.SIMPLIFIED_CHINESE, client)).isEqualTo(first);
        }
        assertThat(first.reply()).isEqualTo(RatingReceipt.Reply.MAIL);
        assertThat(jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class)).isEqualTo(before + 1);
        assertThat(mails("rating-agency:" + first.reference())).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where recipient = ?", Integer.class,
                "resent.form@example.com")).isEqualTo(1);
        // the resends used up none of the hour's ratings: four more forms of this network are stored
        for (int i = 1; i < RatingService.MAX_PER_HOUR; i++) {
            assertThat(service.submit(good(MARKET), Locale.SIMPLIFIED_CHINESE, client).reference())
                    .isNotEqualTo(first.reference());
        }
        // a token no form makes is refused, nothing stored
        ValidationFailure forged = org.junit.jupiter.api.Assertions.assertThrows(ValidationFailure.class, () ->
                service.submit(new RatingInput(MARKET, null, service.today(), Matter.PENALTY, Score.SATISFIED, null,
                        false, null, null, null, "x' or '1'='1"), Locale.SIMPLIFIED_CHINESE, client()));
        assertThat(forged.problems()).extracting(FieldProblem::messageKey).containsExactly("rating.error.submissionToken");
    }

    @Test
    void officers_follow_up_their_own_agencys_bad_ratings_and_never_see_another_agencys() {
        RatingReceipt market = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt traffic = service.submit(bad(TRAFFIC), Locale.SIMPLIFIED_CHINESE, client());

        // the public may not use the back office
        assertThatThrownBy(() -> service.find(market.reference())).isInstanceOf(AccessDeniedException.class);

        signInOfficer("rating-officer-market", MARKET);
        UI.getCurrent().navigate("");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("portal-nav-link"))).extracting(Anchor::getHref)
                .contains("staff/ratings", "rating");
        UI.getCurrent().navigate("staff/ratings");
        _get(Checkbox.class, spec -> spec.withId("rating-queue-awaiting")).setValue(true);
        assertThat(GridKt._findAll(queueGrid())).extracting(RatingRecord::reference)
                .contains(market.reference()).doesNotContain(traffic.reference());

        // another agency's rating, whatever reference is typed: not found
        assertThat(service.find(traffic.reference())).isEmpty();
        UI.getCurrent().navigate("staff/rating/" + traffic.reference());
        assertThat(_get(Div.class, spec -> spec.withId("rating-detail")).getElement().getAttribute("data-outcome"))
                .isEqualTo("not-found");
        assertThatThrownBy(() -> service.followUp(traffic.reference(), FollowUpResult.EXPLAINED, "已电话联系评价人说明情况。"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.queue(TRAFFIC, false, 0, 50)).isInstanceOf(AccessDeniedException.class);

        // the own agency's rating: contact details, and the follow-up form that refuses a short note
        UI.getCurrent().navigate("staff/rating/" + market.reference());
        Div page = _get(Div.class, spec -> spec.withId("rating-detail"));
        assertThat(page.getElement().getAttribute("data-status")).isEqualTo("AWAITING_FOLLOW_UP");
        assertThat(_get(Div.class, spec -> spec.withId("rating-detail-contact")).getElement().getOuterHTML())
                .contains("13800138000", "王先生");
        // in the words of the staff who read it, not the person's own words on the form
        assertThat(_get(Div.class, spec -> spec.withId("rating-facts")).getElement().getTextRecursively())
                .contains("评价等级：不满意").doesNotContain("您的评价");
        assertThat(_get(Div.class, spec -> spec.withId("rating-detail-contact")).getElement().getTextRecursively())
                .contains("评价人希望得到回复：是").doesNotContain("我希望");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("staff/rating/" + market.reference());
        assertThat(_get(Div.class, spec -> spec.withId("rating-detail")).getElement().getTextRecursively())
                .contains("Rating: Dissatisfied", "The person asked for a reply: Yes")
                .doesNotContain("Your rating", "I would like");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("staff/rating/" + market.reference());
        _get(TextArea.class, spec -> spec.withId("rating-note")).setValue("太短");
        _click(_get(Button.class, spec -> spec.withId("rating-follow-up-save")));
        TextArea note = _get(TextArea.class, spec -> spec.withId("rating-note"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getValue()).isEqualTo("太短");
        assertThat(_get(Select.class, spec -> spec.withId("rating-result")).isInvalid()).isTrue();

        _get(Select.class, spec -> spec.withId("rating-result")).setValue(FollowUpResult.CORRECTED);
        note.setValue("已电话联系王先生，核实检查人员未主动出示证件，已批评教育并要求整改。");
        _click(_get(Button.class, spec -> spec.withId("rating-follow-up-save")));
        assertThat(_get(Div.class, spec -> spec.withId("rating-detail")).getElement().getAttribute("data-status"))
                .isEqualTo("FOLLOWED_UP");
        assertThat(_get(Div.class, spec -> spec.withId("rating-follow-up")).getElement().getOuterHTML())
                .contains("问题属实，已整改", "记录人：", "测试回访员")
                .as("the person's name, not the user name").doesNotContain("rating-officer-market");
        // an account that is gone: its user name is all there is to show
        jdbc.update("update enforcement_rating set followed_up_by = ? where reference = ?", "rating-officer-gone",
                market.reference());
        UI.getCurrent().navigate("staff/rating/" + market.reference());
        assertThat(_get(Div.class, spec -> spec.withId("rating-follow-up")).getElement().getOuterHTML())
                .contains("rating-officer-gone");

        // a second follow-up of the same rating is refused and changes nothing
        assertThatThrownBy(() -> service.followUp(market.reference(), FollowUpResult.EXPLAINED, "再次记录的回访情况说明。"))
                .isInstanceOf(ValidationFailure.class);
        assertThat(jdbc.queryForObject("select follow_up_result from enforcement_rating where reference = ?",
                String.class, market.reference())).isEqualTo("CORRECTED");
    }

    @Test
    void the_agency_corrects_or_erases_the_contact_details_as_the_person_asks_and_each_step_is_listed() {
        RatingReceipt bad = service.submit(new RatingInput(MARKET, null, service.today(), Matter.INSPECTION,
                Score.DISSATISFIED, "检查人员没有出示证件。", true, "孙女士", "13600136000", "sun.contact@example.com"),
                Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt traffic = service.submit(bad(TRAFFIC), Locale.SIMPLIFIED_CHINESE, client());
        String select = "select coalesce(contact_name, '-') || '|' || coalesce(contact_phone, '-') || '|' "
                + "|| coalesce(contact_email, '-') from enforcement_rating where reference = ?";

        // neither the public nor another agency's officer, whatever reference is given
        assertThatThrownBy(() -> service.eraseContact(bad.reference())).isInstanceOf(AccessDeniedException.class);
        signInOfficer("rating-officer-traffic", TRAFFIC);
        assertThatThrownBy(() -> service.eraseContact(bad.reference())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.correctContact(bad.reference(), "孙女士", "13600136001", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.contactChanges(bad.reference())).isEmpty();
        assertThat(jdbc.queryForObject(select, String.class, bad.reference()))
                .isEqualTo("孙女士|13600136000|sun.contact@example.com");

        signInOfficer("rating-officer-contact", MARKET);
        UI.getCurrent().navigate("staff/rating/" + bad.reference());
        // a follow-up being typed stays through the steps on the contact details
        _get(TextArea.class, spec -> spec.withId("rating-note")).setValue("正在记录的回访情况。");

        // corrected as the form checks: each refused field marked, what was typed kept, nothing written
        _click(_get(Button.class, spec -> spec.withId("rating-contact-correct")));
        assertThat(_get(TextField.class, spec -> spec.withId("rating-contact-edit-name")).getValue()).isEqualTo("孙女士");
        _get(TextField.class, spec -> spec.withId("rating-contact-edit-name")).setValue("孙\n女士");
        _get(TextField.class, spec -> spec.withId("rating-contact-edit-phone")).setValue("12ab");
        _get(com.vaadin.flow.component.textfield.EmailField.class, spec -> spec.withId("rating-contact-edit-email"))
                .setValue("not-an-address");
        _click(_get(Button.class, spec -> spec.withId("rating-contact-save")));
        TextField name = _get(TextField.class, spec -> spec.withId("rating-contact-edit-name"));
        TextField phone = _get(TextField.class, spec -> spec.withId("rating-contact-edit-phone"));
        var email = _get(com.vaadin.flow.component.textfield.EmailField.class,
                spec -> spec.withId("rating-contact-edit-email"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getValue()).isEqualTo("孙\n女士");
        assertThat(phone.getErrorMessage()).isEqualTo(translations.get(Locale.SIMPLIFIED_CHINESE, "rating.error.phone"));
        assertThat(phone.getValue()).isEqualTo("12ab");
        assertThat(email.isInvalid()).isTrue();
        // the person asked for a reply: a phone or an e-mail address stays
        name.setValue("孙女士");
        phone.setValue("");
        email.setValue("");
        _click(_get(Button.class, spec -> spec.withId("rating-contact-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("rating-contact-edit-phone")).getErrorMessage())
                .contains("评价人希望得到回复");
        assertThat(jdbc.queryForObject(select, String.class, bad.reference()))
                .isEqualTo("孙女士|13600136000|sun.contact@example.com");
        _get(TextField.class, spec -> spec.withId("rating-contact-edit-phone")).setValue("136-0013-6111");
        _click(_get(Button.class, spec -> spec.withId("rating-contact-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("rating-contact-done")).getText())
                .isEqualTo("已更正评价 " + bad.reference() + " 的联系方式。");
        assertThat(jdbc.queryForObject(select, String.class, bad.reference())).isEqualTo("孙女士|13600136111|-");
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("rating-contact-history"))
                .getElement().getTextRecursively()).contains("测试回访员 更正了联系方式（手机或电话、电子邮箱）");
        // who, when and which fields; never the details
        assertThat(jdbc.queryForList("select username || '|' || kind || '|' || fields from enforcement_rating_event "
                + "where rating_id = (select id from enforcement_rating where reference = ?)", String.class,
                bad.reference())).containsExactly("rating-officer-contact|CORRECTED|contactPhone,contactEmail");
        assertThatThrownBy(() -> service.correctContact(bad.reference(), "孙女士", "13600136111", null))
                .isInstanceOf(ValidationFailure.class).hasMessageContaining("rating.error.contactUnchanged");

        // erased: asked first, naming the rating; cancelled, nothing changes
        _click(_get(Button.class, spec -> spec.withId("rating-contact-erase")));
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("rating-contact-erase-confirm"));
        assertThat(com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt.getText(confirm))
                .contains(bad.reference(), "不能恢复", "仍可记录回访");
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel(confirm);
        assertThat(jdbc.queryForObject(select, String.class, bad.reference())).isEqualTo("孙女士|13600136111|-");
        _click(_get(Button.class, spec -> spec.withId("rating-contact-erase")));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("rating-contact-erase-confirm")));
        assertThat(jdbc.queryForObject(select, String.class, bad.reference())).isEqualTo("-|-|-");
        String box = _get(Div.class, spec -> spec.withId("rating-detail-contact")).getElement().getTextRecursively();
        assertThat(box).contains("已删除评价 " + bad.reference() + " 的联系方式。", "评价人的联系方式已删除",
                "测试回访员 删除了联系方式（称呼、手机或电话）").doesNotContain("13600136111");
        assertThat(_find(Button.class, spec -> spec.withId("rating-contact-erase"))).isEmpty();
        assertThat(_get(TextArea.class, spec -> spec.withId("rating-note")).getValue()).isEqualTo("正在记录的回访情况。");
        assertThat(service.contactChanges(bad.reference())).extracting(ContactChange::kind)
                .containsExactly(ContactChange.Kind.CORRECTED, ContactChange.Kind.ERASED);
        assertThatThrownBy(() -> service.eraseContact(bad.reference())).isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("rating.error.noContact");
        assertThatThrownBy(() -> service.correctContact(bad.reference(), "孙女士", "13600136111", null))
                .isInstanceOf(ValidationFailure.class).hasMessageContaining("rating.error.noContact");

        // the follow-up goes on without them: recorded, and no reply mail (no address left)
        RatingRecord followed = service.followUp(bad.reference(), FollowUpResult.NOT_REACHED, "已根据检查记录核实经过。");
        assertThat(followed.status()).isEqualTo(RatingStatus.FOLLOWED_UP);
        assertThat(mails("rating-followed-up:" + bad.reference())).isEmpty();

        // an administrator may, for any agency
        signIn("rating-admin", "ADMIN");
        RatingRecord corrected = service.correctContact(traffic.reference(), "王先生", "13800138001", null);
        assertThat(corrected.contactPhone()).isEqualTo("13800138001");
        assertThat(service.contactChanges(traffic.reference())).singleElement()
                .satisfies(c -> assertThat(c.by()).isEqualTo("rating-admin"));
    }

    @Test
    void the_follow_up_finds_the_reference_as_typed_as_the_detail_page_does() {
        RatingReceipt bad = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        signInOfficer("rating-officer-market", MARKET);
        String typed = "  " + bad.reference() + " ";
        assertThat(service.find(typed)).isPresent();
        // PJ-… as printed, pj-… as a link typed or passed on in lower case
        assertThat(service.find(bad.reference().toLowerCase(Locale.ROOT))).isPresent();
        RatingRecord followed = service.followUp(typed, FollowUpResult.EXPLAINED, "已电话联系评价人说明检查程序。");
        assertThat(followed.reference()).isEqualTo(bad.reference());
        assertThat(followed.status()).isEqualTo(RatingStatus.FOLLOWED_UP);
        // too long or blank: not found, by both
        assertThat(service.find(bad.reference() + "X".repeat(20))).isEmpty();
        assertThatThrownBy(() -> service.followUp(bad.reference() + "X".repeat(20), FollowUpResult.EXPLAINED,
                "已电话联系评价人说明检查程序。")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.followUp(null, FollowUpResult.EXPLAINED, "已电话联系评价人说明检查程序。"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_public_figures_count_good_and_bad_ratings_and_the_follow_ups_per_agency() {
        String agency = "sample-ecology-environment";
        long before = service.figures().stream().filter(f -> f.agencyId().equals(agency)).mapToLong(AgencyFigures::total)
                .sum();
        service.submit(good(agency), Locale.SIMPLIFIED_CHINESE, client());
        service.submit(bad(agency), Locale.SIMPLIFIED_CHINESE, client());
        AgencyFigures f = service.figures().stream().filter(x -> x.agencyId().equals(agency)).findFirst().orElseThrow();
        assertThat(f.total()).isEqualTo(before + 2);
        assertThat(f.bad()).isPositive();
        assertThat(f.followedUp()).isLessThan(f.bad());

        UI.getCurrent().navigate("rating");
        String table = _get(Div.class, spec -> spec.withId("rating-figures")).getElement().getOuterHTML();
        assertThat(table).contains("近 365 天评价情况", "示例市生态环境局", "好评率", "差评回访率");
        // sample agencies are marked as on the form and in the guidance figures
        assertThat(cn.gov.enforcement.portal.testsupport.Components
                .descendants(_get(Div.class, spec -> spec.withId("rating-figures")))
                .filter(c -> agency.equals(c.getElement().getAttribute("data-agency")))
                .map(c -> c.getElement().getTextRecursively()))
                .singleElement().asString().contains("示例市生态环境局（示例）"); // no space before the full-width bracket
    }

    @Test
    void contact_details_are_erased_a_year_on_unless_the_rating_still_waits_for_its_follow_up() {
        RatingReceipt old = service.submit(new RatingInput(MARKET, null, service.today(), Matter.OTHER, Score.SATISFIED,
                null, true, "李女士", "13900139000", "li@example.com"), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt waiting = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt recent = service.submit(new RatingInput(MARKET, null, service.today(), Matter.OTHER, Score.SATISFIED,
                null, true, "赵先生", "13700137000", null), Locale.SIMPLIFIED_CHINESE, client());
        java.sql.Timestamp longAgo = java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(400)));
        jdbc.update("update enforcement_rating set submitted_at = ? where reference in (?, ?)", longAgo,
                old.reference(), waiting.reference());

        assertThat(retention.eraseOldContacts()).isPositive();
        String select = "select coalesce(contact_name, '') || coalesce(contact_phone, '') || coalesce(contact_email, '') "
                + "from enforcement_rating where reference = ?";
        assertThat(jdbc.queryForObject(select, String.class, old.reference())).isEmpty();
        assertThat(jdbc.queryForObject(select, String.class, waiting.reference())).contains("13800138000");
        assertThat(jdbc.queryForObject(select, String.class, recent.reference())).contains("13700137000");
        assertThat(jdbc.queryForObject("select score from enforcement_rating where reference = ?", Integer.class,
                old.reference())).isEqualTo(4);
        // the erasure is in the rating's history, by the portal, with the fields it erased; the staff page says so
        signInOfficer("rating-officer-retention", MARKET);
        assertThat(service.contactChanges(old.reference())).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ContactChange.Kind.EXPIRED);
            assertThat(c.by()).isEqualTo(RatingRetention.BY);
            assertThat(c.fields()).containsExactly("contactName", "contactPhone", "contactEmail");
        });
        assertThat(service.contactChanges(recent.reference())).isEmpty();
        assertThat(service.contactChanges(waiting.reference())).isEmpty();
        UI.getCurrent().navigate("staff/rating/" + old.reference());
        assertThat(_get(Div.class, spec -> spec.withId("rating-detail-contact")).getElement().getTextRecursively())
                .contains("评价人的联系方式已删除", "保存期满 365 天，门户自动删除了联系方式（称呼、手机或电话、电子邮箱）");
        assertThat(retention.eraseOldContacts()).as("nothing left to erase").isZero();
        assertThat(service.contactChanges(old.reference())).hasSize(1);
    }

    @Test
    void a_rating_with_an_email_address_is_confirmed_in_the_raters_language_and_a_bad_one_is_notified_to_the_agency() {
        java.time.LocalDate contact = service.today().minusDays(3);
        RatingReceipt bad = service.submit(new RatingInput(MARKET, null, contact, Matter.PENALTY, Score.VERY_DISSATISFIED,
                "The decision gave no reasons.", true, "Ms Li", "13900139000", "li.rater@example.com"), Locale.ENGLISH,
                client());
        Map<String, Object> confirmation = mail("rating-received:" + bad.reference());
        assertThat(confirmation.get("recipient")).isEqualTo("li.rater@example.com");
        assertThat(confirmation.get("locale")).isEqualTo("en");
        assertThat((String) confirmation.get("subject")).contains(bad.reference());
        assertThat((String) confirmation.get("text_body")).contains(bad.reference(),
                "Sample City Administration for Market Regulation", "Very dissatisfied", bad.followUpDue().toString());

        // the agency's notice: in Chinese, to its supervision address, without the person's details
        Map<String, Object> notice = mail("rating-agency:" + bad.reference());
        assertThat(notice.get("recipient")).isEqualTo("jiandu@scjg.sample.gov.cn");
        assertThat(notice.get("locale")).isEqualTo("zh-CN");
        assertThat((String) notice.get("subject")).contains(bad.reference());
        assertThat((String) notice.get("text_body"))
                .contains(bad.reference(), "行政处罚", "非常不满意", contact.toString(), bad.followUpDue().toString(),
                        "/staff/rating/" + bad.reference())
                .containsPattern("在 https?://\\S+/staff/rating/" + bad.reference() + " 查看")
                .contains(portalSettings.publicUrl() + "/staff/rating/" + bad.reference())
                .doesNotContain("li.rater@example.com", "13900139000", "Ms Li", "no reasons");

        // a good rating in Traditional Chinese: a confirmation without a deadline, no notice to the agency
        RatingReceipt good = service.submit(new RatingInput(TRAFFIC, null, service.today(), Matter.GUIDANCE,
                Score.SATISFIED, null, false, null, null, "chen.rater@example.com"), Locale.TRADITIONAL_CHINESE, client());
        Map<String, Object> goodConfirmation = mail("rating-received:" + good.reference());
        assertThat(goodConfirmation.get("recipient")).isEqualTo("chen.rater@example.com");
        assertThat(goodConfirmation.get("locale")).isEqualTo("zh-TW");
        assertThat((String) goodConfirmation.get("text_body"))
                .contains(good.reference(), "示例市公安局交通管理支隊", "評價編號", "滿意")
                .doesNotContain("回訪期限", "评价编号");
        assertThat(mails("rating-agency:" + good.reference())).isEmpty();

        // no e-mail address, no confirmation; the agency still learns of the bad rating
        RatingReceipt anonymous = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        assertThat(mails("rating-received:" + anonymous.reference())).isEmpty();
        assertThat(mail("rating-agency:" + anonymous.reference()).get("text_body").toString())
                .doesNotContain("13800138000", "王先生");
    }

    @Test
    void an_agency_without_a_supervision_address_gets_no_notice() {
        String agency = "sample-human-resources-social-security";
        String address = jdbc.queryForObject("select supervision_email from agency where id = ?", String.class, agency);
        jdbc.update("update agency set supervision_email = '' where id = ?", agency);
        try {
            RatingReceipt bad = service.submit(bad(agency), Locale.SIMPLIFIED_CHINESE, client());
            assertThat(bad.followUpDue()).isNotNull();
            assertThat(mails("rating-agency:" + bad.reference())).isEmpty();
        } finally {
            jdbc.update("update agency set supervision_email = ? where id = ?", address, agency);
        }
        RatingReceipt again = service.submit(bad(agency), Locale.SIMPLIFIED_CHINESE, client());
        assertThat(mail("rating-agency:" + again.reference()).get("recipient")).isEqualTo(address);
    }

    @Test
    void the_person_who_asked_for_a_reply_by_email_learns_the_result_of_the_follow_up_but_not_the_officers_note() {
        RatingReceipt wantsReply = service.submit(new RatingInput(MARKET, null, service.today().minusDays(1),
                Matter.INSPECTION, Score.DISSATISFIED, "檢查人員沒有出示證件。", true, "陳小姐", null,
                "chen.reply@example.com"), Locale.TRADITIONAL_CHINESE, client());
        RatingReceipt noReply = service.submit(new RatingInput(MARKET, null, service.today().minusDays(1),
                Matter.INSPECTION, Score.DISSATISFIED, "检查人员没有出示证件。", false, null, null,
                "no.reply@example.com"), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt phoneOnly = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        assertThat(mails("rating-followed-up:" + wantsReply.reference())).isEmpty();

        signInOfficer("rating-officer-mail", MARKET);
        String note = "内部记录：已约谈检查组组长并通报批评。";
        service.followUp(wantsReply.reference(), FollowUpResult.CORRECTED, note);
        service.followUp(noReply.reference(), FollowUpResult.EXPLAINED, note);
        service.followUp(phoneOnly.reference(), FollowUpResult.EXPLAINED, note);

        Map<String, Object> reply = mail("rating-followed-up:" + wantsReply.reference());
        assertThat(reply.get("recipient")).isEqualTo("chen.reply@example.com");
        assertThat(reply.get("locale")).isEqualTo("zh-TW");
        assertThat((String) reply.get("subject")).contains(wantsReply.reference());
        assertThat((String) reply.get("text_body"))
                .contains(wantsReply.reference(), "示例市市場監督管理局", "問題屬實，已整改")
                .doesNotContain("约谈", "rating-officer-mail");
        assertThat(mails("rating-followed-up:" + noReply.reference())).isEmpty();
        assertThat(mails("rating-followed-up:" + phoneOnly.reference())).isEmpty();
    }

    @Test
    void when_a_mail_cannot_be_queued_neither_the_rating_nor_the_follow_up_nor_any_mail_is_stored() {
        String agency = "sample-urban-management";
        RatingReceipt waiting = service.submit(new RatingInput(agency, null, service.today(), Matter.INSPECTION,
                Score.DISSATISFIED, "执法人员态度粗暴。", true, null, null, "atomic.reply@example.com"),
                Locale.SIMPLIFIED_CHINESE, client());
        String name = jdbc.queryForObject("select name from agency where id = ?", String.class, agency);
        String refusedClient = client();
        // the agency's name is part of the subject of the mails to the person: a line break makes the outbox refuse them
        jdbc.update("update agency set name = ? where id = ?", "示例市\n城市管理局", agency);
        try {
            Integer ratings = jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class);
            int notices = outboxCount("rating-agency:%");
            assertThatThrownBy(() -> service.submit(new RatingInput(agency, null, service.today(), Matter.INSPECTION,
                    Score.VERY_DISSATISFIED, "执法人员态度粗暴。", false, null, null, "atomic@example.com"),
                    Locale.SIMPLIFIED_CHINESE, client())).isInstanceOf(InvalidMailException.class);
            assertThat(jdbc.queryForObject("select count(*) from enforcement_rating", Integer.class)).isEqualTo(ratings);
            assertThat(outboxCount("rating-agency:%")).isEqualTo(notices);
            assertThat(jdbc.queryForObject("select count(*) from notification_outbox where recipient = ?", Integer.class,
                    "atomic@example.com")).isZero();
            for (int i = 0; i <= RatingService.MAX_PER_HOUR; i++) {
                assertThatThrownBy(() -> service.submit(new RatingInput(agency, null, service.today(), Matter.INSPECTION,
                        Score.VERY_DISSATISFIED, "执法人员态度粗暴。", false, null, null, "atomic@example.com"),
                        Locale.SIMPLIFIED_CHINESE, refusedClient)).isInstanceOf(InvalidMailException.class);
            }

            signInOfficer("rating-officer-urban", agency);
            assertThatThrownBy(() -> service.followUp(waiting.reference(), FollowUpResult.EXPLAINED,
                    "已电话联系评价人说明执法依据。")).isInstanceOf(InvalidMailException.class);
            assertThat(jdbc.queryForObject("select status from enforcement_rating where reference = ?", String.class,
                    waiting.reference())).isEqualTo("AWAITING_FOLLOW_UP");
            assertThat(mails("rating-followed-up:" + waiting.reference())).isEmpty();
        } finally {
            jdbc.update("update agency set name = ? where id = ?", name, agency);
        }
        service.followUp(waiting.reference(), FollowUpResult.EXPLAINED, "已电话联系评价人说明执法依据。");
        assertThat(mail("rating-followed-up:" + waiting.reference()).get("recipient")).isEqualTo("atomic.reply@example.com");
        for (int i = 0; i < RatingService.MAX_PER_HOUR; i++) {
            assertThat(service.submit(good(agency), Locale.SIMPLIFIED_CHINESE, refusedClient).reference())
                    .as("the ratings the outbox refused used up none of the hour's ratings").startsWith("PJ-");
        }
    }

    @Test
    void the_officers_list_comes_a_page_at_a_time_newest_first_and_only_from_the_own_agency() {
        List<String> given = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            given.add(service.submit(i % 2 == 0 ? bad(TRAFFIC) : good(TRAFFIC), Locale.SIMPLIFIED_CHINESE, client())
                    .reference());
        }
        RatingReceipt market = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        List<String> newestFirst = new java.util.ArrayList<>(given);
        java.util.Collections.reverse(newestFirst);

        signInOfficer("rating-officer-traffic", TRAFFIC);
        long total = service.queueSize(TRAFFIC, false);
        long awaiting = service.queueSize(TRAFFIC, true);
        assertThat(total).isGreaterThanOrEqualTo(7);
        assertThat(awaiting).isGreaterThanOrEqualTo(4).isLessThanOrEqualTo(total - 3);

        // pages of the newest: the seven just given come first, newest first, also from an offset off a page boundary
        assertThat(references(service.queue(TRAFFIC, false, 0, 5))).containsExactlyElementsOf(newestFirst.subList(0, 5));
        assertThat(references(service.queue(TRAFFIC, false, 5, 5)).subList(0, 2))
                .containsExactlyElementsOf(newestFirst.subList(5, 7));
        assertThat(references(service.queue(TRAFFIC, false, 3, 3))).containsExactlyElementsOf(newestFirst.subList(3, 6));

        // the pages together are the whole list, each rating once, all of the agency
        List<RatingRecord> all = new java.util.ArrayList<>();
        for (int offset = 0; offset < total; offset += 4) {
            List<RatingRecord> page = service.queue(TRAFFIC, false, offset, 4);
            assertThat(page).hasSize((int) Math.min(4, total - offset));
            all.addAll(page);
        }
        assertThat(all).hasSize((int) total).extracting(RatingRecord::agencyId).containsOnly(TRAFFIC);
        assertThat(references(all)).doesNotHaveDuplicates().doesNotContain(market.reference());
        assertThat(all).extracting(RatingRecord::submittedAt)
                .isSortedAccordingTo(java.util.Comparator.<java.time.Instant>reverseOrder());
        assertThat(service.queue(TRAFFIC, false, (int) total, 10)).isEmpty();

        // awaiting follow-up only: the bad ones just given, none of the good ones
        List<RatingRecord> waiting = service.queue(TRAFFIC, true, 0, (int) awaiting);
        assertThat(waiting).hasSize((int) awaiting).extracting(RatingRecord::status)
                .containsOnly(RatingStatus.AWAITING_FOLLOW_UP);
        assertThat(references(waiting).subList(0, 4)).containsExactly(given.get(6), given.get(4), given.get(2),
                given.get(0));

        // another agency, whatever is asked
        assertThatThrownBy(() -> service.queue(MARKET, false, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.queueSize(MARKET, true)).isInstanceOf(AccessDeniedException.class);

        // the page shows the same, fetched lazily by the grid
        UI.getCurrent().navigate("staff/ratings");
        Grid<RatingRecord> grid = queueGrid();
        assertThat(GridKt._size(grid)).isEqualTo((int) total);
        assertThat(references(GridKt._fetch(grid, 0, 7))).containsExactlyElementsOf(newestFirst);
        assertThat(_get(Paragraph.class, spec -> spec.withId("rating-queue-count")).getText())
                .isEqualTo(translations.get(Locale.SIMPLIFIED_CHINESE, "rating.queue.count", total));
        _get(Checkbox.class, spec -> spec.withId("rating-queue-awaiting")).setValue(true);
        assertThat(GridKt._size(grid)).isEqualTo((int) awaiting);
        assertThat(GridKt._get(grid, 0).reference()).isEqualTo(given.get(6));
    }

    @Test
    void on_a_narrow_window_the_ratings_are_cards_and_the_persons_words_are_marked_chinese_on_english_pages() {
        RatingReceipt rating = service.submit(bad(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        signIn("rating-admin", "ADMIN");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("staff/ratings", com.vaadin.flow.router.QueryParameters.simple(
                Map.of("agency", MARKET, "awaiting", "true")));
        RatingQueueView view = _get(RatingQueueView.class);
        Grid<RatingRecord> grid = queueGrid();
        List<String> wide = cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid);
        assertThat(wide).as("wide until the browser says otherwise").hasSize(6).contains("status", "comment");
        int row = references(GridKt._findAll(grid)).indexOf(rating.reference());
        assertThat(GridKt._getCellComponent(grid, row, "comment").getElement().getAttribute("lang")).isEqualTo("zh-CN");

        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(view, true);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).containsExactly("rating");
        com.vaadin.flow.component.Component card = GridKt._getCellComponent(grid, row, "rating");
        assertThat(card.getElement().getTextRecursively()).contains(rating.reference(), "Dissatisfied", "Inspection",
                "Awaiting follow-up", "检查时没有出示执法证件");
        assertThat(_get(card, Anchor.class).getHref()).isEqualTo("staff/rating/" + rating.reference());
        assertThat(_find(card, Div.class, spec -> spec.withClasses("rating-comment"))).singleElement()
                .satisfies(comment -> assertThat(comment.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(view, false);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).isEqualTo(wide);

        // the rating's page: the comment marked, the translated facts not
        UI.getCurrent().navigate("staff/rating/" + rating.reference());
        assertThat(_find(_get(Div.class, spec -> spec.withId("rating-facts")), Span.class))
                .filteredOn(span -> span.getText().contains("检查时没有出示执法证件")).singleElement()
                .satisfies(comment -> assertThat(comment.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        assertThat(_find(_get(Div.class, spec -> spec.withId("rating-facts")), Span.class))
                .filteredOn(span -> span.getText().equals("Dissatisfied")).singleElement()
                .satisfies(score -> assertThat(score.getElement().getAttribute("lang")).isNull());

        // shown as written in Simplified characters: marked so on a zh-TW page, not on a zh-CN one
        for (Locale page : List.of(cn.gov.enforcement.portal.platform.Translations.ZH_TW, Locale.SIMPLIFIED_CHINESE)) {
            UI.getCurrent().setLocale(page);
            UI.getCurrent().navigate("staff/rating/" + rating.reference());
            assertThat(_find(_get(Div.class, spec -> spec.withId("rating-facts")), Span.class))
                    .filteredOn(span -> span.getText().contains("检查时没有出示执法证件")).singleElement()
                    .satisfies(comment -> assertThat(comment.getElement().getAttribute("lang")).as(page.toString())
                            .isEqualTo(page.getCountry().equals("TW") ? "zh-CN" : null));
        }
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void an_administrator_pages_through_the_agency_chosen() {
        RatingReceipt traffic = service.submit(good(TRAFFIC), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt market = service.submit(good(MARKET), Locale.SIMPLIFIED_CHINESE, client());
        signIn("rating-admin", "ADMIN");
        assertThat(service.queueSize(null, false)).isZero();
        assertThat(service.queue(null, false, 0, 10)).isEmpty();
        assertThat(references(service.queue(MARKET, false, 0, 1))).containsExactly(market.reference());
        assertThat(references(service.queue(TRAFFIC, false, 0, 1))).containsExactly(traffic.reference());
        assertThat(service.queue(TRAFFIC, false, 0, 10)).extracting(RatingRecord::agencyId).containsOnly(TRAFFIC);

        // the agency select has room for the longest name (14 characters, 示例市城市管理综合行政执法局) and its
        // button, not the field's default 12em that cut it to 示例市城市管理综合行…
        UI.getCurrent().navigate("staff/ratings");
        String width = _get(Select.class, spec -> spec.withId("rating-queue-agency")).getWidth();
        java.util.regex.Matcher em = java.util.regex.Pattern.compile("min\\(100%, ([0-9.]+)em\\)").matcher(width);
        assertThat(em.matches()).as(width).isTrue();
        assertThat(Double.parseDouble(em.group(1))).isGreaterThanOrEqualTo("示例市城市管理综合行政执法局".length() + 2.5);
    }

    @Test
    void the_figures_counted_by_the_database_are_those_of_the_ratings_one_by_one() {
        String agency = "sample-ecology-environment";
        // the last 365 days are today and the 364 days before it
        java.time.Instant since = service.today().minusDays(RatingService.FIGURES_DAYS - 1L)
                .atStartOfDay(RatingService.ZONE).toInstant();
        AgencyFigures before = service.figures().stream().filter(f -> f.agencyId().equals(agency)).findFirst()
                .orElse(new AgencyFigures(agency, 0, 0, 0, 0));
        service.submit(good(agency), Locale.SIMPLIFIED_CHINESE, client());
        service.submit(new RatingInput(agency, null, service.today(), Matter.OTHER, Score.FAIRLY_SATISFIED, null, false,
                null, null, null), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt followedUp = service.submit(bad(agency), Locale.SIMPLIFIED_CHINESE, client());
        service.submit(bad(agency), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt onTheFirstDay = service.submit(new RatingInput(agency, null, service.today(), Matter.OTHER,
                Score.VERY_DISSATISFIED, "态度很差，推诿扯皮。", false, null, null, null), Locale.SIMPLIFIED_CHINESE, client());
        RatingReceipt tooOld = service.submit(bad(agency), Locale.SIMPLIFIED_CHINESE, client());
        // given exactly when the 365 days begin (counted), and a second before, on the 366th day back (not counted)
        jdbc.update("update enforcement_rating set submitted_at = ? where reference = ?",
                since.atOffset(java.time.ZoneOffset.UTC), onTheFirstDay.reference());
        jdbc.update("update enforcement_rating set submitted_at = ? where reference = ?",
                since.minusSeconds(1).atOffset(java.time.ZoneOffset.UTC), tooOld.reference());
        signInOfficer("rating-officer-ecology", agency);
        service.followUp(followedUp.reference(), FollowUpResult.EXPLAINED, "已电话联系评价人说明执法依据。");

        AgencyFigures after = service.figures().stream().filter(f -> f.agencyId().equals(agency)).findFirst()
                .orElseThrow();
        assertThat(after).isEqualTo(new AgencyFigures(agency, before.total() + 5, before.good() + 2, before.bad() + 3,
                before.followedUp() + 1));

        // every agency's figures, in the page's order, as counted from the ratings one by one
        Map<String, long[]> counts = new java.util.HashMap<>();
        jdbc.query("select agency_id, score, status from enforcement_rating where submitted_at >= ?", row -> {
            long[] c = counts.computeIfAbsent(row.getString("agency_id"), k -> new long[4]);
            c[0]++;
            if (Score.of(row.getInt("score")).bad()) {
                c[2]++;
                c[3] += "FOLLOWED_UP".equals(row.getString("status")) ? 1 : 0;
            } else {
                c[1]++;
            }
        }, since.atOffset(java.time.ZoneOffset.UTC));
        List<AgencyFigures> expected = counts.entrySet().stream()
                .map(e -> new AgencyFigures(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .sorted(java.util.Comparator.comparingLong(AgencyFigures::goodPercent).reversed()
                        .thenComparing(java.util.Comparator.comparingLong(AgencyFigures::total).reversed())
                        .thenComparing(AgencyFigures::agencyId))
                .toList();
        assertThat(service.figures()).containsExactlyElementsOf(expected);
    }

    @Test
    void the_public_figures_are_counted_once_for_many_readers_and_again_as_soon_as_a_rating_changes_them() {
        var counts = new cn.gov.enforcement.portal.testsupport.QueryCounts(entityManagerFactory);
        String countQuery = "from Rating r where r.submittedAt >= :since group by r.agencyId";
        String agency = "sample-ecology-environment";
        service.submit(good(agency), Locale.SIMPLIFIED_CHINESE, client());
        long queries = counts.executions(countQuery);
        List<AgencyFigures> first = service.figures();
        // the next readers get the same figures without a query
        assertThat(service.figures()).isEqualTo(first);
        assertThat(service.figures()).isEqualTo(first);
        assertThat(counts.executions(countQuery)).isEqualTo(queries + 1);

        // a rating given here is counted at once, and so is its follow-up
        RatingReceipt bad = service.submit(bad(agency), Locale.SIMPLIFIED_CHINESE, client());
        AgencyFigures before = first.stream().filter(f -> f.agencyId().equals(agency)).findFirst().orElseThrow();
        AgencyFigures given = service.figures().stream().filter(f -> f.agencyId().equals(agency)).findFirst()
                .orElseThrow();
        assertThat(given.total()).isEqualTo(before.total() + 1);
        assertThat(given.bad()).isEqualTo(before.bad() + 1);
        signInOfficer("rating-officer-ecology", agency);
        service.followUp(bad.reference(), FollowUpResult.EXPLAINED, "已电话联系评价人说明执法依据。");
        assertThat(service.figures().stream().filter(f -> f.agencyId().equals(agency)).findFirst().orElseThrow()
                .followedUp()).isEqualTo(given.followedUp() + 1);
        assertThat(counts.executions(countQuery)).isEqualTo(queries + 3);
    }
}
