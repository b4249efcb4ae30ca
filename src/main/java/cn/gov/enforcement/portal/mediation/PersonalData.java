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
    private static final Pattern LANDLINE = Pattern.compile("0[0-9]{2,3}-?[0-9]{7,8}");
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

    /** Upper case, without spaces: the form in which a resident identity number is checked and kept. */
    public static String normalizeResidentId(String input) {
        return input == null ? "" : input.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
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

    /** Phone numbers without spaces. */
    public static String normalizePhone(String input) {
        return input == null ? "" : input.replaceAll("[\\s()]", "");
    }

    /** A mainland mobile number (11 digits starting with 13–19) or a landline with area code. */
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
