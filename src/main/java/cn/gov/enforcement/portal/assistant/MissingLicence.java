package cn.gov.enforcement.portal.assistant;

import cn.gov.enforcement.portal.regulation.ChineseScript;
import cn.gov.enforcement.portal.regulation.LayTerms;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a question says the business has no licence at all (没有营业执照, 没办食品经营许可证, 营业执照还没办下来, 无证,
 * 无照), and which list entries and articles are then about a licence it has instead: displaying it (营业执照未置于醒目位置),
 * showing it online, carrying it (驾车未随身携带驾驶证), reporting under it or keeping to it (排污许可证执行报告逾期提交).
 * Someone who has none is not helped by those; the items about having none (未经登记从事经营活动, 未取得食品经营许可,
 * 无证驾驶) answer the question. No language model decides this; the rule is:
 *
 * <p>A <b>licence</b> is a word ending in one of {@link #LICENCE_WORDS} (执照, 许可证, 许可, 健康证, 驾驶证 …), with up to six
 * characters before it that name which one (营业, 食品经营, 建设工程规划) and are no verb of handling it (挂, 亮, 公示, 查验,
 * 携带, 变更 …) or a conjunction.
 * <ul>
 * <li>The question <b>lacks</b> a licence when it says 没有, 没, 无, 未, 未经, 尚未, 缺 right before it, optionally with a
 * verb of getting one between (办, 办理, 取得, 领, 拿到, 申请, 考 …: 没办营业执照, 未取得排水许可); or the licence comes first
 * and is followed by 没有/没/未 and such a verb (营业执照还没办下来) or by 没有/没 and the end of the clause (营业执照都没有，);
 * or it says 无证, 没证 (a licence of any kind) or 无照 (执照). The legal terms of its everyday words are read the same way
 * (无证驾驶 stands for 未取得机动车驾驶证: the driving licence is lacking). 营业执照没挂, 没有亮照 and 执照没有公示 lack no
 * licence: the word after 没 is no verb of getting one, and 亮照 is no licence word.</li>
 * <li>An entry's title (an article's passage) <b>has</b> a licence when it names one outside such a phrase and outside
 * a phrase of getting one (依法取得许可, 申请领取营业执照: the obligation to get it concerns someone who has none).</li>
 * <li>An entry or article is <b>about a licence one has</b> when it has a licence that is one the question lacks: one
 * of them, or one of the legal terms of either ({@link LayTerms}: 驾照 is 机动车驾驶证), shares a pair of characters with
 * the other (营业执照 and 执照, 许可证 and 排污许可证), or the question lacks a licence of any kind (无证).</li>
 * </ul>
 * Known limit: the rule does not read whose licence it is; "供货商没有许可证" lacks a licence as much as "我没有许可证".
 */
final class MissingLicence {

    /** The words a licence, permit or certificate one must hold ends in, the longer of two alike first. */
    static final List<String> LICENCE_WORDS = List.of("营业执照", "执照", "驾照", "证照", "许可证", "许可", "健康证",
            "驾驶证", "行驶证", "资格证", "上岗证", "卫生证", "运输证", "营运证", "操作证", "从业证");

    /** Characters that cannot stand in a licence's name before its word: verbs of handling one, conjunctions, 的. */
    private static final String NOT_IN_NAME = "未没无的把将被给在于和与或及并查验看挂亮示展出带贴放交扣押借租换改续变更审核检年过到期办领拿取得申考获去来";

    /** A licence: up to six characters of its name, then its word. */
    private static final String LICENCE = "(?:[\\p{IsHan}&&[^" + NOT_IN_NAME + "]]{0,6}?(?:"
            + String.join("|", LICENCE_WORDS) + "))";

    /** Verbs of getting a licence. */
    private static final String GET = "(?:去|来)?(?:办理|办下来|办好|办|取得|领取|领到|领|拿到|拿|申请|申领|考取|考到|考|获得)";

    /** A phrase saying a licence is lacking; group 1 or 2 is the licence, neither for one of any kind. */
    private static final Pattern LACKING = Pattern.compile(
            "(?:没有|没|未经|无|尚未|未|缺少|缺)" + GET + "?(?:任何|相关|相应)?(" + LICENCE + ")"
                    + "|(" + LICENCE + ")(?:都|也|还|一直|根本|从来)?(?:(?:没有|没|未)" + GET
                    + "|(?:没有|没)(?=$|[^\\p{IsHan}]|[就也还都但可却能会要吗呢吧啊怎]))"
                    + "|无证(?![明书件据])|没证(?![明书件据])|无照");

    /** A phrase of getting a licence (the obligation to get one): 依法取得许可, 申请领取营业执照. */
    private static final Pattern GETTING = Pattern.compile("(?:取得|办理|申请|申领|领取|颁发|核发)" + LICENCE);

    private static final Pattern A_LICENCE = Pattern.compile(LICENCE);

    /** A mark of the search in a snippet. */
    private static final Pattern MARKUP = Pattern.compile("</?em>");

    private MissingLicence() {}

    /**
     * The licences a question (in Simplified characters) and the legal terms of its everyday words say the business
     * lacks; an empty string stands for a licence of any kind (无证). Empty when it lacks none.
     */
    static Set<String> lacked(String simplified) {
        Set<String> out = new LinkedHashSet<>();
        lacking(simplified, out);
        LayTerms.bundled().expand(simplified).forEach(term -> lacking(term, out));
        return out;
    }

    private static void lacking(String text, Set<String> out) {
        Matcher m = LACKING.matcher(text);
        while (m.find()) {
            String licence = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(licence != null ? licence : m.group().endsWith("照") ? "执照" : "");
        }
    }

    /** The text without the search's marks, in Simplified characters. */
    private static String plain(String text) {
        return ChineseScript.toSimplified(MARKUP.matcher(text).replaceAll(""));
    }

    /** Every licence the text names. */
    private static Set<String> licences(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = A_LICENCE.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * Whether a text (an entry's title, an article's passage) is about one of the lacked licences as held: it names
     * one as held and says nothing of lacking or getting one (a penalty article for trading without a licence may go
     * on to 吊销许可证).
     */
    static boolean aboutOneHeld(Set<String> lacked, String text) {
        if (lacked.isEmpty() || text == null) {
            return false;
        }
        String plain = plain(text);
        if (LACKING.matcher(plain).find() || GETTING.matcher(plain).find()) {
            return false;
        }
        // no phrase of lacking or getting one to leave out: every licence the text names is held
        Set<String> held = licences(plain);
        if (held.isEmpty()) {
            return false;
        }
        if (lacked.contains("")) {
            return true;
        }
        for (String l : lacked) {
            Set<String> lackedPairs = pairsWithTerms(l);
            for (String h : held) {
                if (pairsWithTerms(h).stream().anyMatch(lackedPairs::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The character pairs of a licence and of its legal terms (驾照: 驾照, 机动车驾驶证), without those that say nothing
     * about which licence is meant ({@link AssistantService#GENERIC_PAIRS}: 机动 of 机动车驾驶证 and 机动车行驶证).
     */
    private static Set<String> pairsWithTerms(String licence) {
        Set<String> out = new LinkedHashSet<>(AssistantService.hanPairs(licence));
        LayTerms.bundled().expand(licence).forEach(t -> out.addAll(AssistantService.hanPairs(t)));
        return out;
    }
}
