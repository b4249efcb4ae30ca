package cn.gov.enforcement.portal.guidance;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import cn.gov.enforcement.portal.rating.Matter;
import cn.gov.enforcement.portal.testsupport.Links;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** Written administrative guidance: issuing, the party's view and reply, the return visit, scope and figures. */
class GuidanceIT extends KaribuViewTest {

    static final String MARKET = "sample-market-regulation";
    static final String TRAFFIC = "sample-traffic-police";
    /** Officers in knowledge-base/agencies/sample-market-regulation.yaml: one valid, one revoked certificate. */
    static final String VALID = "SJ-990100-2021-0003";
    static final String REVOKED = "SJ-990100-2019-0056";
    static final String TRAFFIC_OFFICER = "JJ-990100-2019-0101";

    @Autowired GuidanceService service;
    @Autowired AccountService accounts;
    @Autowired cn.gov.enforcement.portal.account.PortalUserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired cn.gov.enforcement.portal.platform.PortalSettings portal;
    @Autowired cn.gov.enforcement.portal.knowledge.KnowledgeBase knowledgeBase;
    @Autowired cn.gov.enforcement.portal.lists.ListsCatalog lists;
    @Autowired GuidanceReminders reminders;
    @Autowired jakarta.persistence.EntityManagerFactory entityManagerFactory;

    @BeforeEach
    void loadTheKnowledgeBase() {
        // test classes with their own knowledge base share the database: load ours again
        knowledgeBase.loadAll();
        service.resetLimits();
    }

    private void signInOfficer(String username, String agency) {
        var admin = new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        SecurityContextHolder.setContext(new SecurityContextImpl(admin));
        try {
            accounts.create(new AccountService.NewUser(username, "测试指导员", Role.OFFICER, agency));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier test of this run
        }
        signIn(users.loadUserByUsername(username), "OFFICER");
    }

    /** An officer of the market agency whose account has an e-mail address. */
    private void signInMailedOfficer() {
        var admin = new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        SecurityContextHolder.setContext(new SecurityContextImpl(admin));
        try {
            accounts.create(new AccountService.NewUser("guidance-mailed-officer", "测试指导员", Role.OFFICER, MARKET,
                    "zhidao@scjg.example.cn"));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier test of this run
        }
        signIn(users.loadUserByUsername("guidance-mailed-officer"), "OFFICER");
    }

    private GuidanceInput input(String email) {
        return input(email, "zh-CN");
    }

    private GuidanceInput input(String email, String partyLanguage) {
        return new GuidanceInput(GuidanceKind.REMINDER, VALID, "某某餐饮管理有限公司", email, partyLanguage, "食品经营许可证即将到期",
                "贵单位的食品经营许可证将于下月到期，目前尚未提出延续申请。",
                "请在许可证有效期届满三十日前向原发证部门提出延续申请，以免到期后无证经营。",
                "《中华人民共和国食品安全法》第三十五条", service.today().plusDays(20), service.today().plusDays(30));
    }

    private static String client() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void an_officer_issues_guidance_the_party_reads_it_with_the_code_and_replies_and_the_visit_closes_it() {
        signInOfficer("guidance-officer", MARKET);
        GuidanceService.Issued issued = service.issue(input("owner@example.com"));
        GuidanceRecord g = issued.guidance();
        assertThat(g.number()).matches("ZD-\\d{4}-\\d{6}");
        assertThat(g.agencyId()).isEqualTo(MARKET);
        assertThat(g.officers()).singleElement().extracting(GuidanceRecord.NamedOfficer::certificate).isEqualTo(VALID);
        assertThat(issued.accessCode()).hasSize(12);
        // the code is kept only as a salted hash
        String stored = jdbc.queryForObject("select access_code_hash from guidance_document where number = ?",
                String.class, g.number());
        assertThat(stored).doesNotContain(issued.accessCode()).contains(":");

        // the mail to the party carries the number, the code and the link
        Map<String, Object> mail = jdbc.queryForMap(
                "select recipient, subject, text_body, locale from notification_outbox where dedup_key = ?",
                "guidance-issued:" + g.number());
        assertThat(mail.get("recipient")).isEqualTo("owner@example.com");
        assertThat((String) mail.get("subject")).contains("行政指导书", g.number());
        assertThat((String) mail.get("text_body")).contains(g.number(), issued.accessCode(),
                portal.link("guidance"), "提示", "食品经营许可证即将到期", service.today().plusDays(20).toString());
        assertThat((String) mail.get("text_body")).as("the link names the party's language")
                .contains(portal.link("guidance?number=" + g.number() + "&lang=zh-CN") + " 输入");

        // the party: a wrong code finds nothing, the right one (typed in lower case) the document
        SecurityContextHolder.clearContext();
        assertThat(service.open(g.number(), "WRONGCODE234", client())).isEmpty();
        GuidanceRecord seen = service.open(g.number().toLowerCase(), issued.accessCode().toLowerCase(), client())
                .orElseThrow();
        assertThat(seen.findings()).contains("尚未提出延续申请");

        // a question needs a note; the refused reply changes nothing
        assertThatThrownBy(() -> service.reply(g.number(), issued.accessCode(), PartyReply.QUESTION, "", client()))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::field).containsExactly("replyNote"));
        assertThat(jdbc.queryForObject("select reply from guidance_document where number = ?", String.class,
                g.number())).isNull();
        assertThatThrownBy(() -> service.reply(g.number(), "WRONGCODE234", PartyReply.DONE, null, client()))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("guidance.error.notFound"));
        service.reply(g.number(), issued.accessCode(), PartyReply.WILL_FOLLOW, null, client());
        GuidanceRecord replied = service.reply(g.number(), issued.accessCode(), PartyReply.DONE, "已提交延续申请。", client());
        assertThat(replied.reply()).isEqualTo(PartyReply.DONE);
        assertThat(replied.replyNote()).isEqualTo("已提交延续申请。");

        // the officer records the return visit; a second one is refused, and the party can no longer reply
        signInOfficer("guidance-officer", MARKET);
        assertThat(service.workload(MARKET).visitsPending()).isPositive();
        assertThatThrownBy(() -> service.recordVisit(g.number(), null, "短"))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::field).containsExactly("outcome", "visitNote"));
        GuidanceRecord visited = service.recordVisit(g.number(), VisitOutcome.CORRECTED, "电话回访，当事人已取得延续后的许可证。");
        assertThat(visited.visitOutcome()).isEqualTo(VisitOutcome.CORRECTED);
        assertThat(visited.visitedBy()).isEqualTo("guidance-officer");
        assertThat(visited.visitPending()).isFalse();
        assertThatThrownBy(() -> service.recordVisit(g.number(), VisitOutcome.IN_PROGRESS, "再次回访，情况没有变化。"))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("guidance.error.visited"));
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> service.reply(g.number(), issued.accessCode(), PartyReply.QUESTION, "还有一个问题想咨询。",
                client())).isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("guidance.error.closed"));
    }

    @Test
    void every_refused_field_is_named_and_nothing_is_stored() {
        signInOfficer("guidance-officer", MARKET);
        int before = jdbc.queryForObject("select count(*) from guidance_document", Integer.class);
        GuidanceInput bad = new GuidanceInput(null, REVOKED, "某", "not-an-address", "zh-CN", "", "太短", "太短",
                "依".repeat(GuidanceService.MAX_BASIS + 1), service.today().minusDays(1),
                service.today().plusDays(GuidanceService.MAX_DAYS_AHEAD + 1));
        assertThatThrownBy(() -> service.issue(bad)).isInstanceOfSatisfying(ValidationFailure.class,
                f -> assertThat(f.problems()).extracting(FieldProblem::field).containsExactly("kind", "certificates",
                        "partyName", "partyEmail", "subject", "findings", "advice", "basis", "respondBy", "visitDue"));
        // a revoked certificate, another agency's officer, a malformed number and none at all are refused alike
        for (String certificates : List.of(REVOKED, TRAFFIC_OFFICER, "SJ-123", " ", VALID + "," + REVOKED)) {
            GuidanceInput in = new GuidanceInput(GuidanceKind.COACHING, certificates, "某某商店", null, "zh-CN", "明码标价",
                    "商品未按规定明码标价，部分价签缺失。", "请按规定为所有商品标明价格，价签与实际售价一致。", null, null, null);
            assertThatThrownBy(() -> service.issue(in)).as(certificates).isInstanceOfSatisfying(ValidationFailure.class,
                    f -> assertThat(f.problems()).extracting(FieldProblem::field).containsExactly("certificates"));
        }
        // a line break in the party's name or the matter would break the mail's subject; control characters in a text
        GuidanceInput broken = new GuidanceInput(GuidanceKind.COACHING, VALID, "某某\n商店", null, "zh-CN", "明码\r标价",
                "商品未按规定明码标价，\u0007部分价签缺失。", "请按规定为所有商品标明价格，\n价签与实际售价一致。", null, null, null);
        assertThatThrownBy(() -> service.issue(broken)).isInstanceOfSatisfying(ValidationFailure.class,
                f -> assertThat(f.problems()).extracting(p -> p.field() + "=" + p.messageKey()).containsExactly(
                        "partyName=platform.error.singleLine", "subject=platform.error.singleLine",
                        "findings=platform.error.controlCharacters"));
        assertThat(jdbc.queryForObject("select count(*) from guidance_document", Integer.class)).isEqualTo(before);
    }

    @Test
    void only_officers_issue_and_an_officer_never_sees_another_agencys_guidance() {
        signInOfficer("guidance-officer", MARKET);
        GuidanceRecord market = service.issue(input(null)).guidance();
        signInOfficer("guidance-traffic-officer", TRAFFIC);
        assertThat(service.find(market.number())).isEmpty();
        assertThatThrownBy(() -> service.recordVisit(market.number(), VisitOutcome.CORRECTED, "试图记录别的机关的回访。"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.newAccessCode(market.number())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.list(MARKET, false, null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        // asking for another agency's list gets one's own
        assertThat(service.staffAgency(MARKET)).contains(TRAFFIC);

        UI.getCurrent().navigate("staff/guidance/document/" + market.number());
        assertThat(_get(Div.class, spec -> spec.withId("guidance-detail")).getElement().getAttribute("data-outcome"))
                .isEqualTo("not-found");
        assertThat(_find(Div.class, spec -> spec.withId("guidance-document"))).isEmpty();

        // editors and anonymous visitors may do nothing in the back office
        signIn("guidance-editor", "EDITOR");
        assertThatThrownBy(() -> service.find(market.number())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.issue(input(null))).isInstanceOf(AccessDeniedException.class);
        // an administrator sees every agency's, but gives no guidance (no agency of their own)
        signIn("guidance-admin", "ADMIN");
        assertThat(service.find(market.number())).isPresent();
        assertThatThrownBy(() -> service.issue(input(null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_mail_and_the_printed_document_link_to_the_public_page_in_the_partys_language() {
        signInOfficer("guidance-officer", MARKET);
        String number = service.issue(input("owner-en@example.com", "en")).guidance().number();
        String body = jdbc.queryForObject("select text_body from notification_outbox where dedup_key = ?", String.class,
                "guidance-issued:" + number);
        String link = portal.link("guidance?number=" + number + "&lang=en");
        assertThat(body).contains("go to " + link + " and enter");

        UI.getCurrent().navigate(GuidanceDetailView.path(number));
        _click(_get(Button.class, spec -> spec.withId("guidance-new-code")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-document-how")).getText())
                .contains("online at " + portal.link("guidance?lang=en") + " by entering");
        // the officers in English punctuation, not 谢*博（HB-…）
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-document-officers")).getText())
                .matches("Officers: \\S+ \\(" + java.util.regex.Pattern.quote(VALID) + "\\)");

        // the party opens the mail's link in a browser that remembers no language: the page speaks theirs
        SecurityContextHolder.clearContext();
        Links.open(link.substring(portal.publicUrl().length() + 1));
        assertThat(UI.getCurrent().getLocale()).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(_get(TextField.class, spec -> spec.withId("guidance-open-number")).getLabel()).isEqualTo("Guidance number");
        assertThat(_get(TextField.class, spec -> spec.withId("guidance-open-number")).getValue()).isEqualTo(number);
    }

    @Test
    void the_document_handed_to_the_party_names_the_officers_in_full_and_is_dated_as_a_document_in_its_language() {
        signInOfficer("guidance-officer", MARKET);
        GuidanceService.Issued issued = service.issue(input(null));
        String number = issued.guidance().number();
        java.time.LocalDate today = service.today();
        java.time.LocalDate respondBy = today.plusDays(20);
        // the staff copy, printed and handed over: the officer's full name and certificate, the date in Chinese
        UI.getCurrent().navigate(GuidanceDetailView.path(number));
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-document-officers")).getText())
                .isEqualTo("执法人员：张晓丰（" + VALID + "）");
        String chineseDate = today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日";
        // the closing as an official document's (落款): the agency's name, then the date on a line of its own
        assertThat(signature()).containsExactly("示例市市场监督管理局", chineseDate);
        assertThat(_get(GuidanceDocument.class).getElement().getTextRecursively())
                .contains("请于 " + respondBy.getYear() + "年" + respondBy.getMonthValue() + "月" + respondBy.getDayOfMonth()
                        + "日 前反馈或完成。");
        // a party writing English gets the English long form
        String english = service.issue(input(null, "en")).guidance().number();
        UI.getCurrent().navigate(GuidanceDetailView.path(english));
        assertThat(signature()).last().isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("d MMMM y", java.util.Locale.ENGLISH).format(today));
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-document-officers")).getText())
                .isEqualTo("Officers: 张晓丰 (" + VALID + ")");

        // the party's own page, which anyone holding the number and code opens, names the officer as the public
        // agency pages do
        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("guidance", QueryParameters.simple(Map.of("number", number)));
        _get(PasswordField.class, spec -> spec.withId("guidance-open-code")).setValue(issued.accessCode());
        _click(_get(Button.class, spec -> spec.withId("guidance-open-submit")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-document-officers")).getText())
                .isEqualTo("执法人员：张*丰（" + VALID + "）");
        assertThat(signature()).containsExactly("示例市市场监督管理局", chineseDate);
    }

    /** The lines of the document's closing: the agency's name and the date, each an element of its own. */
    private static List<String> signature() {
        com.vaadin.flow.component.html.Div closing = _get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withClasses("document-signature"));
        return List.of(_get(closing, com.vaadin.flow.component.html.Div.class,
                        spec -> spec.withClasses("document-signature-agency")).getText(),
                _get(closing, com.vaadin.flow.component.html.Div.class,
                        spec -> spec.withClasses("document-signature-date")).getText());
    }

    @Test
    void a_new_access_code_replaces_the_old_one() {
        signInOfficer("guidance-officer", MARKET);
        GuidanceService.Issued issued = service.issue(input(null));
        String fresh = service.newAccessCode(issued.guidance().number());
        assertThat(fresh).isNotEqualTo(issued.accessCode());
        SecurityContextHolder.clearContext();
        assertThat(service.open(issued.guidance().number(), issued.accessCode(), null)).isEmpty();
        assertThat(service.open(issued.guidance().number(), fresh, null)).isPresent();
    }

    @Test
    void one_client_may_fail_ten_times_in_a_quarter_of_an_hour() {
        signInOfficer("guidance-officer", MARKET);
        GuidanceService.Issued issued = service.issue(input(null));
        SecurityContextHolder.clearContext();
        String client = client();
        for (int i = 0; i < GuidanceService.MAX_FAILED_LOOKUPS; i++) {
            assertThat(service.open("ZD-2026-999999", "ABCDEFGHJKMN", client)).isEmpty();
        }
        // even the right code is refused now, to this client only
        assertThatThrownBy(() -> service.open(issued.guidance().number(), issued.accessCode(), client))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("guidance.error.tooMany"));
        assertThat(service.open(issued.guidance().number(), issued.accessCode(), client())).isPresent();
    }

    /** The refused fields of a look-up, as field=message key. */
    private static List<String> refusedFields(org.assertj.core.api.ThrowableAssert.ThrowingCallable lookUp) {
        ValidationFailure refused = org.junit.jupiter.api.Assertions.assertThrows(ValidationFailure.class, lookUp::call);
        return refused.problems().stream().map(p -> p.field() + "=" + p.messageKey()).toList();
    }

    @Test
    void an_empty_or_malformed_look_up_is_refused_on_its_fields_before_the_limit_and_never_counts_toward_the_ten() {
        signInOfficer("guidance-officer", MARKET);
        GuidanceService.Issued issued = service.issue(input(null));
        SecurityContextHolder.clearContext();
        String number = issued.guidance().number();
        String client = client();
        // more refusals than the limit allows failures: none of them is a failed look-up
        for (int i = 0; i < GuidanceService.MAX_FAILED_LOOKUPS; i++) {
            assertThat(refusedFields(() -> service.open("abc", "ABCDEFGHJKMN", client)))
                    .containsExactly("number=guidance.error.numberFormat");
            assertThat(refusedFields(() -> service.open(" ", null, client)))
                    .containsExactly("number=guidance.error.numberEmpty", "code=guidance.error.codeEmpty");
            assertThat(refusedFields(() -> service.open(number, "  ", client))).containsExactly("code=guidance.error.codeEmpty");
            assertThat(refusedFields(() -> service.open("ZD-2026-12345", "ABCDEFGHJKMN", client)))
                    .as("five digits").containsExactly("number=guidance.error.numberFormat");
            assertThat(refusedFields(() -> service.reply("TJ-2026-000001", issued.accessCode(), PartyReply.DONE, null,
                    client))).containsExactly("number=guidance.error.numberFormat");
        }
        // the number as a party may type it: lower case, spaces around it
        assertThat(service.open("  " + number.toLowerCase(java.util.Locale.ROOT) + " ", issued.accessCode(), client))
                .isPresent();
        // a well-formed number with a wrong code is a failed look-up: all ten are still there to fail
        for (int i = 0; i < GuidanceService.MAX_FAILED_LOOKUPS; i++) {
            assertThat(service.open("ZD-2026-999999", "ABCDEFGHJKMN", client)).isEmpty();
        }
        assertThat(refusedFields(() -> service.open(number, issued.accessCode(), client)))
                .containsExactly("form=guidance.error.tooMany");
    }

    @Test
    void the_public_page_marks_an_empty_or_malformed_number_and_code_on_their_fields_in_the_readers_language() {
        signInOfficer("guidance-officer", MARKET);
        GuidanceService.Issued issued = service.issue(input(null));
        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("guidance");
        TextField number = _get(TextField.class, spec -> spec.withId("guidance-open-number"));
        PasswordField code = _get(PasswordField.class, spec -> spec.withId("guidance-open-code"));
        Button open = _get(Button.class, spec -> spec.withId("guidance-open-submit"));
        List<com.vaadin.flow.dom.Element> focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus()",
                () -> _click(open));
        assertThat(number.isInvalid()).isTrue();
        assertThat(number.getErrorMessage()).isEqualTo("请填写指导书编号。");
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo("请填写查询码。");
        assertThat(focused).containsExactly(number.getElement());
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-open-error")).getText()).isEmpty();

        // a party's typos, more often than failed look-ups are allowed: each says what is wrong, and none counts
        code.setValue("ABCDEFGHJKMN");
        for (int i = 0; i <= GuidanceService.MAX_FAILED_LOOKUPS; i++) {
            number.setValue("abc");
            focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus()", () -> _click(open));
            assertThat(number.isInvalid()).isTrue();
            assertThat(number.getErrorMessage()).contains("ZD-年份-编号", "ZD-2026-000123");
            assertThat(code.isInvalid()).isFalse();
            assertThat(focused).containsExactly(number.getElement());
        }
        number.setValue(issued.guidance().number());
        code.setValue("");
        focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus()", () -> _click(open));
        assertThat(number.isInvalid()).isFalse();
        assertThat(code.getErrorMessage()).isEqualTo("请填写查询码。");
        assertThat(focused).containsExactly(code.getElement());
        // a well-formed number with a wrong code is looked up: not found, the fields unmarked, no lock-out
        code.setValue("ABCDEFGHJKMN");
        _click(open);
        assertThat(number.isInvalid()).isFalse();
        assertThat(code.isInvalid()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-open-error")).getText())
                .isEqualTo("没有找到这份指导书：请核对编号和查询码。");
        code.setValue(issued.accessCode());
        _click(open);
        assertThat(_get(GuidanceDocument.class).getElement().getAttribute("data-number")).isEqualTo(issued.guidance().number());

        // in English
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("privacy");
        UI.getCurrent().navigate("guidance");
        TextField english = _get(TextField.class, spec -> spec.withId("guidance-open-number"));
        PasswordField englishCode = _get(PasswordField.class, spec -> spec.withId("guidance-open-code"));
        english.setValue("ZD-abc");
        _click(_get(Button.class, spec -> spec.withId("guidance-open-submit")));
        assertThat(english.getErrorMessage()).isEqualTo("A guidance number reads ZD-year-number, for example ZD-2026-000123;"
                + " please enter it as printed on the written guidance.");
        assertThat(englishCode.getErrorMessage()).isEqualTo("Please enter the access code.");
        english.setValue("");
        _click(_get(Button.class, spec -> spec.withId("guidance-open-submit")));
        assertThat(english.getErrorMessage()).isEqualTo("Please enter the guidance number.");
    }

    @Test
    void wrong_codes_sent_side_by_side_cannot_pass_the_limit_and_right_ones_and_replies_do_not_count() throws Exception {
        signInOfficer("guidance-officer", MARKET);
        GuidanceService.Issued issued = service.issue(input(null));
        SecurityContextHolder.clearContext();
        String number = issued.guidance().number();
        // right look-ups and a reply with the right code count nothing
        String client = client();
        for (int i = 0; i < GuidanceService.MAX_FAILED_LOOKUPS + 2; i++) {
            assertThat(service.open(number, issued.accessCode(), client)).isPresent();
        }
        service.reply(number, issued.accessCode(), PartyReply.WILL_FOLLOW, null, client);
        // a reply with a wrong code counts as a failed look-up
        assertThatThrownBy(() -> service.reply(number, "ABCDEFGHJKMN", PartyReply.DONE, null, client))
                .isInstanceOf(ValidationFailure.class);

        int threads = 3 * GuidanceService.MAX_FAILED_LOOKUPS;
        int lookedUp = cn.gov.enforcement.portal.testsupport.AtOnce.count(threads, i -> {
            try {
                service.open(number, "ABCDEFGHJKMN", client);
                return true; // looked up (and found nothing)
            } catch (ValidationFailure refused) {
                return false; // refused before the look-up
            }
        });
        assertThat(lookedUp).as("one failure was counted before; the rest of the limit, however they interleave")
                .isEqualTo(GuidanceService.MAX_FAILED_LOOKUPS - 1);
    }

    @Test
    void the_compose_page_marks_refused_fields_keeps_the_input_and_then_shows_the_document_with_the_code() {
        signInOfficer("guidance-officer", MARKET);
        UI.getCurrent().navigate("staff/guidance/new");
        // the party's e-mail address: the e-mail keyboard on a phone, never the officer's own address filled in
        var email = _get(TextField.class, spec -> spec.withId("guidance-email")).getElement();
        assertThat(email.getAttribute("inputmode")).isEqualTo("email");
        assertThat(email.getAttribute("autocomplete")).isEqualTo("off");
        assertThat(_get(TextField.class, spec -> spec.withId("guidance-party")).getElement().getAttribute("autocomplete"))
                .isEqualTo("off");
        _get(TextField.class, spec -> spec.withId("guidance-party")).setValue("某某超市");
        _get(TextArea.class, spec -> spec.withId("guidance-findings")).setValue("太短");
        _click(_get(Button.class, spec -> spec.withId("guidance-issue")));
        assertThat(_get(Select.class, spec -> spec.withId("guidance-kind")).isInvalid()).isTrue();
        TextField certificates = _get(TextField.class, spec -> spec.withId("guidance-certificates"));
        assertThat(certificates.isInvalid()).isTrue();
        assertThat(certificates.getErrorMessage()).isEqualTo("请至少填写一名执法人员的执法证号。");
        TextArea findings = _get(TextArea.class, spec -> spec.withId("guidance-findings"));
        assertThat(findings.isInvalid()).isTrue();
        assertThat(findings.getValue()).isEqualTo("太短");
        assertThat(_get(TextField.class, spec -> spec.withId("guidance-party")).getValue()).isEqualTo("某某超市");

        _get(Select.class, spec -> spec.withId("guidance-kind")).setValue(GuidanceKind.SUGGESTION);
        certificates.setValue(VALID.toLowerCase());
        _get(TextField.class, spec -> spec.withId("guidance-subject")).setValue("进口食品标签");
        findings.setValue("部分进口预包装食品没有中文标签。");
        _get(TextArea.class, spec -> spec.withId("guidance-advice")).setValue("建议下架没有中文标签的商品，进货时查验中文标签。");
        _get(DatePicker.class, spec -> spec.withId("guidance-visit-due")).setValue(service.today().plusDays(14));
        _click(_get(Button.class, spec -> spec.withId("guidance-issue")));

        String number = _get(GuidanceComposeView.class).getElement().getAttribute("data-issued");
        assertThat(number).matches("ZD-\\d{4}-\\d{6}");
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-issued")).getText()).contains(number, "请打印");
        String how = _get(Paragraph.class, spec -> spec.withId("guidance-document-how")).getText();
        Matcher code = Pattern.compile("查询码 ([A-Z0-9]{12})").matcher(how);
        assertThat(code.find()).as(how).isTrue();
        assertThat(how).contains(portal.link("guidance"), number);
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("guidance-another")).getHref())
                .isEqualTo("staff/guidance/new");
        // the sample agency's document says it is a sample
        assertThat(_get(GuidanceDocument.class).getElement().getTextRecursively()).contains("示例数据", "进口食品标签",
                "建议下架");

        // the party opens it on the public page and replies; what was typed stays when refused
        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("guidance", QueryParameters.simple(Map.of("number", number)));
        assertThat(_get(TextField.class, spec -> spec.withId("guidance-open-number")).getValue()).isEqualTo(number);
        _get(PasswordField.class, spec -> spec.withId("guidance-open-code")).setValue("WRONGCODE234");
        _click(_get(Button.class, spec -> spec.withId("guidance-open-submit")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-open-error")).getText()).contains("没有找到");
        _get(PasswordField.class, spec -> spec.withId("guidance-open-code")).setValue(code.group(1));
        _click(_get(Button.class, spec -> spec.withId("guidance-open-submit")));
        assertThat(_get(GuidanceDocument.class).getElement().getAttribute("data-number")).isEqualTo(number);
        // switching the language reloads the page: the same guidance is open again
        _get(GuidancePartyView.class).keepForLanguageSwitch();
        UI.getCurrent().navigate("privacy");
        UI.getCurrent().navigate("guidance");
        assertThat(_get(GuidanceDocument.class).getElement().getAttribute("data-number")).isEqualTo(number);
        UI.getCurrent().navigate("privacy");
        UI.getCurrent().navigate("guidance");
        assertThat(_find(GuidanceDocument.class)).as("only once").isEmpty();
        UI.getCurrent().navigate("guidance", QueryParameters.simple(Map.of("number", number)));
        _get(PasswordField.class, spec -> spec.withId("guidance-open-code")).setValue(code.group(1));
        _click(_get(Button.class, spec -> spec.withId("guidance-open-submit")));
        // the party's page never shows the code (it was typed) nor the officer's account
        assertThat(_find(Paragraph.class, spec -> spec.withId("guidance-document-how"))).isEmpty();
        assertThat(_get(Div.class, spec -> spec.withId("guidance-open-result")).getElement().getTextRecursively())
                .doesNotContain("guidance-officer");
        _get(Select.class, spec -> spec.withId("guidance-party-answer")).setValue(PartyReply.QUESTION);
        _click(_get(Button.class, spec -> spec.withId("guidance-party-send")));
        assertThat(_get(TextArea.class, spec -> spec.withId("guidance-party-note")).isInvalid()).isTrue();
        assertThat(_get(Select.class, spec -> spec.withId("guidance-party-answer")).getValue()).isEqualTo(PartyReply.QUESTION);
        _get(TextArea.class, spec -> spec.withId("guidance-party-note")).setValue("哪些商品需要中文标签？");
        _click(_get(Button.class, spec -> spec.withId("guidance-party-send")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-party-thanks")).getText()).contains("谢谢");
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-party-current")).getText()).contains("有疑问或不同意见");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("guidance-party-rate")).getHref())
                .isEqualTo("rating?agency=" + MARKET + "&matter=GUIDANCE");
        UI.getCurrent().navigate("rating", QueryParameters.simple(Map.of("agency", MARKET, "matter", "GUIDANCE")));
        assertThat(_get(Select.class, spec -> spec.withId("rating-agency")).getValue()).isEqualTo(MARKET);
        assertThat(_get(Select.class, spec -> spec.withId("rating-matter")).getValue()).isEqualTo(Matter.GUIDANCE);

        // the officer sees the reply, finds the visit in the list of visits to make and records it
        signInOfficer("guidance-officer", MARKET);
        UI.getCurrent().navigate("staff/guidance", QueryParameters.simple(Map.of("visits", "true")));
        assertThat(_get(Checkbox.class, spec -> spec.withId("guidance-list-visits")).getValue()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<GuidanceRecord> grid = _get(Grid.class, spec -> spec.withId("guidance-list"));
        assertThat(GridKt._findAll(grid)).extracting(GuidanceRecord::number).contains(number)
                .allMatch(n -> n.startsWith("ZD-"));
        assertThat(GridKt._findAll(grid)).allMatch(GuidanceRecord::visitPending);
        UI.getCurrent().navigate("staff/guidance/document/" + number);
        assertThat(_get(Div.class, spec -> spec.withId("guidance-reply")).getElement().getTextRecursively())
                .contains("有疑问或不同意见", "哪些商品需要中文标签？");
        // the party's own words are marked as Chinese on an English page, the translated reply is not
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("staff/guidance/document/" + number);
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-reply-note")).getElement().getAttribute("lang"))
                .isEqualTo("zh-CN");
        assertThat(_get(Div.class, spec -> spec.withId("guidance-reply")).getElement().getAttribute("lang")).isNull();
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("staff/guidance/document/" + number);
        _get(TextArea.class, spec -> spec.withId("guidance-visit-note")).setValue("太短");
        _click(_get(Button.class, spec -> spec.withId("guidance-visit-save")));
        assertThat(_get(Select.class, spec -> spec.withId("guidance-visit-outcome")).isInvalid()).isTrue();
        assertThat(_get(TextArea.class, spec -> spec.withId("guidance-visit-note")).getValue()).isEqualTo("太短");
        _get(Select.class, spec -> spec.withId("guidance-visit-outcome")).setValue(VisitOutcome.CORRECTED);
        _get(TextArea.class, spec -> spec.withId("guidance-visit-note")).setValue("现场回访，进口食品均已加贴中文标签。");
        _click(_get(Button.class, spec -> spec.withId("guidance-visit-save")));
        assertThat(_get(Div.class, spec -> spec.withId("guidance-visit")).getElement().getTextRecursively())
                .contains("已整改到位", "现场回访", "测试指导员").doesNotContain("guidance-officer");
        assertThat(_find(Div.class, spec -> spec.withId("guidance-visit-form"))).isEmpty();
    }

    @Test
    void the_public_page_explains_the_eight_kinds_and_counts_each_agencys_guidance_of_the_last_year() throws Exception {
        signInOfficer("guidance-officer", MARKET);
        service.issue(input(null));
        GuidanceRecord old = service.issue(input(null)).guidance();
        GuidanceRecord firstDay = service.issue(input(null)).guidance();
        GuidanceRecord dayBefore = service.issue(input(null)).guidance();
        // the last 365 days are today and the 364 days before it: a guidance of more than a year ago is not counted,
        // nor one given on the 366th day back; one given as the first of the 365 days begins is
        java.time.LocalDate from = service.today().minusDays(GuidanceService.FIGURES_DAYS - 1L);
        assertThat(service.figuresFrom()).isEqualTo(from);
        java.time.Instant since = from.atStartOfDay(GuidanceService.ZONE).toInstant();
        jdbc.update("update guidance_document set issued_at = ? where number = ?",
                java.sql.Timestamp.from(service.today().minusDays(GuidanceService.FIGURES_DAYS + 5)
                        .atStartOfDay(GuidanceService.ZONE).toInstant()), old.number());
        jdbc.update("update guidance_document set issued_at = ? where number = ?", java.sql.Timestamp.from(since),
                firstDay.number());
        jdbc.update("update guidance_document set issued_at = ? where number = ?",
                java.sql.Timestamp.from(since.minusSeconds(1)), dayBefore.number());
        long recent = jdbc.queryForObject("select count(*) from guidance_document where agency_id = ? and issued_at >= ? and voided_at is null",
                Long.class, MARKET, java.sql.Timestamp.from(since));
        GuidanceService.AgencyFigures market = service.figures().stream().filter(f -> f.agencyId().equals(MARKET))
                .findFirst().orElseThrow();
        assertThat(market.total()).isEqualTo(recent);
        assertThat(market.byKind().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(recent);

        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("guidance");
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("guidance-kinds"))
                .getChildren().count()).isEqualTo(8);
        String figures = _get(Section.class, spec -> spec.withId("guidance-figures")).getElement().getTextRecursively();
        assertThat(figures).contains("（示例）", "共 " + recent + " 次").doesNotContain("某某餐饮");

        // the same figures as open data
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders
                .webAppContextSetup((org.springframework.web.context.WebApplicationContext) context).build();
        String json = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/guidance/figures").param("lang", "en"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.get("to").asText()).isEqualTo(service.today().toString());
        assertThat(tree.get("from").asText()).isEqualTo(from.toString());
        var marketJson = java.util.stream.StreamSupport.stream(tree.get("agencies").spliterator(), false)
                .filter(a -> a.get("agency").asText().equals(MARKET)).findFirst().orElseThrow();
        assertThat(marketJson.get("total").asLong()).isEqualTo(recent);
        assertThat(marketJson.get("sample").asBoolean()).isTrue();
        var reminders = java.util.stream.StreamSupport.stream(marketJson.get("byKind").spliterator(), false)
                .filter(k -> k.get("kind").asText().equals("REMINDER")).findFirst().orElseThrow();
        assertThat(reminders.get("name").asText()).isEqualTo("Reminder");
        assertThat(reminders.get("count").asLong()).isEqualTo(market.byKind().get(GuidanceKind.REMINDER));
        assertThat(json).doesNotContain("某某餐饮", "owner@example.com");
        // zh-TW: the agency's name in Traditional characters as on the zh-TW page, its id and the kinds' codes unchanged
        for (var traditional : List.of(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/guidance/figures").param("lang", "zh-TW"),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/guidance/figures").header("Accept-Language", "zh-HK"))) {
            var shown = new com.fasterxml.jackson.databind.ObjectMapper().readTree(mvc.perform(traditional)
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            var marketShown = java.util.stream.StreamSupport.stream(shown.get("agencies").spliterator(), false)
                    .filter(a -> a.get("agency").asText().equals(MARKET)).findFirst().orElseThrow();
            assertThat(marketShown.get("name").asText()).isEqualTo("示例市市場監督管理局");
            assertThat(java.util.stream.StreamSupport.stream(marketShown.get("byKind").spliterator(), false)
                    .map(k -> k.get("kind").asText())).contains("REMINDER");
        }
    }

    @Test
    void an_officer_drafts_guidance_from_a_risk_point_of_their_own_agency_only() {
        String risk = "mr-rp-food-licence";
        cn.gov.enforcement.portal.lists.RiskPoint point = lists.findRiskPoint(risk).orElseThrow();
        signInOfficer("guidance-officer", MARKET);
        UI.getCurrent().navigate("risks/" + risk);
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("risk-write-guidance")).getHref())
                .isEqualTo("staff/guidance/new?risk=" + risk);
        UI.getCurrent().navigate("staff/guidance/new", QueryParameters.simple(Map.of("risk", risk)));
        assertThat(_get(Select.class, spec -> spec.withId("guidance-kind")).getValue()).isEqualTo(GuidanceKind.REMINDER);
        assertThat(_get(TextField.class, spec -> spec.withId("guidance-subject")).getValue()).isEqualTo(point.title());
        assertThat(_get(TextArea.class, spec -> spec.withId("guidance-findings")).getValue()).isEqualTo(point.risk());
        assertThat(_get(TextArea.class, spec -> spec.withId("guidance-advice")).getValue())
                .startsWith("1. " + point.prevention().get(0)).contains("\n2. " + point.prevention().get(1));
        assertThat(_get(TextArea.class, spec -> spec.withId("guidance-basis")).getValue())
                .contains(point.basisObligation().get(0).display());
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-drafted")).getText()).contains(point.title());

        // another agency's officer gets an empty form and no link; so does a visitor
        signInOfficer("guidance-traffic-officer", TRAFFIC);
        assertThat(service.draftFromRiskPoint(risk)).isEmpty();
        UI.getCurrent().navigate("risks/" + risk);
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("risk-write-guidance"))).isEmpty();
        UI.getCurrent().navigate("staff/guidance/new", QueryParameters.simple(Map.of("risk", risk)));
        assertThat(_get(TextField.class, spec -> spec.withId("guidance-subject")).getValue()).isEmpty();
        SecurityContextHolder.clearContext();
        assertThat(service.draftFromRiskPoint(risk)).isEmpty();
        assertThat(GuidanceService.kindNamed("约谈")).contains(GuidanceKind.INTERVIEW);
        assertThat(GuidanceService.kindNamed("回访")).contains(GuidanceKind.RETURN_VISIT);
    }

    @Test
    void officers_find_guidance_by_party_matter_or_number_and_hear_of_each_reply_by_mail() {
        signInMailedOfficer();
        String unique = "搜索测试" + UUID.randomUUID().toString().substring(0, 8);
        GuidanceInput base = input(null);
        GuidanceService.Issued issued = service.issue(new GuidanceInput(base.kind(), base.certificates(),
                unique + "_商行", null, "zh-CN", "百分之百%的承诺", base.findings(), base.advice(), null, null, null));
        String number = issued.guidance().number();
        assertThat(service.list(MARKET, false, unique.toUpperCase(), 0, 10)).extracting(GuidanceRecord::number)
                .containsExactly(number);
        assertThat(service.listSize(MARKET, false, unique)).isEqualTo(1);
        assertThat(service.list(MARKET, false, number.toLowerCase(), 0, 10)).extracting(GuidanceRecord::number)
                .containsExactly(number);
        assertThat(service.list(MARKET, false, unique + "_商行", 0, 10)).hasSize(1);
        // wildcards are searched for as they are
        assertThat(service.listSize(MARKET, false, unique + "%商行")).isZero();
        assertThat(service.listSize(MARKET, false, "百分之百%的")).isPositive();
        assertThat(service.listSize(MARKET, true, unique)).as("no follow-up visit planned").isZero();

        UI.getCurrent().navigate("staff/guidance");
        _get(TextField.class, spec -> spec.withId("guidance-list-search")).setValue(unique);
        @SuppressWarnings("unchecked")
        Grid<GuidanceRecord> grid = _get(Grid.class, spec -> spec.withId("guidance-list"));
        assertThat(GridKt._findAll(grid)).extracting(GuidanceRecord::number).containsExactly(number);
        // on a narrow window each guidance is a card, the link to it first; the party's name and the matter marked
        // as Chinese on an English page
        GuidanceListView list = _get(GuidanceListView.class);
        List<String> wide = cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid);
        assertThat(wide).as("wide until the browser says otherwise").hasSize(7).contains("reply", "visit");
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(list, true);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).containsExactly("guidance");
        com.vaadin.flow.component.Component card = GridKt._getCellComponent(grid, 0, "guidance");
        assertThat(card.getElement().getTextRecursively()).contains(number, unique + "_商行", "百分之百%的承诺",
                "制作日期：", "当事人回复：未回复");
        assertThat(_get(card, com.vaadin.flow.component.html.Anchor.class).getHref())
                .isEqualTo(GuidanceDetailView.path(number));
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(list, false);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).isEqualTo(wide);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("staff/guidance");
        _get(TextField.class, spec -> spec.withId("guidance-list-search")).setValue(unique);
        @SuppressWarnings("unchecked")
        Grid<GuidanceRecord> english = _get(Grid.class, spec -> spec.withId("guidance-list"));
        assertThat(GridKt._getCellComponent(english, 0, "subject").getElement().getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(GridKt._getCellComponent(english, 0, "party").getElement().getAttribute("lang")).isEqualTo("zh-CN");
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("staff/guidance");
        _get(TextField.class, spec -> spec.withId("guidance-list-search")).setValue("没有这样的当事人" + unique);
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-list-count")).getText())
                .isEqualTo("没有符合条件的行政指导书。");

        // each reply of the party is mailed to the officer who wrote the guidance, without its note
        SecurityContextHolder.clearContext();
        service.reply(number, issued.accessCode(), PartyReply.QUESTION, "申请延续需要哪些材料？", client());
        List<Map<String, Object>> mails = jdbc.queryForList(
                "select recipient, subject, text_body from notification_outbox where dedup_key like ?",
                "guidance-reply:" + number + ":%");
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.get("recipient")).isEqualTo("zhidao@scjg.example.cn");
            assertThat((String) m.get("subject")).contains(number, unique);
            assertThat((String) m.get("text_body")).contains("有疑问或不同意见",
                    portal.link("staff/guidance/document/" + number)).doesNotContain("需要哪些材料");
        });
    }

    @Test
    void an_officers_own_mails_are_in_the_language_of_their_last_sign_in() {
        var admin = new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        SecurityContextHolder.setContext(new SecurityContextImpl(admin));
        try {
            accounts.create(new AccountService.NewUser("guidance-tw-officer", "测试指导员", Role.OFFICER, MARKET,
                    "zhidao-tw@scjg.example.cn"));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier run of this test
        }
        // as a sign-in with the zh-TW pages leaves it (SignInIT)
        jdbc.update("update portal_user set mail_language = 'zh-TW' where username = ?", "guidance-tw-officer");
        signIn(users.loadUserByUsername("guidance-tw-officer"), "OFFICER");
        GuidanceService.Issued issued = service.issue(input(null));
        String number = issued.guidance().number();
        jdbc.update("update guidance_document set visit_due = ? where number = ?", service.today().minusDays(1), number);
        SecurityContextHolder.clearContext();
        service.reply(number, issued.accessCode(), PartyReply.DONE, null, client());
        assertThat(jdbc.queryForObject("select subject from notification_outbox where dedup_key like ?", String.class,
                "guidance-reply:" + number + ":%")).isEqualTo("行政指導書 " + number + "：某某餐饮管理有限公司 已回覆");
        reminders.remind();
        assertThat(jdbc.queryForObject("select subject from notification_outbox where dedup_key = ?", String.class,
                "guidance-reminder:guidance-tw-officer:" + service.today())).startsWith("行政指導回訪提醒");
    }

    @Test
    void each_officer_is_reminded_once_a_day_of_the_follow_up_visits_overdue_or_due_by_tomorrow() {
        signInMailedOfficer();
        java.time.LocalDate today = service.today();
        String overdue = service.issue(input(null)).guidance().number();
        String tomorrow = service.issue(input(null)).guidance().number();
        String later = service.issue(input(null)).guidance().number();
        String visited = service.issue(input(null)).guidance().number();
        service.recordVisit(visited, VisitOutcome.CORRECTED, "电话回访，当事人已经办理延续。");
        jdbc.update("update guidance_document set visit_due = ? where number in (?, ?)", today.minusDays(3), overdue,
                visited);
        jdbc.update("update guidance_document set visit_due = ? where number = ?", today.plusDays(1), tomorrow);
        jdbc.update("update guidance_document set visit_due = ? where number = ?", today.plusDays(2), later);
        signInOfficer("guidance-officer", MARKET);
        String unmailed = service.issue(input(null)).guidance().number();
        jdbc.update("update guidance_document set visit_due = ? where number = ?", today.minusDays(1), unmailed);
        SecurityContextHolder.clearContext();

        assertThat(reminders.remind()).isPositive();
        List<Map<String, Object>> mails = jdbc.queryForList(
                "select recipient, subject, text_body from notification_outbox where dedup_key = ?",
                "guidance-reminder:guidance-mailed-officer:" + today);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.get("recipient")).isEqualTo("zhidao@scjg.example.cn");
            assertThat((String) m.get("subject")).contains("回访提醒", today.toString());
            assertThat((String) m.get("text_body"))
                    .contains("编号 " + overdue + "｜某某餐饮管理有限公司｜食品经营许可证即将到期｜计划回访 " + today.minusDays(3) + "（已逾期）")
                    .contains("编号 " + tomorrow + "｜某某餐饮管理有限公司｜食品经营许可证即将到期｜计划回访 " + today.plusDays(1) + "\n")
                    .contains(portal.link("staff/guidance?visits=true"))
                    .doesNotContain(later, visited, unmailed);
        });
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like ?", Integer.class,
                "guidance-reminder:guidance-officer:%")).as("an officer without an address gets none").isZero();
        // a second run the same day adds nothing
        reminders.remind();
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key = ?", Integer.class,
                "guidance-reminder:guidance-mailed-officer:" + today)).isEqualTo(1);
    }

    @Test
    void a_reply_sent_after_the_officer_voided_the_guidance_shows_it_as_it_now_is() {
        signInOfficer("guidance-officer", MARKET);
        GuidanceService.Issued issued = service.issue(input(null));
        String number = issued.guidance().number();
        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("guidance", QueryParameters.simple(Map.of("number", number)));
        _get(PasswordField.class, spec -> spec.withId("guidance-open-code")).setValue(issued.accessCode());
        _click(_get(Button.class, spec -> spec.withId("guidance-open-submit")));
        // the officer voids it while the party's page is open
        signInOfficer("guidance-officer", MARKET);
        service.voidGuidance(number, "当事人名称写错，已重新制作。");
        SecurityContextHolder.clearContext();
        _get(Select.class, spec -> spec.withId("guidance-party-answer")).setValue(PartyReply.DONE);
        _click(_get(Button.class, spec -> spec.withId("guidance-party-send")));
        assertThat(_get(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("guidance-party-reply"))
                .getElement().getTextRecursively()).contains("这份指导书已经作废");
        assertThat(_find(Button.class, spec -> spec.withId("guidance-party-send"))).as("no form to send again").isEmpty();
        assertThat(jdbc.queryForObject("select reply from guidance_document where number = ?", String.class, number))
                .isNull();
    }

    @Test
    void a_guidance_issued_in_error_is_voided_with_a_reason_and_leaves_the_figures_and_the_visits() {
        signInOfficer("guidance-officer", MARKET);
        GuidanceService.Issued issued = service.issue(input(null));
        String number = issued.guidance().number();
        long figuresBefore = service.figures().stream().filter(f -> f.agencyId().equals(MARKET))
                .mapToLong(GuidanceService.AgencyFigures::total).sum();
        GuidanceService.Workload before = service.workload(MARKET);

        UI.getCurrent().navigate("staff/guidance/document/" + number);
        // colleagues are named as people, by the name of their account
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-facts")).getText()).startsWith("制作人：测试指导员 ·")
                .doesNotContain("guidance-officer");
        _get(TextArea.class, spec -> spec.withId("guidance-void-reason")).setValue("错");
        _click(_get(Button.class, spec -> spec.withId("guidance-void-save")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("guidance-void-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getValue()).isEqualTo("错");
        assertThat(_find(TextArea.class, spec -> spec.withId("guidance-visit-note"))).as("the visit form is untouched")
                .singleElement().satisfies(note -> assertThat(note.isInvalid()).isFalse());
        reason.setValue("当事人名称写错，已重新制作。");
        _click(_get(Button.class, spec -> spec.withId("guidance-void-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("guidance-voided")).getText())
                .contains("测试指导员", "当事人名称写错").doesNotContain("guidance-officer");
        assertThat(_find(Div.class, spec -> spec.withId("guidance-visit-form"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("guidance-void-form"))).isEmpty();
        assertThat(_get(GuidanceDocument.class).getElement().getTextRecursively()).contains("作废", "当事人名称写错");

        assertThat(service.figures().stream().filter(f -> f.agencyId().equals(MARKET))
                .mapToLong(GuidanceService.AgencyFigures::total).sum()).isEqualTo(figuresBefore - 1);
        assertThat(service.workload(MARKET).visitsPending()).isEqualTo(before.visitsPending() - 1);
        assertThat(service.listSize(MARKET, true, number)).isZero();
        assertThatThrownBy(() -> service.voidGuidance(number, "再次作废试试看。"))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("guidance.error.voided"));
        assertThatThrownBy(() -> service.recordVisit(number, VisitOutcome.CORRECTED, "作废后试图记录回访。"))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("guidance.error.voided"));
        // a voided guidance gets no new access code (the service refuses it, not only the page); the code stays
        String hash = jdbc.queryForObject("select access_code_hash from guidance_document where number = ?",
                String.class, number);
        assertThatThrownBy(() -> service.newAccessCode(number))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(p -> p.field() + "=" + p.messageKey()).containsExactly("form=guidance.error.voided"));
        assertThat(jdbc.queryForObject("select access_code_hash from guidance_document where number = ?",
                String.class, number)).isEqualTo(hash);
        assertThat(_find(Button.class, spec -> spec.withId("guidance-new-code"))).isEmpty();
        signInOfficer("guidance-traffic-officer", TRAFFIC);
        assertThatThrownBy(() -> service.voidGuidance(number, "别的机关试图作废。"))
                .isInstanceOf(AccessDeniedException.class);

        // the party still reads it, marked void, and cannot reply
        SecurityContextHolder.clearContext();
        assertThat(service.open(number, issued.accessCode(), client())).get().satisfies(g -> {
            assertThat(g.voided()).isTrue();
            assertThat(g.voidReason()).isEqualTo("当事人名称写错，已重新制作。");
        });
        assertThatThrownBy(() -> service.reply(number, issued.accessCode(), PartyReply.DONE, null, client()))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("guidance.error.voided"));
    }

    @Test
    void a_guidance_takes_ten_replies_an_hour_and_the_page_keeps_what_was_typed_beyond_them() {
        signInMailedOfficer();
        GuidanceService.Issued issued = service.issue(input(null));
        String number = issued.guidance().number();
        String code = issued.accessCode();
        SecurityContextHolder.clearContext();
        // each from another network address: the limit is the guidance's, not the client's
        for (int i = 1; i <= GuidanceService.MAX_REPLIES; i++) {
            service.reply(number, code, PartyReply.WILL_FOLLOW, "第 " + i + " 次回复。", client());
        }
        int mails = jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like ?",
                Integer.class, "guidance-reply:" + number + ":%");
        assertThat(mails).isPositive();
        assertThatThrownBy(() -> service.reply(number, code, PartyReply.DONE, "第十一次回复。", client()))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(p -> p.field() + "=" + p.messageKey())
                        .containsExactly("replyNote=guidance.error.tooManyReplies"));
        // the refused reply changes nothing and mails no one
        Map<String, Object> stored = jdbc.queryForMap("select reply, reply_note from guidance_document where number = ?",
                number);
        assertThat(stored.get("reply")).isEqualTo("WILL_FOLLOW");
        assertThat(stored.get("reply_note")).isEqualTo("第 " + GuidanceService.MAX_REPLIES + " 次回复。");
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like ?",
                Integer.class, "guidance-reply:" + number + ":%")).isEqualTo(mails);

        // on the party's page the note says why, and what was typed stays
        UI.getCurrent().navigate("guidance", QueryParameters.simple(Map.of("number", number)));
        _get(PasswordField.class, spec -> spec.withId("guidance-open-code")).setValue(code);
        _click(_get(Button.class, spec -> spec.withId("guidance-open-submit")));
        _get(Select.class, spec -> spec.withId("guidance-party-answer")).setValue(PartyReply.DONE);
        _get(TextArea.class, spec -> spec.withId("guidance-party-note")).setValue("已按建议提交延续申请。");
        _click(_get(Button.class, spec -> spec.withId("guidance-party-send")));
        TextArea note = _get(TextArea.class, spec -> spec.withId("guidance-party-note"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).contains(GuidanceService.REPLY_WINDOW.toMinutes() + " 分钟内已收到 "
                + GuidanceService.MAX_REPLIES + " 次回复");
        assertThat(note.getValue()).isEqualTo("已按建议提交延续申请。");
        assertThat(_get(Select.class, spec -> spec.withId("guidance-party-answer")).getValue()).isEqualTo(PartyReply.DONE);
        assertThat(_find(Paragraph.class, spec -> spec.withId("guidance-party-thanks"))).isEmpty();

        // another guidance still takes its replies
        signInOfficer("guidance-officer", MARKET);
        GuidanceService.Issued other = service.issue(input(null));
        SecurityContextHolder.clearContext();
        assertThat(service.reply(other.guidance().number(), other.accessCode(), PartyReply.DONE, null, client()).reply())
                .isEqualTo(PartyReply.DONE);
    }

    @Test
    void the_public_figures_are_counted_once_for_many_readers_and_again_as_soon_as_guidance_changes_them() {
        var counts = new cn.gov.enforcement.portal.testsupport.QueryCounts(entityManagerFactory);
        String countQuery = "from Guidance g where g.issuedAt >= :since";
        signInOfficer("guidance-officer", MARKET);
        service.issue(input(null));
        long queries = counts.executions(countQuery);
        List<GuidanceService.AgencyFigures> first = service.figures();
        // the next readers (the page, the open data) get the same figures without a query
        assertThat(service.figures()).isEqualTo(first);
        assertThat(service.figures()).isEqualTo(first);
        assertThat(counts.executions(countQuery)).isEqualTo(queries + 1);

        long before = first.stream().filter(f -> f.agencyId().equals(MARKET)).findFirst().orElseThrow().total();
        GuidanceRecord issued = service.issue(input(null)).guidance();
        assertThat(service.figures().stream().filter(f -> f.agencyId().equals(MARKET)).findFirst().orElseThrow()
                .total()).isEqualTo(before + 1);
        // a void guidance leaves the figures at once
        service.voidGuidance(issued.number(), "当事人名称写错，已重新制作。");
        assertThat(service.figures().stream().filter(f -> f.agencyId().equals(MARKET)).findFirst().orElseThrow()
                .total()).isEqualTo(before);
        assertThat(counts.executions(countQuery)).isEqualTo(queries + 3);
    }
}
