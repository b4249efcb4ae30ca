package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.assistant.FakeChatModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The self-check assistant with a language model connected (a fake OpenAI-compatible endpoint in this JVM that takes
 * a moment to answer): the sources show at once, the model's text follows without a reload, and its citations lead
 * to their sources on the same page.
 */
class AssistantModelBrowserIT extends BrowserTest {

    static final FakeChatModel MODEL = FakeChatModel.slow("油烟须经净化设施处理后达标排放 [1]。处罚幅度见 [2]。",
            java.time.Duration.ofMillis(1500));

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("portal.assistant.llm-base-url", MODEL::baseUrl);
        registry.add("portal.assistant.llm-model", () -> "test-model");
    }

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    @Test
    void the_models_text_follows_the_sources_and_its_citations_lead_to_them_on_the_page() {
        String url = "/assistant?q=" + java.net.URLEncoder.encode("饭店油烟扰民会被罚吗", StandardCharsets.UTF_8);
        browser.open(url);
        // the sources first, with a note while the model writes
        browser.until(d -> d.findElements(By.cssSelector(".assistant-answer .assistant-writing")).size() == 1);
        assertThat(browser.find(By.cssSelector(".assistant-answer")).findElements(By.cssSelector(".assistant-source")))
                .isNotEmpty();
        // then its text, without a reload
        WebElement summary = browser.until(d -> d.findElements(By.cssSelector(".assistant-summary")).stream()
                .findFirst().orElse(null));
        assertThat(summary.getText()).isEqualTo("油烟须经净化设施处理后达标排放 [1]。处罚幅度见 [2]。");
        assertThat(browser.driver().findElements(By.cssSelector(".assistant-writing"))).isEmpty();

        List<WebElement> cites = summary.findElements(By.cssSelector("a.assistant-cite"));
        assertThat(cites).extracting(WebElement::getText).containsExactly("1", "2");
        String before = browser.driver().getCurrentUrl();
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("window.scrollTo(0, 0)");
        cites.get(1).click();
        // the same page, the conversation kept, the cited source focused
        String target = cites.get(1).getDomAttribute("data-target");
        browser.until(d -> target.equals(js.executeScript("return document.activeElement && document.activeElement.id")));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(before);
        assertThat(browser.driver().findElements(By.cssSelector(".assistant-answer"))).hasSize(1);
        assertThat(browser.find(By.id(target)).getText()).isNotBlank();
    }
}
