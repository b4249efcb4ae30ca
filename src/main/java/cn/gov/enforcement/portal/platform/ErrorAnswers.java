package cn.gov.enforcement.portal.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal's own answer to an error that no page or endpoint answered itself: an address the security firewall or
 * Tomcat refused, a file that is not there, {@code /error} opened directly, a failure outside Vaadin. Under
 * {@code /api/} it is the API's JSON ({@link JsonApiErrors#statusBody}); elsewhere a small HTML page in the reader's
 * language ({@link LanguagePreference#forErrorPage}) with the texts of the portal's own pages: 404 没有找到这个页面
 * (as the not-found page), 400 无法识别这个网址, another 4xx 无法处理这个请求, 5xx 页面暂时无法打开 with a reference the
 * log names. Every such answer carries the security headers ({@link SecurityHeaders#setAll}) and no session is opened
 * for it. Spring's English "Whitelabel Error Page", Boot's JSON error and Tomcat's "HTTP Status 400" page are never
 * shown. A request that comes while the portal is still starting gets the 503 of {@link #writeStarting}.
 */
@Component
public class ErrorAnswers {

    /** An answer's content type and body. */
    public record Answer(int status, String contentType, byte[] body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Translations translations;
    private final JsonApiErrors apiErrors;

    public ErrorAnswers(Translations translations, JsonApiErrors apiErrors) {
        this.translations = translations;
        this.apiErrors = apiErrors;
    }

    /** A new reference of a failure, eight hexadecimal digits, for the page and the log line. */
    public static String newReference() {
        return String.format("%08X", ThreadLocalRandom.current().nextInt());
    }

    /**
     * The answer for {@code status}: the API's JSON when {@code api}, else the HTML page.
     *
     * @param reference the failure's reference for a 5xx page (null: a new one)
     */
    public Answer answer(HttpServletRequest request, int status, boolean api, String reference) {
        if (api) {
            try {
                return new Answer(status, "application/json;charset=UTF-8",
                        JSON.writeValueAsBytes(apiErrors.statusBody(status, request)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        Locale locale = LanguagePreference.forErrorPage(request);
        return new Answer(status, "text/html;charset=UTF-8",
                page(status, locale, reference == null ? newReference() : reference).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the answer with the security headers; the response must not be committed. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, boolean api,
            String reference) throws IOException {
        send(response, answer(request, status, api, reference));
    }

    /** Writes the answer with the security headers (and the headers set before); the response must not be committed. */
    private static void send(HttpServletResponse response, Answer answer) throws IOException {
        response.resetBuffer();
        response.setStatus(answer.status());
        SecurityHeaders.setAll(response);
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
        response.flushBuffer();
    }

    /** Whether the request's address lies under {@code /api/} (read from the raw address, no application needed). */
    public static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith("/api/");
    }

    /** The HTML page of an error in the given language. */
    String page(int status, Locale locale, String reference) {
        String title;
        String text;
        if (status == HttpServletResponse.SC_NOT_FOUND) {
            title = t(locale, "shell.notFound.title");
            text = t(locale, "shell.notFound.text");
        } else if (status == HttpServletResponse.SC_BAD_REQUEST) {
            title = t(locale, "platform.error.badAddress.title");
            text = t(locale, "platform.error.badAddress.text");
        } else if (status >= 500) {
            title = t(locale, "shell.error.title");
            text = t(locale, "shell.error.text", reference);
        } else {
            title = t(locale, "platform.error.refused.title");
            text = t(locale, "platform.error.refused.text");
        }
        String home = home(locale);
        return html(status, locale, title, text, home, t(locale, "shell.notFound.home"), "");
    }

    /**
     * Writes the answer to a request that came while the portal is still starting ({@link StartupGate}): 503 with
     * {@code Retry-After}, never cached (the security headers' {@code Cache-Control}); under {@code /api/} the API's
     * JSON ({@code service_unavailable}), elsewhere a page in the reader's language that says so and opens the same
     * address again after {@code retryAfterSeconds}.
     */
    public void writeStarting(HttpServletRequest request, HttpServletResponse response, int retryAfterSeconds)
            throws IOException {
        Locale locale = LanguagePreference.forErrorPage(request);
        byte[] body;
        String contentType;
        if (isApi(request)) {
            contentType = "application/json;charset=UTF-8";
            body = JSON.writeValueAsBytes(JsonApiErrors.body(JsonApiErrors.SERVICE_UNAVAILABLE,
                    t(locale, "platform.api.starting", retryAfterSeconds)));
        } else {
            contentType = "text/html;charset=UTF-8";
            String path = request.getRequestURI();
            String again = path != null && MalformedQueryFilter.samePortalPath(path)
                    ? path + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
                    : home(locale);
            body = html(HttpServletResponse.SC_SERVICE_UNAVAILABLE, locale, t(locale, "platform.starting.title"),
                    t(locale, "platform.starting.text", retryAfterSeconds), again, t(locale, "platform.starting.again"),
                    "<meta http-equiv=\"refresh\" content=\"" + retryAfterSeconds + "\">\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        send(response, new Answer(HttpServletResponse.SC_SERVICE_UNAVAILABLE, contentType, body));
    }

    /** The home page's address in the given language. */
    private static String home(Locale locale) {
        return Translations.ZH_CN.equals(Translations.supported(locale)) ? "/"
                : "/?lang=" + LanguagePreference.tag(locale);
    }

    /** The page: the portal's name as a link home, the title, the text and one link ({@code head}: more of the head). */
    private String html(int status, Locale locale, String title, String text, String link, String linkText,
            String head) {
        String tag = LanguagePreference.tag(locale);
        String home = home(locale);
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                %s<title>%s - %s</title>
                <style>body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:40rem;\
                margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1f2933}a{color:#0b4a8b}\
                header{border-bottom:2px solid #0b4a8b;padding-bottom:.5rem;font-weight:600}header a{text-decoration:none}</style>
                </head><body><header id="error-site"><a href="%s">%s</a></header>\
                <main id="error-page" data-status="%d"><h1>%s</h1><p>%s</p><p><a href="%s">%s</a></p>\
                </main></body></html>
                """.formatted(tag, head, esc(title), esc(t(locale, "shell.name")), esc(home), esc(t(locale, "shell.name")),
                status, esc(title), esc(text), esc(link), esc(linkText));
    }

    private String t(Locale locale, String key, Object... args) {
        return translations.get(locale, key, args);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
