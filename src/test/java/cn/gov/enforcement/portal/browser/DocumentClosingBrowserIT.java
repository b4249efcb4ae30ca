package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.account.PortalUserDetailsService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.guidance.GuidanceInput;
import cn.gov.enforcement.portal.guidance.GuidanceKind;
import cn.gov.enforcement.portal.guidance.GuidanceService;
import cn.gov.enforcement.portal.mediation.DisputeCategory;
import cn.gov.enforcement.portal.mediation.LetterInput;
import cn.gov.enforcement.portal.mediation.MediationBackOffice;
import cn.gov.enforcement.portal.mediation.MediationLetters;
import cn.gov.enforcement.portal.mediation.MediationService;
import cn.gov.enforcement.portal.mediation.MediationTestSupport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Every document an officer prints (the mediation notices and agreement, the 告知引导书, the 行政指导书) closes as an
 * official document does (落款): the agency's name, then the date on the next line, the two at the right end of the
 * page; before, they ran on one line. Checked as Chromium lays the page out for paper, in Chinese and in English.
 */
class DocumentClosingBrowserIT extends BrowserTest {

    private static final String OFFICER = "closing-browser-officer";
    private static final String AGENCY = "sample-market-regulation";

    @Autowired MediationService mediation;
    @Autowired MediationBackOffice backOffice;
    @Autowired MediationLetters letters;
    @Autowired GuidanceService guidance;
    @Autowired PortalUserDetailsService users;

    @Test
    void printed_documents_close_with_the_agency_and_under_it_the_date_at_the_right_end() {
        String password = newStaff(OFFICER, "测试落款员", Role.OFFICER, AGENCY);
        UserDetails officer = users.loadUserByUsername(OFFICER);
        SecurityContextHolder.setContext(new SecurityContextImpl(
                new UsernamePasswordAuthenticationToken(officer, null, officer.getAuthorities())));
        String caseNumber;
        String letter;
        String number;
        try {
            caseNumber = mediation.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                    Locale.SIMPLIFIED_CHINESE).caseNumber();
            backOffice.accept(caseNumber, null);
            letter = letters.compose(new LetterInput(LetterInput.Situation.COMPLAINT, DisputeCategory.CONSUMER, "王五",
                    null, "zh-CN", "某某超市", "王五投诉超市出售过期食品，要求赔偿。")).code();
            number = guidance.issue(new GuidanceInput(GuidanceKind.REMINDER, "SJ-990100-2021-0003", "某某餐饮管理有限公司",
                    null, "en", "Food business licence about to expire", "The licence expires next month.",
                    "Apply for its renewal thirty days before it expires.", null, null, null)).guidance().number();
        } finally {
            SecurityContextHolder.clearContext();
        }
        signIn(OFFICER, password);

        for (String page : List.of("/staff/mediation/document/" + caseNumber + "/ACCEPTANCE_NOTICE",
                "/staff/mediation/letter/" + letter, "/staff/guidance/document/" + number)) {
            for (String lang : List.of("zh-CN", "en")) {
                browser.open(page + "?lang=" + lang);
                browser.find(By.cssSelector(".document-signature-date"));
                browser.printed(() -> closesOfficially(page + " " + lang));
            }
        }
        browser.open("/?lang=zh-CN");
    }

    /** The agency's name and the date, each on a line of its own, the date under the name, both at the right end. */
    @SuppressWarnings("unchecked")
    private void closesOfficially(String what) {
        Map<String, Object> box = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const closing = document.querySelector('.document-signature');
                const page = closing.parentElement.getBoundingClientRect();
                const agency = closing.querySelector('.document-signature-agency').getBoundingClientRect();
                const date = closing.querySelector('.document-signature-date').getBoundingClientRect();
                return {pageLeft: page.left, pageRight: page.right, agencyTop: agency.top, agencyBottom: agency.bottom,
                    agencyLeft: agency.left, agencyRight: agency.right, dateTop: date.top, dateHeight: date.height,
                    dateLeft: date.left, dateRight: date.right, agencyHeight: agency.height};
                """);
        double pageLeft = number(box, "pageLeft");
        double pageRight = number(box, "pageRight");
        assertThat(number(box, "dateTop")).as(what + ": the date under the agency's name")
                .isGreaterThanOrEqualTo(number(box, "agencyBottom") - 1);
        assertThat(number(box, "agencyHeight")).as(what + ": the agency's name on one line").isLessThan(60);
        assertThat(number(box, "dateHeight")).as(what + ": the date on one line").isLessThan(60);
        double middle = (pageLeft + pageRight) / 2;
        assertThat(number(box, "agencyLeft")).as(what + ": the closing stands in the right half").isGreaterThan(middle);
        assertThat(Math.max(number(box, "agencyRight"), number(box, "dateRight"))).as(what + ": at the right end")
                .isCloseTo(pageRight, org.assertj.core.data.Offset.offset(40.0));
        // centred on each other, as a closing is set
        assertThat((number(box, "dateLeft") + number(box, "dateRight")) / 2).as(what + ": the date centred under the name")
                .isCloseTo((number(box, "agencyLeft") + number(box, "agencyRight")) / 2, org.assertj.core.data.Offset.offset(2.0));
    }

    private static double number(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }
}
