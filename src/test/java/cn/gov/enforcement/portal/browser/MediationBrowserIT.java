package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.account.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A citizen applies for mediation in a real browser, receives the case number and access code by
 * mail (GreenMail as SMTP server), follows the case; an officer accepts it on the case page; the
 * citizen withdraws it and is told so by mail.
 */
// closed after the class: its mail dispatcher would otherwise go on claiming the run's queued mails (the database is
// shared) for a GreenMail server that has stopped
@org.springframework.test.annotation.DirtiesContext
class MediationBrowserIT extends BrowserTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("portal.notification.poll-interval", () -> "1s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void click(String id) {
        browser.find(By.id(id)).click();
        browser.waitForVaadin();
    }

    private void nextStep(int expected) {
        click("mediation-next");
        browser.until(d -> String.valueOf(expected).equals(
                d.findElement(By.cssSelector(".mediation-apply-view")).getDomAttribute("data-step")));
    }

    private String mailTo(String address, String subjectPart) throws Exception {
        MimeMessage found = browser.until(d -> Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().contains(subjectPart);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null));
        return found.getContent().toString();
    }

    private String createOfficer(String username, String agency) {
        return newStaff(username, "测试调解员", Role.OFFICER, agency);
    }

    private void track(String number, String code) {
        browser.open("/mediation/track");
        browser.type("mediation-track-number", number);
        browser.type("mediation-track-code", code);
        click("mediation-track-submit");
        browser.until(d -> d.findElement(By.id("mediation-track-result")).getDomAttribute("data-outcome") != null);
    }

    @Test
    void a_citizen_applies_gets_the_mail_tracks_the_case_an_officer_accepts_and_the_citizen_withdraws() throws Exception {
        browser.open("/mediation/apply");
        // the resume code box waits folded under the form
        assertThat(browser.find(By.id("mediation-resume-box")).getText()).contains("已有续填码？继续填写");
        assertThat(browser.find(By.id("mediation-resume-input")).isDisplayed()).isFalse();
        click("mediation-next");
        assertThat(browser.find(By.id("mediation-category")).getText()).contains("请选择纠纷类别");
        browser.find(By.xpath("//*[@id='mediation-category']//vaadin-radio-button[contains(normalize-space(.), '消费者权益投诉')]"))
                .findElement(By.tagName("input")).click();
        browser.waitForVaadin();
        nextStep(1);

        browser.type("mediation-applicant-name", "张三");
        browser.type("mediation-id-number", "110105194912310021");
        browser.type("mediation-phone", "13800138000");
        browser.type("mediation-email", "zhang@example.cn");
        click("mediation-next");
        browser.until(d -> d.findElement(By.id("mediation-id-number")).getText().contains("校验"));
        browser.type("mediation-id-number", "11010519491231002X");
        nextStep(2);
        browser.type("mediation-other-party-name", "示例电器商店");
        nextStep(3);
        browser.type("mediation-facts", "我在示例电器商店买的电冰箱三天就坏了，商家拒绝退货。");
        browser.type("mediation-request", "请求商家退货并退还货款 2999 元。");
        // evidence through the real upload endpoint (multipart, streamed to a temporary file): a receipt, and a
        // program that claims to be a PDF, refused by its content
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mediation-browser-evidence");
        java.nio.file.Path shopReceipt = java.nio.file.Files.write(dir.resolve("购物小票.pdf"),
                "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.nio.file.Path program = java.nio.file.Files.write(dir.resolve("invoice.pdf"), new byte[] {'M', 'Z', 0, 0, 3, 0});
        try {
            WebElement fileInput = browser.find(By.id("mediation-evidence-upload")).getShadowRoot()
                    .findElement(By.cssSelector("input[type=file]"));
            fileInput.sendKeys(shopReceipt + "\n" + program);
            browser.until(d -> d.findElement(By.id("mediation-evidence-list")).getText().contains("购物小票.pdf")
                    && d.findElement(By.id("mediation-evidence-error")).getText().startsWith("invoice.pdf"));
            assertThat(browser.find(By.id("mediation-evidence-list")).findElements(By.tagName("vaadin-button"))).hasSize(1);
            assertThat(browser.find(By.id("mediation-evidence-list")).getText()).doesNotContain("invoice.pdf");
        } finally {
            java.nio.file.Files.delete(shopReceipt);
            java.nio.file.Files.delete(program);
            java.nio.file.Files.delete(dir);
        }
        nextStep(4);
        nextStep(5);
        browser.find(By.cssSelector("#mediation-consent input")).click();
        browser.waitForVaadin();
        nextStep(6);
        assertThat(browser.find(By.id("mediation-review")).getText()).contains("110***********002X").doesNotContain("11010519491231002X");
        click("mediation-submit");
        String number = browser.find(By.id("mediation-case-number")).getText();
        String code = browser.find(By.id("mediation-access-code")).getText();
        assertThat(number).matches("TJ-20[0-9]{2}-[0-9]{6}");
        assertThat(browser.find(By.id("mediation-done-next")).getText())
                .contains("示例市市场监督管理局", "决定是否受理", "zhang@example.cn", "0999-12315001");

        String receipt = mailTo("zhang@example.cn", number);
        assertThat(receipt).contains(number, code, "张三");
        Matcher mailed = Pattern.compile("查询码：([A-Z0-9]{12})").matcher(receipt);
        assertThat(mailed.find()).isTrue();

        track(number, "WRONGCODE234");
        assertThat(browser.find(By.id("mediation-track-result")).getDomAttribute("data-outcome")).isEqualTo("not-found");
        track(number, mailed.group(1));
        assertThat(browser.find(By.id("mediation-track-status")).getText()).contains("已提交");

        String password = createOfficer("med-browser-officer", "sample-market-regulation");
        signIn("med-browser-officer", password);
        browser.open("/staff/mediation/case/" + number);
        assertThat(browser.find(By.id("mediation-case-details")).getText()).contains("138****8000").doesNotContain("13800138000");
        assertThat(browser.find(By.id("mediation-case")).getText()).contains("购物小票.pdf");
        browser.type("mediation-step-reason", "材料齐全，予以受理");
        click("mediation-accept");
        browser.until(d -> "ACCEPTED".equals(d.findElement(By.id("mediation-case")).getDomAttribute("data-status")));
        assertThat(mailTo("zhang@example.cn", "已受理")).contains(number, "材料齐全");

        browser.driver().manage().deleteAllCookies();
        track(number, code);
        assertThat(browser.find(By.id("mediation-track-status")).getText()).contains("已受理");
        browser.type("mediation-withdraw-reason", "已与商家和解");
        click("mediation-withdraw");
        // a withdrawal is final: the page asks first, and only the dialog's confirm button withdraws
        WebElement confirm = browser.until(d -> d.findElements(By.xpath("//vaadin-button[normalize-space(.)='确认撤回']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(browser.find(By.id("mediation-track-status")).getText()).contains("已受理");
        confirm.click();
        browser.until(d -> "WITHDRAWN".equals(d.findElement(By.id("mediation-track-result")).getDomAttribute("data-status")));
        assertThat(mailTo("zhang@example.cn", "撤回")).contains(number, "已与商家和解");
    }
}
