package cn.gov.enforcement.portal.regulation;

import java.util.regex.Pattern;

/**
 * Words that ask rather than say (怎么办, 如何, 是否, ...). Statutes do not answer in them, but our guides have
 * titles phrased as questions ("…调不成怎么办"), so a question's 怎么办 would draw those guides to the top of any
 * search; and a snippet should not mark them.
 */
final class QuestionWords {

    private static final Pattern WORDS =
            Pattern.compile("怎么办|怎么样|怎么|怎样|如何|什么|哪些|哪里|为何|为什么|是否|能否|能不能|可不可以|可以吗"
                    // yes-no questions doubling their verb (会不会被罚, 是不是违法, 有没有规定): their pairs 不会, 不是,
                    // 没有 would otherwise find any text that says 不会 or 不是
                    + "|会不会|是不是|有没有|要不要|算不算|用不用|需不需要|应不应该|该不该");

    private QuestionWords() {}

    /**
     * The text with its question words replaced by spaces (so no new character pairs form across the gap), in
     * Simplified characters as given; the text itself when nothing else would be left.
     */
    static String blankOut(String simplified) {
        String out = WORDS.matcher(simplified).replaceAll(" ");
        return out.codePoints().anyMatch(Character::isLetterOrDigit) ? out : simplified;
    }
}
