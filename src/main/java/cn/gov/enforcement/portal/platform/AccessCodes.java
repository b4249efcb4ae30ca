package cn.gov.enforcement.portal.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Access codes of cases: 12 random characters from an alphabet without look-alikes (about 60 bits),
 * shown once and mailed to the applicant, kept only as a salted SHA-256 hash {@code salt:hash}.
 */
public final class AccessCodes {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessCodes() {}

    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as people may type it: case and spaces or dashes do not matter. */
    public static String normalize(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public static String hash(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return saltHex + ":" + digest(saltHex, normalize(code));
    }

    public static boolean matches(String code, String stored) {
        if (stored == null) {
            return false;
        }
        int colon = stored.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String expected = stored.substring(colon + 1);
        String actual = digest(stored.substring(0, colon), normalize(code));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    /** A hash to compare against when no case exists, so that unknown numbers take as long as wrong codes. */
    public static final String DUMMY = "00000000000000000000000000000000:" + "0".repeat(64);

    /**
     * The unsalted SHA-256 (hex) of a normalised code, for codes that are looked up by their digest
     * (resume codes of drafts); they are random with about 60 bits, and guesses are rate-limited.
     */
    public static String digest(String code) {
        return digest("", normalize(code));
    }

    private static String digest(String saltHex, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(saltHex.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
