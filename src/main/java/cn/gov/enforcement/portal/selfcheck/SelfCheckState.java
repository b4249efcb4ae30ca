package cn.gov.enforcement.portal.selfcheck;

import cn.gov.enforcement.portal.selfcheck.SelfCheckAnswer.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The answers as they travel in the page's address ({@code ?a=}), so that a business can bookmark or send its
 * self-check and the server stores nothing: {@code <risk point id>.<letter>} separated by underscores, the letter
 * {@code D} (done), {@code N} (not yet), {@code X} (does not apply) or {@code P} followed by the 1-based numbers of
 * the measures in place, separated by dots ({@code mr-rp-price-tag.P1.3}; a bare {@code P} while none is ticked yet).
 * An answer about the measures ({@code D}, {@code P}) may end in {@code ~} and the {@link SelfCheckAnswer#fingerprint}
 * of the measures it was given for ({@code mr-rp-price-tag.P1.3~1x2k9c}); an entry whose fingerprint has not the form
 * of one ({@link SelfCheckAnswer#isFingerprint}) is unreadable.
 * Only characters that need no escaping in an address are used, so the address stays readable.
 */
public final class SelfCheckState {

    /** More answers than any checklist has are not read. */
    static final int MAX_ANSWERS = 300;

    /**
     * Longer than any entry can be (an id of 80 characters, 99 measures of two digits, a fingerprint): such an entry is
     * not read, and never matched, since matching thousands of repeated measure numbers overflows the regex stack.
     */
    static final int MAX_ENTRY = 400;

    private static final Pattern ENTRY = Pattern.compile("([a-z0-9][a-z0-9-]{0,79})\\.([DNXP])((?:[1-9]\\d?)(?:\\.[1-9]\\d?)*)?(?:~([a-z0-9]{1,8}))?");

    private SelfCheckState() {
    }

    /** What was read from an address, and how many of its entries could not be read. */
    public record Parsed(Map<String, SelfCheckAnswer> answers, int unreadable) {}

    /** Reads {@code ?a=}; an entry that is malformed, repeated or beyond {@link #MAX_ANSWERS} is counted, not read. */
    public static Parsed parse(String encoded) {
        Map<String, SelfCheckAnswer> answers = new LinkedHashMap<>();
        int unreadable = 0;
        if (encoded == null || encoded.isBlank()) {
            return new Parsed(answers, 0);
        }
        for (String entry : encoded.split("_", MAX_ANSWERS * 2)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.length() > MAX_ENTRY) {
                unreadable++;
                continue;
            }
            var m = ENTRY.matcher(entry.strip());
            if (!m.matches() || answers.containsKey(m.group(1)) || answers.size() >= MAX_ANSWERS) {
                unreadable++;
                continue;
            }
            Status status = Status.ofCode(m.group(2).charAt(0));
            String numbers = m.group(3);
            if (status != Status.PARTLY && numbers != null
                    || m.group(4) != null && !SelfCheckAnswer.isFingerprint(m.group(4))) {
                unreadable++;
                continue;
            }
            Set<Integer> done = new TreeSet<>();
            if (numbers != null) {
                for (String n : numbers.split("\\.")) {
                    done.add(Integer.parseInt(n) - 1);
                }
            }
            answers.put(m.group(1), new SelfCheckAnswer(status, done, m.group(4)));
        }
        return new Parsed(answers, unreadable);
    }

    /** The answers as {@code ?a=} carries them, in the order given. */
    public static String format(Map<String, SelfCheckAnswer> answers) {
        StringBuilder out = new StringBuilder();
        answers.forEach((id, answer) -> {
            if (answer == null || answer.status() == null) {
                return;
            }
            if (!out.isEmpty()) {
                out.append('_');
            }
            out.append(id).append('.').append(answer.status().code());
            if (answer.status() == Status.PARTLY) {
                out.append(String.join(".", answer.measuresDone().stream().sorted().map(i -> String.valueOf(i + 1)).toList()));
            }
            if (answer.measures() != null && answer.aboutMeasures()) {
                out.append('~').append(answer.measures());
            }
        });
        return out.toString();
    }
}
