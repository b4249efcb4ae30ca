package cn.gov.enforcement.portal.agency;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.account.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Karibu tests of the agency form ({@link AgencyEditView}) and its button on the staff page. */
class AgencyEditViewIT extends AgencyBackOfficeTestSupport {

    @Autowired AgencyBackOffice backOffice;

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static String errors() {
        return _get(UnorderedList.class, spec -> spec.withId("agency-edit-errors")).getElement().getTextRecursively();
    }

    @Test
    void the_staff_page_offers_the_form_to_editors_and_administrators_but_not_to_officers() {
        signIn("agency-bo-officer-alpha", Role.OFFICER, ALPHA);
        UI.getCurrent().navigate("staff/agency");
        assertThat(_find(Button.class, spec -> spec.withId("staff-agency-edit"))).isEmpty();

        editorOfAlpha();
        UI.getCurrent().navigate("staff/agency");
        Button edit = _get(Button.class, spec -> spec.withId("staff-agency-edit"));
        assertThat(edit.getText()).isEqualTo("编辑本机关公示信息");
        _click(edit);
        assertThat(path()).isEqualTo("staff/agency/edit/" + ALPHA);
        assertThat(field("agency-edit-name").isReadOnly()).isTrue();
        assertThat(field("agency-edit-name").getValue()).isEqualTo("测试市后台编辑局");
        assertThat(field("agency-edit-id").isReadOnly()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("agency-edit-public")).getText()).contains("公开").contains("无需审核");

        // another agency's form: the same not-found page as an unknown id
        UI.getCurrent().navigate("staff/agency/edit/" + BETA);
        assertThat(_find(Div.class, spec -> spec.withId("agency-not-found"))).hasSize(1);
        UI.getCurrent().navigate("staff/agency/edit/no-such-agency");
        assertThat(_find(Div.class, spec -> spec.withId("agency-not-found"))).hasSize(1);

        admin();
        UI.getCurrent().navigate("staff/agency/" + BETA);
        assertThat(_get(Button.class, spec -> spec.withId("staff-agency-edit")).getText()).isEqualTo("编辑该机关公示信息");
        UI.getCurrent().navigate("staff/agency/edit/" + BETA);
        assertThat(_get(Checkbox.class, spec -> spec.withId("agency-edit-sample")).getValue()).isTrue();
        assertThat(_get(Checkbox.class, spec -> spec.withId("agency-edit-sample")).isReadOnly()).isTrue();
    }

    @Test
    void a_bad_form_names_each_field_keeps_the_input_and_a_good_one_revokes_a_certificate_at_once() {
        editorOfAlpha();
        UI.getCurrent().navigate("staff/agency/edit");
        assertThat(path()).as("an editor's own agency without an id").isEqualTo("staff/agency/edit");
        _setValue(field("agency-edit-supervision_email"), "jiandu at example");
        _setValue(field("agency-edit-officers-0-certificate"), "坏号!");
        _setValue(field("agency-edit-officers-1-certificate"), "TB-990100-2026-0001"); // the other agency's number
        _click(_get(Button.class, spec -> spec.withId("agency-edit-save")));

        TextField email = field("agency-edit-supervision_email");
        assertThat(email.isInvalid()).isTrue();
        // a whole sentence naming the field and quoting what was typed, not the files' fragment (必须是电子邮件地址…)
        assertThat(email.getErrorMessage())
                .isEqualTo("监督电子邮箱“jiandu at example”不是有效的电子邮件地址，请按 office@example.gov.cn 的格式填写。");
        assertThat(email.getValue()).as("input kept").isEqualTo("jiandu at example");
        TextField certificate = field("agency-edit-officers-0-certificate");
        assertThat(certificate.isInvalid()).isTrue();
        assertThat(certificate.getErrorMessage()).startsWith("第 1 位执法人员的执法证号“坏号!”不是有效的执法证号：").endsWith("。");
        assertThat(errors()).contains("监督电子邮箱“jiandu at example”不是有效的电子邮件地址")
                .contains("第 1 位执法人员的执法证号“坏号!”不是有效的执法证号").doesNotContain("：必须是");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("agency-edit-errors")).getElement().getAttribute("role"))
                .isEqualTo("alert");

        // the other agency's number is refused at once too, without naming it
        assertThat(field("agency-edit-officers-1-certificate").getErrorMessage())
                .isEqualTo("第 2 位执法人员的执法证号已由其他执法主体登记，不能重复使用。");
        // mended, the other agency's number is still refused
        _setValue(field("agency-edit-supervision_email"), "jiandu@bo-alpha.test.gov.cn");
        _setValue(field("agency-edit-officers-0-certificate"), "TA-990100-2026-0001");
        _click(_get(Button.class, spec -> spec.withId("agency-edit-save")));
        assertThat(field("agency-edit-officers-1-certificate").getErrorMessage())
                .isEqualTo("第 2 位执法人员的执法证号已由其他执法主体登记，不能重复使用。");
        assertThat(errors()).doesNotContain(BETA).doesNotContain("测试市后台示例局");
        assertThat(field("agency-edit-officers-1-certificate").getValue()).isEqualTo("TB-990100-2026-0001");

        // the fourth officer's certificate is revoked, a new officer added
        _setValue(field("agency-edit-officers-1-certificate"), "TA-990100-2026-0002");
        Button revoke = _get(Button.class, spec -> spec.withId("agency-edit-officers-3-revoke"));
        assertThat(revoke.getElement().getAttribute("aria-label")).isEqualTo("注销第 4 名执法人员的证件");
        assertThat(field("agency-edit-officers-3-name").getAriaLabel()).hasValue("第 4 名执法人员：姓名");
        _click(revoke);
        assertThat(revoke.isEnabled()).as("nothing left to revoke").isFalse();
        _click(_get(Button.class, spec -> spec.withId("agency-edit-add-officer")));
        int added = (int) _find(Select.class).stream().filter(s -> s.getId().orElse("").endsWith("-status")).count() - 1;
        _setValue(field("agency-edit-officers-" + added + "-name"), "王新来");
        _setValue(field("agency-edit-officers-" + added + "-certificate"), "ta 990100 2026 0050");
        _click(_get(Button.class, spec -> spec.withId("agency-edit-save")));

        assertThat(errors()).isEmpty();
        assertThat(directory.checkCertificate("TA-990100-2026-0004", "bo-view").outcome())
                .isEqualTo(CertificateAnswer.Outcome.REVOKED);
        assertThat(directory.checkCertificate("TA-990100-2026-0050", "bo-view").outcome())
                .isEqualTo(CertificateAnswer.Outcome.VALID);
        // the form shows the stored form of the number, the history and the audit log name the editor
        assertThat(field("agency-edit-officers-" + added + "-certificate").getValue()).isEqualTo("TA-990100-2026-0050");
        String history = _get(Section.class, spec -> spec.withId("agency-edit-history")).getElement().getTextRecursively();
        assertThat(history).contains("agency-bo-editor-alpha").contains("来自知识库文件");
        String audit = _get(Section.class, spec -> spec.withId("agency-edit-audit")).getElement().getTextRecursively();
        assertThat(audit).contains("注销执法证 TA-990100-2026-0004").contains("新增执法人员（证号 TA-990100-2026-0050）");
        assertThat(_get(Anchor.class, spec -> spec.withId("agency-edit-export")).getElement().getAttribute("download"))
                .isNotNull();

        // the files' messages that name a place in the file are said as the form shows it, counted from 1
        TextArea basis = _get(TextArea.class, spec -> spec.withId("agency-edit-legal_basis"));
        _setValue(basis, basis.getValue().lines().findFirst().orElseThrow() + "\n行政处罚法第十八条");
        _setValue(field("agency-edit-officers-1-certificate"), field("agency-edit-officers-0-certificate").getValue());
        _click(_get(Button.class, spec -> spec.withId("agency-edit-save")));
        assertThat(errors()).contains("执法依据第 2 行须以《》括起的法律名称开头")
                .contains("第 2 位执法人员的执法证号与第 1 位执法人员的执法证号重复")
                .doesNotContain("legal_basis[").doesNotContain("officers[");
    }

    @Test
    void a_save_over_a_colleagues_newer_save_says_who_and_keeps_what_was_typed() {
        editorOfAlpha();
        UI.getCurrent().navigate("staff/agency/edit/" + ALPHA);
        _setValue(field("agency-edit-office_hours"), "我正在输入的办公时间");
        TextArea basis = _get(TextArea.class, spec -> spec.withId("agency-edit-legal_basis"));
        _setValue(basis, basis.getValue() + "\n《中华人民共和国行政处罚法》第二十条");

        admin();
        AgencyBackOffice.EditableAgency now = backOffice.edit(ALPHA);
        AgencyBackOffice.AgencyInput in = now.input();
        backOffice.save(ALPHA, now.version(), now.contentHash(), new AgencyBackOffice.AgencyInput(in.nameEn(), in.legalRepresentative(),
                in.address(), in.addressEn(), in.supervisionPhone(), in.supervisionEmail(), in.mediationEmail(),
                "管理员刚改的办公时间 " + System.nanoTime(), in.officeHoursEn(), in.powers(), in.legalBasis(), in.officers()));

        editorOfAlpha();
        _click(_get(Button.class, spec -> spec.withId("agency-edit-save")));
        assertThat(errors()).contains("未保存：agency-bo-admin 已于").contains("保存了更新的版本");
        assertThat(field("agency-edit-office_hours").getValue()).isEqualTo("我正在输入的办公时间");
        assertThat(basis.getValue()).endsWith("《中华人民共和国行政处罚法》第二十条");
        assertThat(directory.find(ALPHA).orElseThrow().summary().officeHours()).startsWith("管理员刚改的办公时间");
    }

    @Test
    void an_english_page_shows_the_files_messages_in_english() {
        editorOfAlpha();
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("staff/agency/edit/" + ALPHA);
        _setValue(field("agency-edit-supervision_phone"), "call us");
        _click(_get(Button.class, spec -> spec.withId("agency-edit-save")));
        // a whole sentence naming the field, what was typed kept and quoted (the files' fragment was
        // must be a phone number such as …, got "call us")
        String sentence = "Supervision phone must be a phone number such as 0379-12345678 or 12345; \"call us\" is not one.";
        assertThat(field("agency-edit-supervision_phone").getErrorMessage()).isEqualTo(sentence);
        assertThat(field("agency-edit-supervision_phone").getValue()).isEqualTo("call us");
        assertThat(errors()).contains(sentence).doesNotContain("got");
        _setValue(field("agency-edit-supervision_phone"), "0379-12345678");
        _setValue(field("agency-edit-officers-0-certificate"), "x");
        _setValue(field("agency-edit-legal_representative"), "");
        _click(_get(Button.class, spec -> spec.withId("agency-edit-save")));
        assertThat(field("agency-edit-officers-0-certificate").getErrorMessage())
                .startsWith("Officer 1's certificate number \"x\" is not a plausible certificate number: it may start");
        assertThat(field("agency-edit-legal_representative").getErrorMessage())
                .isEqualTo("Legal representative is required: please fill it in.");

        UI.getCurrent().setLocale(java.util.Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("staff/agency/edit/" + ALPHA);
        _setValue(field("agency-edit-supervision_phone"), "打電話");
        _click(_get(Button.class, spec -> spec.withId("agency-edit-save")));
        assertThat(field("agency-edit-supervision_phone").getErrorMessage())
                .isEqualTo("監督電話「打電話」不是有效的電話號碼，請依 0379-12345678 或 12345 的格式填寫。");
    }

    @Test
    void the_english_address_and_office_hours_are_checked_saved_in_the_history_and_shown_on_english_pages() {
        editorOfAlpha();
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("staff/agency/edit/" + ALPHA);
        assertThat(field("agency-edit-address_en").getLabel()).isEqualTo("Address in English");
        assertThat(field("agency-edit-office_hours_en").getLabel()).isEqualTo("Office hours in English");
        String address = "No. 3 Test Road, Test City " + System.nanoTime();
        _setValue(field("agency-edit-address_en"), address);
        _setValue(field("agency-edit-office_hours_en"), "x".repeat(1001));
        _click(_get(Button.class, spec -> spec.withId("agency-edit-save")));
        assertThat(field("agency-edit-office_hours_en").isInvalid()).isTrue();
        assertThat(field("agency-edit-office_hours_en").getErrorMessage())
                .isEqualTo("Office hours in English is too long: 1001 characters, at most 1000 are allowed.");
        assertThat(field("agency-edit-address_en").getValue()).as("input kept").isEqualTo(address);

        String hours = "Working days 8:30-17:00 " + System.nanoTime();
        _setValue(field("agency-edit-office_hours_en"), hours);
        _click(_get(Button.class, spec -> spec.withId("agency-edit-save")));
        assertThat(errors()).isEmpty();
        assertThat(_get(Section.class, spec -> spec.withId("agency-edit-audit")).getElement().getTextRecursively())
                .contains("changed Address in English").contains("changed Office hours in English");

        // the public page in English gives them, unmarked; in Chinese the Chinese ones
        UI.getCurrent().navigate("agencies/" + ALPHA);
        Div facts = _get(Div.class, spec -> spec.withClasses("agency-facts"));
        assertThat(facts.getElement().getTextRecursively()).contains(address, hours);
        assertThat(_find(facts, com.vaadin.flow.component.html.Span.class)).filteredOn(span -> span.getText().equals(hours))
                .singleElement().satisfies(span -> assertThat(span.getElement().getAttribute("lang")).isNull());
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("agencies/" + ALPHA);
        assertThat(_get(Div.class, spec -> spec.withClasses("agency-facts")).getElement().getTextRecursively())
                .doesNotContain(address, hours);
    }

    @Test
    void what_was_typed_survives_the_language_switch_once() {
        editorOfAlpha();
        UI.getCurrent().navigate("staff/agency/edit/" + ALPHA);
        String stored = field("agency-edit-office_hours").getValue();
        _setValue(field("agency-edit-office_hours"), "工作日 8:30-17:00（切换语言前输入）");
        _click(_get(Button.class, spec -> spec.withId("agency-edit-add-officer")));
        int added = (int) _find(Select.class).stream().filter(s -> s.getId().orElse("").endsWith("-status")).count() - 1;
        _setValue(field("agency-edit-officers-" + added + "-name"), "切换语言");
        _get(AgencyEditView.class).keepForLanguageSwitch();
        // the switch reloads the page
        UI.getCurrent().navigate("staff/agency");
        UI.getCurrent().navigate("staff/agency/edit/" + ALPHA);
        assertThat(field("agency-edit-office_hours").getValue()).isEqualTo("工作日 8:30-17:00（切换语言前输入）");
        assertThat(field("agency-edit-officers-" + added + "-name").getValue()).isEqualTo("切换语言");
        // once: a later visit shows what is stored
        UI.getCurrent().navigate("staff/agency");
        UI.getCurrent().navigate("staff/agency/edit/" + ALPHA);
        assertThat(field("agency-edit-office_hours").getValue()).isEqualTo(stored);
        assertThat(_find(TextField.class, spec -> spec.withId("agency-edit-officers-" + added + "-name"))).isEmpty();
    }

    @Test
    void adding_and_removing_rows_keeps_the_keyboard_in_the_form() {
        editorOfAlpha();
        UI.getCurrent().navigate("staff/agency/edit/" + ALPHA);
        java.util.function.IntSupplier officers = () -> (int) _find(Select.class).stream()
                .filter(s -> s.getId().orElse("").startsWith("agency-edit-officers-")).count();
        java.util.List<com.vaadin.flow.dom.Element> focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus",
                () -> _click(_get(Button.class, spec -> spec.withId("agency-edit-add-officer"))));
        int last = officers.getAsInt() - 1;
        assertThat(focused).as("the new row's first field").contains(field("agency-edit-officers-" + last + "-name").getElement());
        // the row that takes the removed one's place, and after the last row the add button
        focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus",
                () -> _click(_get(Button.class, spec -> spec.withId("agency-edit-officers-0-remove"))));
        assertThat(focused).contains(field("agency-edit-officers-0-name").getElement());
        int end = officers.getAsInt() - 1;
        focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus",
                () -> _click(_get(Button.class, spec -> spec.withId("agency-edit-officers-" + end + "-remove"))));
        assertThat(focused).contains(_get(Button.class, spec -> spec.withId("agency-edit-add-officer")).getElement());
    }
}
