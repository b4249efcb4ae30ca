package cn.gov.enforcement.portal.assistant;

import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.regulation.ChineseScript;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text on the assistant's page whose language the portal does not choose: a question as the reader typed it, the
 * language model's text, a translated sentence quoting either. On a page in another language than Chinese, each run
 * of Chinese in it (Han characters and Chinese punctuation, with the numbers and spaces between them) is a span of its
 * own marked {@code zh-CN}, or {@code zh-Hant} when written in Traditional characters, so that a screen reader reads
 * the English words with the page's voice and the Chinese ones with a Chinese voice. On a Chinese page the text is the
 * page's language (the model is asked to write in it), so nothing is marked.
 */
final class MarkedText {

    /** A Han character or Chinese punctuation (CJK symbols, full-width forms). */
    private static final String CHINESE = "[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]";

    /** A run of Chinese: it starts and ends with Chinese, with digits, spaces and number signs between. */
    private static final Pattern RUN = Pattern.compile(CHINESE + "+(?:[\\s\\d.,%/-]+" + CHINESE + "+)*");

    private MarkedText() {
    }

    /** {@code text} as components for a page in {@code page}'s language: one text, or texts and marked spans. */
    static Component[] of(String text, Locale page) {
        if (text == null || text.isEmpty() || ReaderScript.contentLanguage(page) == null || !ReaderScript.holdsChinese(text)) {
            return new Component[] {new Text(text == null ? "" : text)};
        }
        List<Component> out = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        int at = 0;
        while (run.find()) {
            if (!ReaderScript.holdsChinese(run.group())) {
                continue; // punctuation alone says nothing in any voice
            }
            if (run.start() > at) {
                out.add(new Text(text.substring(at, run.start())));
            }
            Span chinese = new Span(run.group());
            chinese.getElement().setAttribute("lang",
                    ChineseScript.containsTraditional(run.group()) ? "zh-Hant" : ReaderScript.contentLanguage(page));
            out.add(chinese);
            at = run.end();
        }
        if (at < text.length()) {
            out.add(new Text(text.substring(at)));
        }
        return out.toArray(Component[]::new);
    }
}
