package cn.gov.enforcement.portal.agency;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Certificate numbers. The sample format is {@code XX-990100-YYYY-NNNN}: two capital letters for
 * the agency, a six-digit region code, the year of issue and a four-digit serial, e.g.
 * {@code SJ-990100-2024-0017}. Readers may type numbers in lower case, with spaces or in
 * full-width characters; {@link #normalize} turns that into the stored form.
 */
public final class Certificates {

    /** The format of committed certificate numbers. */
    public static final Pattern FORMAT = Pattern.compile("^[A-Z]{2}-\\d{6}-\\d{4}-\\d{4}$");
    /** The longest input accepted from a reader (before normalization). */
    public static final int MAX_INPUT = 40;
    private static final Pattern ALLOWED = Pattern.compile("^[A-Z0-9-]+$");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000\\u200B\\uFEFF]+");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\u30FC\\uFF0D\\uFE63_]");
    /** The letters and digits of a certificate number without its dashes. */
    private static final Pattern COMPACT = Pattern.compile("^[A-Z]{2}\\d{14}$");

    private Certificates() {}

    /**
     * Trim, full-width → half-width (NFKC), dash variants → '-', remove spaces, upper-case; two letters and fourteen
     * digits, however separated, become the committed form {@code XX-NNNNNN-NNNN-NNNN}.
     */
    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        String value = Normalizer.normalize(input, Normalizer.Form.NFKC);
        value = SPACES.matcher(value).replaceAll("");
        value = DASHES.matcher(value).replaceAll("-").toUpperCase(Locale.ROOT);
        // a number typed with spaces instead of dashes, or with some dashes left out (SJ990100 2024 0017), is the
        // same certificate: its letters and digits are put back into the committed form
        String compact = value.replace("-", "");
        if (COMPACT.matcher(compact).matches()) {
            return compact.substring(0, 2) + "-" + compact.substring(2, 8) + "-" + compact.substring(8, 12) + "-"
                    + compact.substring(12);
        }
        return value;
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

    public static boolean isWellFormed(String normalized) {
        return normalized != null && FORMAT.matcher(normalized).matches();
    }
}
