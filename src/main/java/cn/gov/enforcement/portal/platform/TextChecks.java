package cn.gov.enforcement.portal.platform;

/**
 * Checks of free text typed by people, shared by the services that validate it: a line (a name, a subject) holds
 * no control characters at all, so it can go into a mail's subject or a document's heading; a text (findings, a
 * note) may hold line breaks and tabs but no other control characters. Messages:
 * {@code platform.error.singleLine} and {@code platform.error.controlCharacters}.
 */
public final class TextChecks {

    public static final String SINGLE_LINE = "platform.error.singleLine";
    public static final String CONTROL_CHARACTERS = "platform.error.controlCharacters";

    private TextChecks() {
    }

    /** True when the value (null counts as fine) holds no control character. */
    public static boolean isSingleLine(String value) {
        return value == null || value.chars().noneMatch(Character::isISOControl);
    }

    /** True when the value (null counts as fine) holds no control character but line breaks and tabs. */
    public static boolean isPlainText(String value) {
        return value == null || value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
