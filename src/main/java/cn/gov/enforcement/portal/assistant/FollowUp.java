package cn.gov.enforcement.portal.assistant;

import cn.gov.enforcement.portal.regulation.ChineseScript;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Whether a question is a follow-up of the question before it (那要罚多少钱 after 饭店油烟扰民会被罚吗), so
 * that the assistant answers it in that question's context. No language model decides this; the rule is:
 *
 * <p>A question depends on the previous one when it is <b>short</b>, at most {@link #MAX_CORE} characters once
 * question words and fillers (those the assistant leaves out of its words, such as 怎么, 什么, 需要, 吗, 呢, 的),
 * punctuation and spaces are left out, a Latin word or a number counting as one character, <b>and</b> either
 * <ul>
 * <li>it <b>refers back</b>: after a greeting such as 请问 it starts with one of {@link #LEADING} (那, 这, 该,
 * 此, 如果, 还有, 另外 …) or it contains one of {@link #ANYWHERE} (这个, 这种, 上述, 的话, 呢 …), Traditional
 * characters being converted first; or</li>
 * <li>it alone finds no list entry and no article while the previous question and it together do.</li>
 * </ul>
 * A longer question stands on its own. The text searched for a follow-up is the previous question's searched
 * text, a space and the new question, at most {@link AssistantService#MAX_QUESTION} characters (the newest
 * kept), so that a chain of follow-ups keeps its subject without growing without bound.
 */
final class FollowUp {

    /** The most characters, question words left out and a Latin word or number counting one, of a follow-up. */
    static final int MAX_CORE = 15;

    /** Words that refer back to the previous question when a question starts with them. */
    static final List<String> LEADING = List.of("那", "这", "该", "此", "上述", "如果", "要是", "假如", "万一", "若是",
            "另外", "此外", "其他", "其它", "同样", "再次", "还有", "还要", "还会", "还能", "还是", "还可以", "还需要",
            "还需", "还得", "还用");

    /** Words that refer back to the previous question wherever they stand in a short question. */
    static final List<String> ANYWHERE = List.of("这个", "这种", "这样", "这些", "这类", "这家", "这次", "那个", "那种",
            "那样", "那些", "上述", "刚才", "的话", "呢", "它");

    /** Punctuation, spaces and greetings before the question proper. */
    private static final Pattern OPENING = Pattern.compile(
            "^(?:[^\\p{L}\\p{N}]|你好|您好|请问|我想问一下|想问一下|问一下|再问一下|我想问|我再问)+");

    private FollowUp() {
    }

    /**
     * The length of a question once question words, fillers, punctuation and spaces are left out: its Chinese
     * characters, a Latin word or a number counting as one.
     */
    static int coreLength(String question) {
        String core = AssistantService.FILLERS.matcher(ChineseScript.toSimplified(question)).replaceAll(" ");
        int length = 0;
        boolean inWord = false;
        for (int cp : core.codePoints().toArray()) {
            boolean latin = cp < 0x250 && Character.isLetterOrDigit(cp); // Latin letters (with accents) and digits
            if (Character.isLetterOrDigit(cp) && !(latin && inWord)) {
                length++;
            }
            inWord = latin;
        }
        return length;
    }

    /** At most {@link #MAX_CORE} characters once question words and fillers are left out. */
    static boolean isShort(String question) {
        return coreLength(question) <= MAX_CORE;
    }

    /** Starts with a word of {@link #LEADING} (after greetings) or contains one of {@link #ANYWHERE}. */
    static boolean refersBack(String question) {
        String simplified = ChineseScript.toSimplified(question);
        String proper = OPENING.matcher(simplified).replaceFirst("");
        return LEADING.stream().anyMatch(proper::startsWith) || ANYWHERE.stream().anyMatch(simplified::contains);
    }

    /**
     * The rule: short, and referring back or found only together with the previous question.
     *
     * @param onlyTogetherFinds whether the question alone finds nothing and together with the previous one finds
     *     something; asked only for a short question that does not refer back
     */
    static boolean dependsOnPrevious(String question, BooleanSupplier onlyTogetherFinds) {
        return isShort(question) && (refersBack(question) || onlyTogetherFinds.getAsBoolean());
    }

    /** The previous searched text, a space and the question, cut to the newest {@code max} characters. */
    static String combine(String previous, String question, int max) {
        String together = previous.strip() + " " + question.strip();
        if (together.length() <= max) {
            return together;
        }
        int start = together.length() - max;
        if (Character.isLowSurrogate(together.charAt(start))) {
            start++; // do not split a character outside the Basic Multilingual Plane
        }
        return together.substring(start).strip();
    }
}
