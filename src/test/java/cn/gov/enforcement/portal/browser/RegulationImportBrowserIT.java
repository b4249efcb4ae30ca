package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.testsupport.StaffAccounts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * An administrator uploads files on the import page through Chromium's real file upload (multipart requests to the
 * upload endpoint, streamed to temporary files), starts the import, sees the summary and the problem of a broken
 * file with its name, and finds the imported article in the public search.
 */
class RegulationImportBrowserIT extends BrowserTest {

    /** A document written for this test alone (not a real regulation; it lives only in the test's database). */
    private static final String TITLE = "浏览器导入测试办法";
    private static final String TEXT = TITLE + "\n\n"
            + "第一条 为检验管理员网页导入功能，编写本测试文本。\n\n"
            + "第二条 本测试文本所称蓝鲸灯塔条款，仅用于检索验证。\n";

    @Autowired
    AccountService accounts;

    @Test
    void an_administrator_uploads_a_zip_and_a_broken_file_imports_them_and_the_article_is_found() throws IOException {
        String password = createAdministrator("import-browser-admin");
        browser.open("/login");
        browser.find(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("import-browser-admin");
        browser.find(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.find(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        browser.until(d -> !d.getCurrentUrl().contains("/login"));

        Path dir = Files.createTempDirectory("regulation-import-browser");
        Path zip = dir.resolve("测试文件.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            entries.putNextEntry(new ZipEntry(TITLE + ".txt"));
            entries.write(TEXT.getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
        }
        // a file with no text at all: reported with its name, the other file is imported all the same
        Path empty = Files.write(dir.resolve("空白文件.txt"), new byte[0]);
        try {
            browser.open("/admin/regulations/import");
            assertThat(browser.find(By.id("regulation-import-files")).getText()).isEqualTo("尚未上传文件。");
            assertThat(browser.find(By.id("regulation-import-start")).getDomAttribute("disabled")).isNotNull();
            // one file at a time, each waited for: the page lists what the server has received
            upload(zip);
            browser.until(d -> d.findElement(By.id("regulation-import-files")).getText().contains("测试文件.zip"));
            upload(empty);
            browser.until(d -> d.findElement(By.id("regulation-import-files")).getText().contains("空白文件.txt"));

            WebElement start = browser.find(By.id("regulation-import-start"));
            browser.until(d -> start.getDomAttribute("disabled") == null);
            start.click();
            browser.until(d -> !d.findElement(By.id("regulation-import-summary")).getText().isBlank());
            browser.waitForVaadin();
            assertThat(browser.find(By.id("regulation-import-progress")).isDisplayed()).isTrue();
            assertThat(browser.find(By.id("regulation-import-status")).getText()).contains("导入完成");
            assertThat(browser.find(By.id("regulation-import-summary")).getText())
                    .contains("2 个文件", "导入 1 个", "失败 1 个", "2 条");
            String problems = browser.find(By.id("regulation-import-problems")).getText();
            assertThat(problems).contains("空白文件.txt").doesNotContain(TITLE);
            // the upload list starts empty again: its files are the import's now
            assertThat(browser.find(By.id("regulation-import-files")).getText()).isEqualTo("尚未上传文件。");
        } finally {
            Files.deleteIfExists(zip);
            Files.deleteIfExists(empty);
            Files.delete(dir);
        }

        // the public search finds the article (the index is revised when the import ends)
        browser.until(d -> {
            browser.open("/regulations?q=" + java.net.URLEncoder.encode("蓝鲸灯塔条款", StandardCharsets.UTF_8));
            List<WebElement> hits = d.findElements(By.cssSelector("#regulation-results a.regulation-hit-link"));
            return hits.stream().anyMatch(a -> a.getText().contains(TITLE) && a.getText().contains("第二条")) ? hits : null;
        });
    }

    /** Sends the file through the upload component's own file input, as choosing it in the file dialog does. */
    private void upload(Path file) {
        WebElement input = browser.until(d -> d.findElement(By.id("regulation-upload")).getShadowRoot()
                .findElement(By.cssSelector("input[type=file]")));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private String createAdministrator(String username) {
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        String initial;
        try {
            initial = StaffAccounts.createOrReset(accounts, new AccountService.NewUser(username, "导入测试管理员", Role.ADMIN,
                    null));
        } finally {
            SecurityContextHolder.clearContext();
        }
        return ownPassword(username, initial);
    }
}
