package cn.gov.enforcement.portal.regulation;

import java.util.List;

/**
 * A paragraph (款) of an article: its lead text and the items (项) that follow it. A Markdown table
 * is kept as one paragraph whose text holds the table rows separated by line breaks.
 */
public record Paragraph(String text, List<Item> items) {

    public Paragraph {
        text = text == null ? "" : text;
        items = List.copyOf(items == null ? List.of() : items);
    }

    public static Paragraph of(String text) {
        return new Paragraph(text, List.of());
    }

    /** Lead text and items, one per line. */
    public String fullText() {
        StringBuilder out = new StringBuilder(text);
        for (Item item : items) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(item.fullText());
        }
        return out.toString();
    }
}
