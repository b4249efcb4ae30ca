package cn.gov.enforcement.portal.mediation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks and masks personal identifiers: the 18-character resident identity number (GB 11643:
 * six-digit area code, eight-digit birth date, three-digit sequence, check character) and Chinese
 * phone numbers; the unified social credit code of organisations (GB 32100: 18 characters of the
 * code alphabet, the last one a check character).
 */
public final class PersonalData {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final Pattern RESIDENT_ID = Pattern.compile("[0-9]{17}[0-9X]");
    /** The alphabet of unified social credit codes: digits and capital letters without I, O, S, V and Z. */
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    /**
     * Area code (010, 02x or 0 and three digits from 3 on) and number, with an extension of 1 to 6 digits after a dash
     * (转 is turned into one).
     */
    private static final Pattern LANDLINE = Pattern.compile("0(10|2[0-9]|[3-9][0-9]{2})-?[0-9]{7,8}(-[0-9]{1,6})?");
    /** Spaces of every kind and brackets around an area code; full-width ones are folded before. */
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s\\u00A0\\u200B\\uFEFF()]");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\u30FC\\uFE63]");
    /** The country code of China, as +86 or 0086, with the separator that may follow it. */
    private static final Pattern COUNTRY_CODE = Pattern.compile("^(\\+|00)86-?");
    private static final Pattern EXTENSION_WORD = Pattern.compile("(转|轉)");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private PersonalData() {}

    /** The check character of the first 17 digits of a resident identity number. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /**
     * Half-width, upper case, without spaces: the form in which a resident identity number (or a credit code) is
     * checked and kept. Chinese input methods often type full-width digits and letters (１１０１０５…Ｘ); they are
     * folded to their ASCII forms (NFKC), as the certificate look-up does.
     */
    public static String normalizeResidentId(String input) {
        return input == null ? "" : halfWidth(input).replaceAll("[\\s\\u00A0\\u200B\\uFEFF]", "")
                .toUpperCase(java.util.Locale.ROOT);
    }

    /** Full-width digits, letters, signs and spaces folded to their ASCII forms (NFKC). */
    static String halfWidth(String input) {
        return java.text.Normalizer.normalize(input, java.text.Normalizer.Form.NFKC);
    }

    /**
     * Checks a resident identity number; empty when it is valid, otherwise the translation key of
     * the problem (format, birth date or check digit).
     *
     * @param today the current date; a birth date after it is implausible
     */
    public static Optional<String> residentIdProblem(String input, LocalDate today) {
        String id = normalizeResidentId(input);
        if (!RESIDENT_ID.matcher(id).matches()) {
            return Optional.of("mediation.error.residentId.format");
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
                return Optional.of("mediation.error.residentId.birthDate");
            }
        } catch (DateTimeException e) {
            return Optional.of("mediation.error.residentId.birthDate");
        }
        if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
            return Optional.of("mediation.error.residentId.checkDigit");
        }
        return Optional.empty();
    }

    /** The check character (GB 32100) of the first 17 characters of a unified social credit code. */
    public static char creditCodeCheckCharacter(String first17) {
        if (first17 == null || first17.length() != 17
                || !first17.chars().allMatch(c -> CREDIT_ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("17 characters of the credit code alphabet expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * Checks a unified social credit code as typed (spaces and lower case allowed); empty when it is valid,
     * otherwise the translation key of the problem (format or check character).
     */
    public static Optional<String> creditCodeProblem(String input) {
        String code = normalizeResidentId(input);
        if (!CREDIT_CODE.matcher(code).matches()) {
            return Optional.of("mediation.error.creditCode");
        }
        if (creditCodeCheckCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return Optional.of("mediation.error.creditCode.checkDigit");
        }
        return Optional.empty();
    }

    /**
     * The form in which a phone number is checked and kept: half-width, without spaces and brackets, without the
     * country code (+86 or 0086; a landline written internationally without its leading 0 gets it back), a mobile
     * number as its 11 digits, a landline as typed with an extension after a dash ({@code 010-12345678-123}; 转
     * becomes the dash). Anything else is returned cleaned in the same way, for the check to refuse.
     */
    public static String normalizePhone(String input) {
        if (input == null) {
            return "";
        }
        String phone = PHONE_NOISE.matcher(halfWidth(input)).replaceAll("");
        phone = DASHES.matcher(phone).replaceAll("-");
        phone = EXTENSION_WORD.matcher(phone).replaceAll("-").replace("--", "-");
        java.util.regex.Matcher country = COUNTRY_CODE.matcher(phone);
        if (country.find()) {
            phone = phone.substring(country.end());
            if (!MOBILE.matcher(phone.replace("-", "")).matches() && !phone.startsWith("0")) {
                phone = "0" + phone; // +86 10 12345678 is 010-12345678 at home
            }
        }
        String digits = phone.replace("-", "");
        return MOBILE.matcher(digits).matches() ? digits : phone;
    }

    /**
     * A mainland mobile number (11 digits starting with 13–19) or a landline with area code and an optional extension
     * of 1 to 6 digits, as {@link #normalizePhone} reads it (full-width digits, spaces, +86 or 0086 allowed).
     */
    public static boolean isValidPhone(String input) {
        String phone = normalizePhone(input);
        return MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches();
    }

    /**
     * Masks an identifier, keeping the first three and last four characters
     * ({@code 110***********1234}); short values are masked completely but for the last character.
     */
    public static String maskId(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length() - 1) + id.charAt(id.length() - 1);
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }

    /** Masks a phone number, keeping the first three and last four digits ({@code 138****5678}). */
    public static String maskPhone(String phone) {
        String p = normalizePhone(phone);
        if (p.length() <= 7) {
            return "*".repeat(p.length());
        }
        return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }
}
