package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The risk-point and exemption lists, the eligibility check and the CSV download in a real browser. */
class ListsBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    cn.gov.enforcement.portal.regulation.ImportService importService;

    @Test
    void a_citizen_filters_risk_points_by_level_and_by_agency_and_the_results_change() {
        browser.open("/risks");
        String allCount = browser.find(By.id("risk-count")).getText();
        assertThat(allCount).startsWith("共找到");
        int all = cards().size();
        assertThat(all).isPositive();

        // filter by level with the select in the form
        browser.choose("risk-level", "高");
        browser.find(By.id("risk-search-submit")).click();
        browser.until(d -> d.getCurrentUrl().contains("level="));
        browser.waitForVaadin();
        browser.until(d -> !d.findElement(By.id("risk-count")).getText().equals(allCount));
        List<WebElement> high = cards();
        assertThat(high).isNotEmpty();
        for (WebElement card : high) {
            assertThat(card.getText()).contains("风险等级：高").doesNotContain("风险等级：中").doesNotContain("风险等级：低");
        }

        // filter by agency through a bookmarked URL
        browser.open("/risks?agency=sample-traffic-police");
        String trafficCount = browser.find(By.id("risk-count")).getText();
        assertThat(trafficCount).isNotEqualTo(allCount);
        List<WebElement> traffic = cards();
        assertThat(traffic).isNotEmpty();
        for (WebElement card : traffic) {
            assertThat(card.getText()).contains("执法机关：示例市公安局交通管理支队");
        }
        assertThat(browser.find(By.id("risk-results")).getText()).doesNotContain("示例市市场监督管理局");
    }

    @Test
    void a_list_page_makes_one_server_round_trip_and_its_filters_still_reach_the_server() throws InterruptedException {
        for (String path : new String[] {"/risks", "/exemptions", "/"}) {
            browser.open(path);
            // what the page would send on its own after its first answer (it went right after, before this check)
            Thread.sleep(1500);
            browser.waitForVaadin();
            Object trips = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return performance.getEntriesByType('resource').filter(e => e.name.includes('v-r=uidl')).length");
            // the round trip that draws the view, and no second one with the selects' first announcements
            assertThat(((Number) trips).intValue()).as(path).isEqualTo(1);
        }

        // what the reader picks still reaches the server: a level, then all levels again (the value first shown)
        browser.open("/risks");
        browser.choose("risk-level", "高");
        browser.find(By.id("risk-search-submit")).click();
        browser.until(d -> d.getCurrentUrl().contains("level="));
        browser.waitForVaadin();
        browser.choose("risk-level", "全部");
        browser.find(By.id("risk-search-submit")).click();
        browser.until(d -> !d.getCurrentUrl().contains("level="));
        browser.waitForVaadin();
        assertThat(browser.find(By.id("risk-level")).getText()).contains("全部");
    }

    @Test
    void a_risk_point_opened_from_the_list_shows_its_legal_basis() {
        browser.open("/risks?agency=sample-market-regulation&level=高");
        browser.find(By.linkText("未取得食品经营许可从事餐饮服务")).click();
        // the card's link carries the list's search, for the page's way back to it
        browser.until(d -> d.getCurrentUrl().contains("/risks/mr-rp-food-licence?"));
        browser.waitForVaadin();
        assertThat(browser.find(By.id("risk-title")).getText()).contains("未取得食品经营许可从事餐饮服务");
        assertThat(browser.find(By.id("risk-basis-obligation")).getText())
                .contains("违反的规定").contains("《中华人民共和国食品安全法》第三十五条");
        assertThat(browser.find(By.id("risk-basis-penalty")).getText())
                .contains("处罚依据").contains("《中华人民共和国食品安全法》第一百二十二条");

        // printed: the entry without the portal's header, navigation, footer and the print button
        browser.printed(() -> {
            assertThat(browser.find(By.id("risk-title")).isDisplayed()).isTrue();
            assertThat(browser.find(By.cssSelector(".portal-nav")).isDisplayed()).isFalse();
            assertThat(browser.find(By.tagName("footer")).isDisplayed()).isFalse();
            assertThat(browser.find(By.id("lists-print")).isDisplayed()).isFalse();
        });
    }

    @Test
    void the_eligibility_check_says_no_penalty_when_all_conditions_hold_and_not_covered_when_one_fails() {
        browser.open("/exemptions/mr-ex-first-licence-display");
        assertThat(browser.find(By.id("exemption-title")).getText()).contains("首次未将营业执照置于经营场所醒目位置");
        assertThat(browser.find(By.id("exemption-basis-exemption")).getText())
                .contains("《中华人民共和国行政处罚法》第三十三条第一款");
        browser.find(By.id("exemption-check-link")).click();
        browser.until(d -> d.getCurrentUrl().endsWith("/exemptions/mr-ex-first-licence-display/check"));
        browser.waitForVaadin();

        // sent unanswered: every question is named at once and the focus goes to the first one
        browser.find(By.id("check-submit")).click();
        browser.until(d -> d.findElement(By.id("check-error")).getText().equals("有 3 道题需要补充或修改：第 1、2、3 题。"));
        browser.until(d -> {
            WebElement active = d.switchTo().activeElement();
            return "input".equals(active.getTagName()) && !d.findElement(By.id("check-answer-0"))
                    .findElements(By.xpath(".//input")).stream().filter(active::equals).toList().isEmpty();
        });

        answer(0, "是");
        // 是否因此引发了消费纠纷或其他危害后果？ is met by the answer no
        answer(1, "否");
        answer(2, "是");
        submitCheck();
        WebElement outcome = browser.until(d -> d.findElement(By.id("check-outcome")));
        assertThat(outcome.getDomAttribute("data-outcome")).isEqualTo("no_penalty");
        assertThat(outcome.getText()).isEqualTo("符合条件：可以不予处罚");
        assertThat(browser.find(By.id("check-reasons")).getText()).contains("您对全部 3 个问题的回答都符合");
        assertThat(browser.find(By.id("check-articles")).getText()).contains("《中华人民共和国行政处罚法》第三十三条第一款");

        answer(1, "是");
        submitCheck();
        browser.until(d -> "not_covered".equals(d.findElement(By.id("check-outcome")).getDomAttribute("data-outcome")));
        browser.waitForVaadin();
        assertThat(browser.find(By.id("check-outcome")).getText()).isEqualTo("本事项不适用");
        assertThat(browser.find(By.id("check-reasons")).getText()).contains("第 2 题不符合")
                .contains("回答“否”才符合本条件");
    }

    @Test
    void on_an_english_page_the_check_s_chinese_questions_are_marked_in_their_labels_which_still_name_the_fields() {
        browser.open("/exemptions/ee-ex-minor-hazardous-plan/check?lang=en");
        browser.until(d -> "en".equals(js("return document.documentElement.lang")));
        for (int i = 0; i < 3; i++) {
            WebElement field = browser.find(By.id("check-answer-" + i));
            // one label, shown as the field's label: above its input, the field saying it has one
            List<WebElement> labels = field.findElements(By.xpath("./*[@slot='label']"));
            assertThat(labels).as("labels of question %d", i + 1).hasSize(1);
            WebElement label = labels.get(0);
            assertThat(field.getDomAttribute("has-label")).as("has-label of question %d", i + 1).isNotNull();
            assertThat(label.isDisplayed()).isTrue();
            String text = label.getText();
            assertThat(text).startsWith((i + 1) + ". ");
            String question = text.substring(((i + 1) + ". ").length());
            assertThat(question).matches("[\\p{IsHan}\\p{Punct}\\d（）？，]+");
            // the question carries its language, the field and its number keep the page's
            List<WebElement> marked = label.findElements(By.cssSelector("[lang='zh-CN']"));
            assertThat(marked).as("marked parts of question %d", i + 1).hasSize(1);
            assertThat(marked.get(0).getText()).isEqualTo(question);
            assertThat((String) js("return arguments[0].closest('[lang]').lang", field)).isEqualTo("en");
            // the accessible name a screen reader announces for the field is the question's label
            WebElement named = i == 0 ? field.findElement(By.cssSelector("input")) : field;
            assertThat(named.getAccessibleName()).isEqualTo(text);
            String labelledBy = named.getDomAttribute("aria-labelledby");
            assertThat(labelledBy).isNotNull();
            assertThat(List.of(labelledBy.split(" "))).contains(label.getDomAttribute("id"));
            // laid out as Lumo's own label: above the field's input or options, in the label's colour and size
            WebElement below = i == 0 ? field.findElement(By.cssSelector("input"))
                    : field.findElement(By.tagName("vaadin-radio-button"));
            assertThat(label.getRect().getY() + label.getRect().getHeight()).isLessThanOrEqualTo(below.getRect().getY());
            assertThat(js("return getComputedStyle(arguments[0].shadowRoot.querySelector('[part=label]')).display", field))
                    .isNotEqualTo("none");
        }
        // the limit under the number field: the entry's words in the English sentence are marked alone
        WebElement helper = browser.find(By.cssSelector("#check-answer-0 > [slot='helper']"));
        assertThat(helper.getText()).startsWith("Limit: “年危险废物产生量” below 1 tonne;");
        assertThat(helper.findElements(By.cssSelector("[lang='zh-CN']"))).extracting(WebElement::getText)
                .containsExactly("年危险废物产生量");

        // answering still works with the labels of their own
        answer(1, "Yes");
        browser.type("check-answer-0", "0.5");
        answer(2, "Yes");
        submitCheck();
        browser.until(d -> "no_penalty".equals(d.findElement(By.id("check-outcome")).getDomAttribute("data-outcome")));
    }

    private Object js(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    @Test
    void the_csv_download_link_serves_a_chinese_csv_from_the_api() throws Exception {
        browser.open("/risks");
        String riskHref = browser.find(By.id("risk-download")).getDomAttribute("href");
        assertThat(riskHref).startsWith("/api/v1/risk-points.csv");
        HttpResponse<String> risks = fetch(riskHref);
        assertThat(risks.statusCode()).isEqualTo(200);
        assertThat(risks.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(risks.body()).contains("未取得食品经营许可从事餐饮服务");

        browser.open("/exemptions");
        String exemptionHref = browser.find(By.id("exemption-download")).getDomAttribute("href");
        assertThat(exemptionHref).startsWith("/api/v1/exemptions.csv");
        HttpResponse<String> exemptions = fetch(exemptionHref);
        assertThat(exemptions.statusCode()).isEqualTo(200);
        assertThat(exemptions.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(exemptions.body()).contains("首次未将营业执照置于经营场所醒目位置");
    }

    @Test
    void the_print_links_draw_the_portals_own_printer_icon_without_vaadins_icon_set() {
        for (String page : List.of("/risks", "/exemptions")) {
            browser.open(page);
            String id = page.equals("/risks") ? "risk-print-all" : "exemption-print-all";
            browser.find(By.id(id));
            // the icon's SVG is fetched and drawn inside the icon: it has a size and a path
            browser.until(d -> Boolean.TRUE.equals(js(
                    "const i = document.getElementById(arguments[0]).querySelector('vaadin-icon');"
                            + "return !!i && i.getAttribute('src') === 'icons/print.svg' && i.getBoundingClientRect().width > 0"
                            + " && !!i.shadowRoot && !!i.shadowRoot.querySelector('svg path, svg use');", id)));
            // an icon of Vaadin's set (icon=vaadin:print) makes the browser load the whole set, a 240 KB script; the
            // portal's own icon reflects an empty icon attribute
            assertThat(js("return Array.from(document.querySelectorAll('vaadin-icon[icon^=\"vaadin:\"]')).map(i => i.outerHTML).join()"))
                    .as(page).isEqualTo("");
        }
    }

    @Test
    void the_xlsx_download_link_serves_a_workbook_and_the_discretion_link_opens_the_benchmarks() throws Exception {
        browser.open("/risks?level=高");
        String href = browser.find(By.id("risk-download-xlsx")).getDomAttribute("href");
        assertThat(href).startsWith("/api/v1/risk-points.xlsx").contains("level=");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<byte[]> xlsx = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + href))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(xlsx.body()[0]).isEqualTo((byte) 'P');
        assertThat(xlsx.body()[1]).isEqualTo((byte) 'K');

        browser.find(By.id("risk-discretion-link")).click();
        browser.until(d -> d.getCurrentUrl().endsWith("/discretion"));
        browser.waitForVaadin();
        browser.find(By.linkText("示例市公安局交通管理支队")).click();
        browser.until(d -> d.getCurrentUrl().endsWith("/discretion/sample-traffic-police"));
        browser.waitForVaadin();
        assertThat(browser.find(By.id("discretion-results")).getText()).contains("轻微").contains("严重");
    }

    @Test
    void a_citation_of_an_imported_law_leads_to_the_article_text() throws Exception {
        cn.gov.enforcement.portal.lists.ListsTestImports.importAdministrativePenaltyLaw(importService, RUN_DATA_DIR);
        browser.open("/exemptions/mr-ex-first-licence-display");
        WebElement link = browser.find(By.cssSelector("#exemption-basis-exemption a.lists-citation-link"));
        assertThat(link.getText()).contains("《中华人民共和国行政处罚法》第三十三条");
        link.click();
        browser.until(d -> d.getCurrentUrl().contains("/regulations/"));
        browser.waitForVaadin();
        assertThat(browser.driver().getCurrentUrl()).contains("#");
        assertThat(browser.mainText()).contains("行政处罚法").contains("初次违法且危害后果轻微并及时改正的");
    }

    @Test
    void a_link_to_one_benchmark_opens_the_agency_s_benchmarks_at_it() {
        // the self-check assistant links to a benchmark this way
        browser.open("/discretion/sample-urban-management#um-db-open-air-barbecue");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("裁量基准");
        browser.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const e = document.getElementById('um-db-open-air-barbecue'); if (!e) { return false; }"
                        + " const top = e.getBoundingClientRect().top; return top > -2 && top < window.innerHeight / 2;")));
        assertThat(browser.find(By.id("um-db-open-air-barbecue")).getText()).contains("露天烧烤");
    }

    @Test
    void the_agency_whose_benchmarks_are_shown_stands_out_among_the_agencies_to_choose() {
        browser.open("/discretion/sample-traffic-police");
        WebElement current = browser.find(By.cssSelector(".discretion-agency-link[aria-current='page']"));
        assertThat(current.getText()).isEqualTo("示例市公安局交通管理支队");
        WebElement other = browser.find(By.cssSelector(".discretion-agency-link:not([aria-current])"));
        String style = "const s = getComputedStyle(arguments[0]); return s.fontWeight + ' ' + s.color + ' ' + s.textDecorationLine";
        // the title names the agency; the list under it showed the chosen one as one more link among the others
        assertThat((String) js(style, current)).isNotEqualTo(js(style, other));
        assertThat(Integer.parseInt(((String) js(style, current)).split(" ")[0])).as("font weight").isGreaterThanOrEqualTo(600);

        // each benchmark's title stands apart from 违反的规定 under it and from the table of the benchmark before
        String gaps = "const h = [...document.querySelectorAll('.discretion-violation')];"
                + " const below = h[0].nextElementSibling.getBoundingClientRect().top - h[0].getBoundingClientRect().bottom;"
                + " const table = h[1].closest('section').previousElementSibling.querySelector('table');"
                + " return [below, h[1].getBoundingClientRect().top - table.getBoundingClientRect().bottom];";
        @SuppressWarnings("unchecked")
        List<Number> measured = (List<Number>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(gaps);
        assertThat(measured.get(0).doubleValue()).as("px between a title and 违反的规定").isGreaterThanOrEqualTo(8);
        assertThat(measured.get(1).doubleValue()).as("px between a table and the next title").isGreaterThanOrEqualTo(24);
    }

    @Test
    void on_a_390_pixel_phone_the_discretion_levels_and_the_list_tools_read_on_one_line() {
        browser.resize(390, 844);
        try {
            browser.open("/discretion/sample-market-regulation");
            List<WebElement> levels = browser.driver().findElements(By.cssSelector(".discretion-table .discretion-level"));
            assertThat(levels).isNotEmpty();
            for (WebElement level : levels) {
                // one line of text: not one character per line
                assertThat(level.getSize().getWidth()).as(level.getText()).isGreaterThan(level.getSize().getHeight());
            }
            assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                    .as("horizontal overflow in px").isLessThanOrEqualTo(0);

            browser.open("/risks");
            for (String id : List.of("risk-download", "risk-download-xlsx", "risk-print-all", "risk-discretion-link")) {
                WebElement link = browser.find(By.id(id));
                int lineHeight = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "return parseFloat(getComputedStyle(arguments[0]).lineHeight) || 24", link)).intValue();
                assertThat(link.getSize().getHeight()).as(id + " wraps").isLessThan(2 * lineHeight);
            }
        } finally {
            browser.resize(1280, 900);
        }
    }

    private List<WebElement> cards() {
        return browser.driver().findElements(By.cssSelector("#risk-results .risk-card"));
    }

    private void answer(int index, String label) {
        WebElement radio = browser.find(By.xpath(
                "//*[@id='check-answer-" + index + "']//vaadin-radio-button[normalize-space(.)='" + label + "']"));
        radio.findElement(By.tagName("input")).click();
        browser.until(d -> d.findElement(By.xpath(
                "//*[@id='check-answer-" + index + "']//vaadin-radio-button[normalize-space(.)='" + label + "']"))
                .getDomAttribute("checked") != null);
        browser.waitForVaadin();
    }

    private void submitCheck() {
        browser.find(By.id("check-submit")).click();
        browser.waitForVaadin();
        browser.find(By.id("check-outcome"));
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
