package cn.gov.enforcement.portal.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a legal-basis citation as written in an agency file, such as {@code 《中华人民共和国行政处罚法》第十八条} or
 * {@code 《中华人民共和国环境保护法》第二十四条、第二十五条}, into plain text and article references, each reference
 * knowing the law it belongs to (the last title in book-title marks before it).
 */
final class LegalBasisText {

    private static final Pattern TITLE_OR_ARTICLE = Pattern.compile(
            "《([^《》]+)》|第[零〇一二三四五六七八九十百千0-9]+条(?:之[一二三四五六七八九十]+)?");

    /**
     * One piece of a citation: plain text (law and article null) or a reference to one article; the first article
     * right after a title carries the title in its text, so that a link covers both.
     */
    record Part(String text, String law, String article) {

        boolean isArticle() {
            return article != null;
        }
    }

    private LegalBasisText() {}

    static List<Part> parse(String basis) {
        List<Part> parts = new ArrayList<>();
        if (basis == null || basis.isEmpty()) {
            return parts;
        }
        Matcher m = TITLE_OR_ARTICLE.matcher(basis);
        int written = 0;
        String law = null;
        int titleStart = -1;
        int titleEnd = -1;
        while (m.find()) {
            if (m.group(1) != null) {
                law = m.group(1).strip();
                titleStart = m.start();
                titleEnd = m.end();
            } else if (law != null) {
                int start = m.start() == titleEnd ? titleStart : m.start();
                if (start > written) {
                    parts.add(new Part(basis.substring(written, start), null, null));
                }
                parts.add(new Part(basis.substring(start, m.end()), law, m.group()));
                written = m.end();
            }
        }
        if (written < basis.length()) {
            parts.add(new Part(basis.substring(written), null, null));
        }
        return parts;
    }
}
