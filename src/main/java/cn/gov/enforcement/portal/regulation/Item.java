package cn.gov.enforcement.portal.regulation;

/**
 * An item (项) of a paragraph: {@code （一）警告、通报批评；} has number {@code （一）} and ordinal 1;
 * plain-text documents also use {@code 1.}.
 */
public record Item(String number, int ordinal, String text) {

    public Item {
        number = number == null ? "" : number;
        text = text == null ? "" : text;
    }

    /** The item as written, number included. */
    public String fullText() {
        return number + text;
    }
}
