package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The self-check assistant as a business owner uses it in a real browser: a question, then a follow-up. */
class AssistantBrowserIT extends BrowserTest {

    @Test
    void a_follow_up_is_answered_with_the_previous_question_and_can_be_asked_alone_or_afresh() {
        browser.open("/assistant?q=" + java.net.URLEncoder.encode("饭店油烟扰民会被罚吗", java.nio.charset.StandardCharsets.UTF_8));
        browser.until(d -> d.findElements(By.cssSelector(".assistant-answer")).size() == 1);
        // its source links stand inside text: underlined, not told apart by colour alone (WCAG 1.4.1)
        java.util.List<WebElement> sources = browser.driver().findElements(
                By.cssSelector("a.assistant-risk, a.assistant-exemption, a.assistant-benchmark"));
        assertThat(sources).isNotEmpty().allSatisfy(link ->
                assertThat(link.getCssValue("text-decoration-line")).as(link.getText()).isEqualTo("underline"));
        WebElement input = browser.find(By.cssSelector("#assistant-question textarea"));
        input.sendKeys("那要罚多少钱？");
        browser.find(By.id("assistant-send")).click();
        WebElement context = browser.find(By.cssSelector(".assistant-context"));
        assertThat(context.getText()).contains("已结合上一个问题“饭店油烟扰民会被罚吗”作答。");
        // the note stands under the question it belongs to, not over it
        WebElement question = context.findElement(By.xpath("preceding-sibling::h2[1]"));
        assertThat(question.getText()).isEqualTo("那要罚多少钱？");
        assertThat(context.getRect().getY()).isGreaterThanOrEqualTo(question.getRect().getY() + question.getRect().getHeight());
        WebElement alone = context.findElement(By.cssSelector(".assistant-alone"));
        assertThat(alone.isDisplayed()).isTrue();
        // the newest answer is on top, with its note inside the page's width
        WebElement conversation = browser.find(By.id("assistant-conversation"));
        assertThat(conversation.findElements(By.cssSelector(".assistant-answer"))).hasSize(2);
        assertThat(alone.getRect().getX() + alone.getRect().getWidth())
                .isLessThanOrEqualTo(conversation.getRect().getX() + conversation.getRect().getWidth());

        alone.click();
        browser.until(d -> d.findElements(By.cssSelector(".assistant-context")).isEmpty());
        assertThat(conversation.findElements(By.cssSelector(".assistant-answer"))).hasSize(2);

        browser.find(By.id("assistant-new-conversation")).click();
        browser.until(d -> d.findElements(By.cssSelector(".assistant-answer")).isEmpty());
        // nothing left to clear: the button is disabled (a custom element, so its attribute says so)
        assertThat(browser.find(By.id("assistant-new-conversation")).getDomAttribute("disabled")).isNotNull();

        // Enter in the question box sends what was typed (the box sends its value on change, which Enter is not)
        WebElement box = browser.find(By.cssSelector("#assistant-question textarea"));
        box.sendKeys("工地扬尘没有覆盖怎么办");
        box.sendKeys(org.openqa.selenium.Keys.ENTER);
        WebElement asked = browser.until(d -> d.findElements(By.cssSelector(".assistant-answer")).stream().findFirst()
                .orElse(null));
        assertThat(asked.getText()).contains("工地扬尘没有覆盖怎么办");
        assertThat(browser.driver().findElements(By.cssSelector("#assistant-question[invalid]"))).isEmpty();
    }
}
