package cn.gov.enforcement.portal.account;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a staff password too easy to guess, beyond its length and the user name ({@link AccountService}): one
 * character repeated ({@code 111111111111}), runs of a sequence, forwards or backwards: the alphabet, the digits
 * (going on from 9 to 0), a row of the keyboard ({@code abcdefghijkl}, {@code 123456789012}, {@code qwertyuiop12},
 * {@code 987654fedcba}), fewer than {@value #MIN_DISTINCT} different characters ({@code abababababab}), and a common
 * password ({@link #COMMON}), also with digits or punctuation after it ({@code password1234}, {@code Passw0rd!2024}).
 * Letters count without their case. Each rule has its own message key.
 */
final class PasswordRules {

    static final int MIN_DISTINCT = 4;

    /** A password with at most one run per this many characters is made of runs. */
    private static final int CHARACTERS_PER_RUN = 4;

    /** The sequences a run follows, each in both directions; the digits go on from 9 to 0. */
    private static final List<String> SEQUENCES = List.of("abcdefghijklmnopqrstuvwxyz", "01234567890",
            "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./", "~!@#$%^&*()_+");

    /**
     * Passwords that lists of leaked passwords put at the top, worldwide and in China (pinyin, dates, numbers that
     * read as words), in lower case. Most are shorter than the 12 characters asked for: they are refused with digits
     * or punctuation after them, the way people lengthen them.
     */
    static final Set<String> COMMON = Set.of(
            "password", "passw0rd", "p@ssword", "p@ssw0rd", "pass", "pass1234", "secret", "letmein", "welcome",
            "welcome1", "admin", "administrator", "root", "user", "guest", "test", "qwerty", "qwertyuiop", "azerty",
            "asdfgh", "asdfghjkl", "zxcvbnm", "qazwsx", "1qaz2wsx", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "zaq12wsx",
            "qweasdzxc", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4", "abc", "abcd", "abc123", "a1b2c3",
            "a1b2c3d4", "iloveyou", "ilovechina", "monkey", "dragon", "master", "sunshine", "princess", "football",
            "baseball", "superman", "batman", "trustno1", "shadow", "michael", "jennifer", "charlie", "freedom",
            "whatever", "starwars", "computer", "internet", "changeme", "default", "login", "hello", "hello123",
            "helloworld", "woaini", "woaini1314", "5201314", "1314520", "521521", "woaiwojia", "wodemima", "mima",
            "nihao", "zhongguo", "china", "beijing", "shanghai", "tianjin", "xiaoming", "wangwei", "zhangwei", "liwei",
            "aini1314", "caonima", "888888", "666666", "168168", "123123", "112233", "123321", "654321", "147258369",
            "159357", "12345678", "123456789", "1234567890", "0123456789", "00000000", "11111111", "88888888",
            "19491001", "zhifa", "zhifa123", "portal", "portal123", "gov", "government", "zhengfu");

    private PasswordRules() {}

    /** The message key of the first rule the password breaks; empty when it keeps them all. */
    static Optional<String> problem(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        int[] chars = lower.codePoints().toArray();
        if (chars.length > 0 && lower.codePoints().distinct().count() == 1) {
            return Optional.of("account.error.passwordRepeated");
        }
        if (madeOfRuns(chars)) {
            return Optional.of("account.error.passwordSequence");
        }
        if (lower.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of("account.error.passwordFewCharacters");
        }
        if (common(lower)) {
            return Optional.of("account.error.passwordCommon");
        }
        return Optional.empty();
    }

    /**
     * Whether the password is a few runs of a sequence: split into its longest runs (each next character the next or
     * the previous one of a sequence, in the run's direction), it has at most one run per four characters.
     */
    static boolean madeOfRuns(int[] chars) {
        if (chars.length < 2) {
            return false;
        }
        int runs = 1;
        int direction = 0;
        String sequence = null;
        for (int i = 1; i < chars.length; i++) {
            Step step = sequence == null ? null : step(sequence, chars[i - 1], chars[i], direction);
            if (step == null) {
                step = firstStep(chars[i - 1], chars[i]);
                if (step == null || sequence != null) {
                    // a new run starts here: with this pair when it is a step, else with this character alone
                    runs++;
                    if (step == null) {
                        sequence = null;
                        direction = 0;
                        continue;
                    }
                }
            }
            sequence = step.sequence();
            direction = step.direction();
        }
        return runs * CHARACTERS_PER_RUN <= chars.length;
    }

    /** A step of a run: the sequence it follows and its direction (1 forwards, -1 backwards). */
    private record Step(String sequence, int direction) {}

    /** The step from {@code a} to {@code b} in any sequence; null when they are no neighbours in one. */
    private static Step firstStep(int a, int b) {
        for (String sequence : SEQUENCES) {
            for (int direction : new int[] {1, -1}) {
                Step step = step(sequence, a, b, direction);
                if (step != null) {
                    return step;
                }
            }
        }
        return null;
    }

    /** The step from {@code a} to {@code b} in {@code sequence} and {@code direction} (0: either); null when none. */
    private static Step step(String sequence, int a, int b, int direction) {
        for (int i = sequence.indexOf(a); i >= 0; i = sequence.indexOf(a, i + 1)) {
            if ((direction >= 0) && i + 1 < sequence.length() && sequence.charAt(i + 1) == b) {
                return new Step(sequence, 1);
            }
            if ((direction <= 0) && i > 0 && sequence.charAt(i - 1) == b) {
                return new Step(sequence, -1);
            }
        }
        return null;
    }

    /** A common password, whole or with digits and punctuation after it. */
    static boolean common(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        String word = lower.replaceFirst("[\\p{N}\\p{P}\\p{S}\\s]+$", "");
        return !word.isEmpty() && COMMON.contains(word);
    }
}
