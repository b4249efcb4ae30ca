package cn.gov.enforcement.portal.regulation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One article (条) of a document.
 *
 * @param sequence    position in the document, from 1
 * @param number      the number as written ({@code 第三十三条}, {@code 第十条之一}, {@code （一）} in plain-text
 *                    documents), or empty for a pseudo-article holding unnumbered text (a preamble, the
 *                    body of a document without articles); see {@link #numbered()}
 * @param ordinal     the sortable value of the number, {@link ArticleNumber#NONE} when unnumbered
 * @param headingPath the headings (编 / 分编 / 章 / 节 …) above the article, outermost first
 * @param paragraphs  the paragraphs (款), each with its items (项)
 */
public record Article(int sequence, String number, ArticleNumber ordinal, List<String> headingPath,
                      List<Paragraph> paragraphs) {

    public Article {
        number = number == null ? "" : number;
        ordinal = ordinal == null ? ArticleNumber.NONE : ordinal;
        headingPath = List.copyOf(headingPath == null ? List.of() : headingPath);
        paragraphs = List.copyOf(paragraphs == null ? List.of() : paragraphs);
    }

    /** False for a pseudo-article that holds unnumbered text. */
    public boolean numbered() {
        return !number.isEmpty();
    }

    /** The article's text without its number, paragraphs separated by line breaks. */
    public String text() {
        return paragraphs.stream().map(Paragraph::fullText).collect(Collectors.joining("\n"));
    }
}
