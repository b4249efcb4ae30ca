package cn.gov.enforcement.portal.platform;

/**
 * Checks of free text typed by people, shared by the services that validate it: a line (a name, a subject) holds
 * no control, format or separator characters at all, so it can go into a mail's subject or a document's heading; a text (findings, a
 * note) may hold line breaks and tabs but no other control characters. Messages:
 * {@code platform.error.singleLine} and {@code platform.error.controlCharacters}.
 */
public final class TextChecks {

    public static final String SINGLE_LINE = "platform.error.singleLine";
    public static final String CONTROL_CHARACTERS = "platform.error.controlCharacters";

    private TextChecks() {
    }

    /**
     * True when the value (null counts as fine) holds no control character, no line or paragraph separator and no
     * format character (a right-to-left override would show text in another order than it is stored).
     */
    public static boolean isSingleLine(String value) {
        return value == null || value.codePoints().noneMatch(TextChecks::unwanted);
    }

    /**
     * True when the value (null counts as fine) holds none of those but line breaks, tabs and the zero-width joiners
     * that emoji sequences are made of (a comment may hold 👨‍👩‍👧).
     */
    public static boolean isPlainText(String value) {
        return value == null || value.codePoints().noneMatch(c -> c != '\n' && c != '\r' && c != '\t' && c != '\u200d'
                && c != '\u200c' && unwanted(c));
    }

    /**
     * The length of a text as a person counts it, and as the forms and messages say ("at most 1000 characters"):
     * in characters (code points), so that an emoji or a character outside the Basic Multilingual Plane (𠀀) counts
     * once, not as the two UTF-16 units {@link String#length()} counts. 0 for null.
     */
    public static int characters(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    /**
     * The text as a message or a list quotes it: whole when it has at most {@code max} characters, else its first
     * {@code max} characters (code points, so an emoji is never split) and an ellipsis; empty for null.
     */
    public static String shortened(String text, int max) {
        if (text == null) {
            return "";
        }
        return characters(text) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max)) + "…";
    }

    /**
     * The {@code maxlength} for a browser's field of a text of at most {@code characters} characters: a browser counts
     * UTF-16 units, two for an emoji or 𠀀, so the field takes twice as many and the server checks the characters.
     */
    public static int browserMaxLength(int characters) {
        return 2 * characters;
    }

    private static boolean unwanted(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
