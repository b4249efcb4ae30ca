package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.TextChecks;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Certificate numbers (执法证号). Real numbers differ from province to province: a province's abbreviation followed by
 * letters and digits ({@code 豫C01001234}, {@code 赣0101001234}), long digit strings ({@code 14010020190001}), or the
 * portal's sample format {@code XX-990100-YYYY-NNNN} (two capital letters for the agency, a six-digit region code, the
 * year of issue and a four-digit serial, e.g. {@code SJ-990100-2024-0017}). The portal accepts any plausible number
 * ({@link #isWellFormed}): at most one province abbreviation, first, then Latin letters and digits with at least one
 * digit, 6 to 32 characters without the dashes.
 *
 * <p>Readers and agency files may write numbers in lower case, with spaces, dashes of any kind or in full-width
 * characters, and a Traditional province abbreviation (貴, 贛 …); {@link #normalize} turns that into the one stored
 * form, so every form finds the same certificate: dashes and spaces only separate groups of characters and are left
 * out, except in the sample format, which keeps its dashes.
 */
public final class Certificates {

    /** The sample format, as stored. */
    public static final Pattern SAMPLE_FORMAT = Pattern.compile("^[A-Z]{2}-\\d{6}-\\d{4}-\\d{4}$");
    /** The abbreviations (简称) of the provinces, autonomous regions and municipalities of the mainland. */
    public static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    /** The fewest characters of a plausible number, not counting dashes and spaces. */
    public static final int MIN_LENGTH = 6;
    /** The most characters of a plausible number, not counting dashes and spaces. */
    public static final int MAX_LENGTH = 32;
    /** The longest input accepted from a reader (before normalization). */
    public static final int MAX_INPUT = 40;
    /** The characters a normalized input may hold: a province abbreviation, capital letters, digits, dashes. */
    private static final Pattern ALLOWED = Pattern.compile("^[" + PROVINCES + "A-Z0-9-]+$");
    /** A plausible number as stored (the sample format aside): one optional province abbreviation, then letters and digits. */
    private static final Pattern PLAUSIBLE = Pattern.compile("^[" + PROVINCES + "]?[A-Z0-9]*\\d[A-Z0-9]*$");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000\\u200B\\uFEFF]+");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\u30FC\\uFF0D\\uFE63_]");
    /** The letters and digits of a sample-format number without its dashes. */
    private static final Pattern SAMPLE_COMPACT = Pattern.compile("^[A-Z]{2}\\d{14}$");
    /** Traditional forms of province abbreviations → the Simplified ones certificates are issued with. */
    private static final Map<Character, Character> TRADITIONAL_PROVINCES = Map.ofEntries(
            Map.entry('滬', '沪'), Map.entry('遼', '辽'), Map.entry('魯', '鲁'), Map.entry('蘇', '苏'),
            Map.entry('贛', '赣'), Map.entry('晉', '晋'), Map.entry('陝', '陕'), Map.entry('閩', '闽'),
            Map.entry('貴', '贵'), Map.entry('粵', '粤'), Map.entry('寧', '宁'), Map.entry('瓊', '琼'),
            Map.entry('雲', '云'));

    private Certificates() {}

    /**
     * Trim, full-width → half-width (NFKC), dash variants → '-', remove spaces, upper-case, Traditional province
     * abbreviations → Simplified. Two letters and fourteen digits, however separated, become the sample form
     * {@code XX-NNNNNN-NNNN-NNNN}; any other number that only holds allowed characters loses its dashes
     * ({@code 豫C-0100-1234} is {@code 豫C01001234}). Anything else keeps its dashes, for the caller to refuse.
     */
    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        String value = Normalizer.normalize(input, Normalizer.Form.NFKC);
        value = SPACES.matcher(value).replaceAll("");
        value = DASHES.matcher(value).replaceAll("-").toUpperCase(Locale.ROOT);
        StringBuilder simplified = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            simplified.append(TRADITIONAL_PROVINCES.getOrDefault(c, c));
        }
        value = simplified.toString();
        // a number typed with spaces instead of dashes, or with some dashes left out (SJ990100 2024 0017), is the
        // same certificate: its letters and digits are put back into the committed form
        String compact = value.replace("-", "");
        if (SAMPLE_COMPACT.matcher(compact).matches()) {
            return compact.substring(0, 2) + "-" + compact.substring(2, 8) + "-" + compact.substring(8, 12) + "-"
                    + compact.substring(12);
        }
        return ALLOWED.matcher(value).matches() && !compact.isEmpty() ? compact : value;
    }

    /** Null when the input may be looked up, else the translation key that explains what is wrong. */
    public static String problemKey(String input) {
        if (input == null || input.isBlank()) {
            return "agency.certificate.error.empty";
        }
        if (input.length() > MAX_INPUT) {
            return "agency.certificate.error.tooLong";
        }
        String normalized = normalize(input);
        if (normalized.isEmpty()) {
            return "agency.certificate.error.empty";
        }
        if (normalized.length() > MAX_INPUT) {
            return "agency.certificate.error.tooLong";
        }
        if (!ALLOWED.matcher(normalized).matches()) {
            return "agency.certificate.error.characters";
        }
        return null;
    }

    /**
     * Whether a normalized number is a plausible certificate number: the sample format, or one province abbreviation
     * at most (first), Latin capital letters and digits, at least one digit, {@value #MIN_LENGTH} to
     * {@value #MAX_LENGTH} characters.
     */
    public static boolean isWellFormed(String normalized) {
        if (normalized == null) {
            return false;
        }
        if (SAMPLE_FORMAT.matcher(normalized).matches()) {
            return true;
        }
        int length = TextChecks.characters(normalized);
        return length >= MIN_LENGTH && length <= MAX_LENGTH && PLAUSIBLE.matcher(normalized).matches();
    }
}
