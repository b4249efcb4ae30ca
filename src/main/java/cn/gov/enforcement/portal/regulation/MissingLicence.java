package cn.gov.enforcement.portal.regulation;

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
 * 无证驾驶) answer the question. The self-check assistant leaves them out of its answer, the lists' search (pages, API,
 * downloads) out of its results. No language model decides this; the rule is:
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
 * <li>A licence lacked is <b>someone else's</b>, and the question lacks none for it, when the last one its clause names
 * before the phrase is one of {@link #OTHERS} (供货商没有许可证, 上家也没办营业执照, 对方没有许可证; 供货商说我们没有许可证
 * names 我们 last: the business's own) or a person called by surname ({@link #PERSON}: 老王没有营业执照, 小李没办许可证,
 * 王老板没有营业执照, 张师傅的店没有许可证), when one of them follows it (无证厂家, 没有许可证的供货商), or when the phrase
 * describes whom the business buys from (从没有许可证的小作坊进货). 我, 我们, 本店, 公司, 我的小店 or no subject at all are
 * the business itself; so are its staff (员工没有健康证: the business answers for them), its drivers (司机没有驾照): a
 * driver the question names may be the asker, an employee or the other party of an accident, which the words do not
 * tell; and 老板 without a surname (老板没有营业执照): one who writes of the boss without naming them writes of the
 * business they work in, while a shop's owner elsewhere is named (王老板, 隔壁老板). The legal terms are read only from
 * what the question says of the business (上家无证驾驶 lacks nothing).</li>
 * <li>An entry's title (an article's passage) <b>has</b> a licence when it names one outside such a phrase, outside a
 * phrase of getting one (依法取得许可, 申请领取营业执照: the obligation to get it concerns someone who has none) and outside
 * a phrase of checking someone else's (进货时未查验许可证, 查验供货者的许可证, 供货者许可证: the supplier's licence, which
 * one who sells without a licence of their own must still check).</li>
 * <li>An entry or article is <b>about a licence one has</b> when it has a licence that is one the question lacks: one
 * of them, or one of the legal terms of either ({@link LayTerms}: 驾照 is 机动车驾驶证), shares a pair of characters with
 * the other (营业执照 and 执照, 许可证 and 排污许可证), or the question lacks a licence of any kind (无证).</li>
 * </ul>
 * Known limits: only the words of {@link #OTHERS} (隔壁店, 对面那家, 邻居, 房东 and 那家店 among them; 隔壁 or 对面 alone is a
 * place: 我在隔壁街开店) and a person called by one of the {@link #SURNAMES} name someone else; a licence the question
 * calls someone else's by another word (the name of a shop, a full name such as 王建国, a rarer surname) reads as the
 * business's own. A person of the business called by surname (店里的王阿姨没有健康证) reads as someone else, and nothing
 * is left out: the cautious side, which lists every entry.
 */
public final class MissingLicence {

    /** The words a licence, permit or certificate one must hold ends in, the longer of two alike first. */
    static final List<String> LICENCE_WORDS = List.of("营业执照", "执照", "驾照", "证照", "许可证", "许可", "健康证",
            "驾驶证", "行驶证", "资格证", "上岗证", "卫生证", "运输证", "营运证", "操作证", "从业证");

    /**
     * Whom a business buys from or deals with, whose licence is not its own: its suppliers and their makers, the other
     * party, its partners and contractors, its neighbours, competitors and landlord, other people and shops. 进货的 is the one bought from (进货的那家), but not in
     * 进货的时候; 其他人 are the business's other staff, 外包装 is packaging.
     */
    static final List<String> OTHERS = List.of("供货商", "供货方", "供货者", "供货人", "供货单位", "供货公司", "供货厂家",
            "供应商", "供应方", "上家", "上游", "进货的(?!时)", "进货渠道", "生产厂家", "厂家", "厂商", "生产商", "批发商",
            "对方", "合作方", "合作伙伴", "承包方", "承包商", "承包人", "分包", "外包(?!装)", "别人", "(?<!其)他人", "别家",
            "(?:隔壁|对面)(?:那家|那个|的店|的商户|店|商户|摊位|老板)", "邻居", "房东", "那家店", "那个店");

    /**
     * The commonest surnames, about 120 written from the 百家姓 of today (the mainland's hundred commonest and Taiwan's
     * commonest), in Simplified characters: the rule reads a question in Simplified characters (蕭 is read 萧, 閻 阎,
     * 莊 庄).
     */
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾肖萧田董潘袁蔡蒋余于"
            + "杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱"
            + "戴严莫孔向常汤温康施文牛洪赖庄简游詹颜柯翁";

    /**
     * A person called by surname and a form of address (王老板, 张师傅, 李总, 刘经理, 陈阿姨, 王姐), or by 老 or 小 and a
     * surname (老王, 小李): someone else. A surname ends no word before it (地方总 is no 方总, 中文老师 no 文老师); 总 is no
     * form of address before 是, 共, 部, 店 … (常总是). 老 or 小 and a surname read as a person only where a person's name
     * ends (before 没, 的, 说, 也, the end of the clause …), so that 老陈醋, 小龙虾, 小程序, 小范围 and 老顾客 are none, and
     * not after a word that ends in 老 or 小 (养老金, 大小, 最小) or a verb of buying or selling (卖老姜); 小于, 小白 (a
     * beginner) and 小钱 are none either. 小店, 小作坊, 小卖部, 老店, 老字号 and 老板 hold no surname.
     */
    private static final String PERSON = "(?<![我你他她对甲乙双各地经非中英语])[" + SURNAMES + "]"
            + "(?:老板娘|老板|老师傅|师傅|总经理|经理|总(?![是共部店公结额数体之计而量局队会账算归])|阿姨|大姐|大哥|大爷|大妈"
            + "|大叔|大婶|老师|医生|主任|厂长|店长|先生|女士|小姐|姐|哥|叔|婶|嫂|伯|姨)"
            + "|(?<![养敬古长元终父遗防月大从缩最微弱矮渺短减变胆细窄狭卖售买购进种做吃])(?:老|小(?![于白钱康]))["
            + SURNAMES + "](?=$|[^\\p{IsHan}]|[没未无也还都说讲的家那他她这就一和跟是却又倒根从开卖在有店])";

    /** Someone else: one of {@link #OTHERS} or a {@link #PERSON}. */
    private static final String SOMEONE_ELSE = String.join("|", OTHERS) + "|" + PERSON;

    /** Who the business itself is, when a question names it. */
    private static final String OWN = "我们|我店|我家|我司|我公司|我|咱们|咱|本店|本公司|本人|自己";

    /** Someone else, or the business itself (group 1 when the business). */
    private static final Pattern SUBJECT = Pattern.compile("(?:" + SOMEONE_ELSE + ")|(" + OWN + ")");

    /** Someone else named right after a phrase of lacking a licence: 无证厂家, 没有许可证的供货商. */
    private static final Pattern OTHER_NEXT = Pattern.compile("^的?(?:" + SOMEONE_ELSE + ")");

    /** Buying from someone the phrase describes: 从没有许可证的小作坊进货 (the phrase then 的 and a verb of buying). */
    private static final Pattern FROM = Pattern.compile("(?:从|向|跟|找)(?!来|事|业|小|前|而|此)");
    private static final Pattern BOUGHT = Pattern.compile("^的(?!话|时|情况)\\P{IsPunctuation}*?(?:进货|进的货|采购|购进|拿货|订货|购买|买)");

    /** The end of a clause. */
    private static final Pattern CLAUSE_END = Pattern.compile("[，。；！？,;!?：:\\n]");

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

    /**
     * A phrase naming the licence of someone else, whom the business checks: 未查验许可证, 查验供货者的许可证, 索取供货商的
     * 营业执照, 供货者许可证 (a name of a licence holds the supplier's word: 供货者 is no verb).
     */
    private static final Pattern CHECKED = Pattern.compile("(?:(?:查验|查看|核查|核验|核对|索取|索要|审验)"
            + "(?:(?:" + SOMEONE_ELSE + ")的?)?(?:相关|有关|其)?|(?:" + SOMEONE_ELSE + ")的?)"
            + LICENCE);

    private static final Pattern A_LICENCE = Pattern.compile(LICENCE);

    /** A mark of the search in a snippet. */
    private static final Pattern MARKUP = Pattern.compile("</?em>");

    /**
     * Character pairs that say nothing about which licence is meant: the 可证 of every 许可证, the 经营 of many, the 机动车
     * of the driving licence's legal term (机动车驾驶证 and 机动车行驶证 share it); those of the self-check assistant's
     * generic pairs that a licence's name can hold.
     */
    private static final Set<String> NAMELESS_PAIRS = Set.of("可证", "经营", "营者", "机动", "动车", "车驾", "管理", "个人");

    private MissingLicence() {}

    /**
     * The licences a question (in Simplified characters) and the legal terms of its everyday words say the business
     * lacks; an empty string stands for a licence of any kind (无证). Empty when it lacks none, and for a licence the
     * question says someone else lacks (供货商没有许可证).
     */
    public static Set<String> lacked(String simplified) {
        Set<String> out = new LinkedHashSet<>();
        if (simplified == null || simplified.isBlank()) {
            return out;
        }
        // the phrases about someone else's licence are blanked out, so that their legal terms are not read either
        StringBuilder own = new StringBuilder(simplified);
        Matcher m = LACKING.matcher(simplified);
        while (m.find()) {
            if (someoneElses(simplified, m)) {
                for (int i = m.start(); i < m.end(); i++) {
                    own.setCharAt(i, ' ');
                }
            } else {
                out.add(licence(m));
            }
        }
        LayTerms.bundled().expand(own.toString()).forEach(term -> {
            Matcher t = LACKING.matcher(term);
            while (t.find()) {
                out.add(licence(t));
            }
        });
        return out;
    }

    /** The licence a phrase of {@link #LACKING} lacks; empty for one of any kind. */
    private static String licence(Matcher m) {
        String licence = m.group(1) != null ? m.group(1) : m.group(2);
        return licence != null ? licence : m.group().endsWith("照") ? "执照" : "";
    }

    /** Whether the phrase of lacking a licence the matcher found is about someone else's (see the class comment). */
    private static boolean someoneElses(String text, Matcher m) {
        int start = m.start();
        while (start > 0 && !CLAUSE_END.matcher(text.substring(start - 1, start)).matches()) {
            start--;
        }
        Matcher end = CLAUSE_END.matcher(text);
        int clauseEnd = end.find(m.end()) ? end.start() : text.length();
        String before = text.substring(start, m.start());
        String after = text.substring(m.end(), clauseEnd);
        if (SUBJECT.matcher(m.group()).find()) {
            return !ownNamedLast(m.group());
        }
        if (OTHER_NEXT.matcher(after).find()) {
            return true;
        }
        if (FROM.matcher(before).find() && BOUGHT.matcher(after).find()) {
            return true;
        }
        return SUBJECT.matcher(before).find() && !ownNamedLast(before);
    }

    /** Whether the last of {@link #SUBJECT} a text names is the business itself; the text names one. */
    private static boolean ownNamedLast(String text) {
        Matcher s = SUBJECT.matcher(text);
        boolean own = false;
        while (s.find()) {
            own = s.group(1) != null;
        }
        return own;
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
     * on to 吊销许可证). A licence it names as someone else's, checked by the business, is none held.
     */
    public static boolean aboutOneHeld(Set<String> lacked, String text) {
        if (lacked.isEmpty() || text == null) {
            return false;
        }
        String plain = plain(text);
        if (LACKING.matcher(plain).find() || GETTING.matcher(plain).find()) {
            return false;
        }
        // no phrase of lacking or getting one to leave out: every licence the text names is held, but for those of
        // someone else that the business checks
        Set<String> held = licences(CHECKED.matcher(plain).replaceAll("，"));
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
     * The character pairs of a licence and of its legal terms (驾照: 驾照, 机动车驾驶证), folded, without the
     * {@link #NAMELESS_PAIRS} (机动 of 机动车驾驶证 and 机动车行驶证).
     */
    private static Set<String> pairsWithTerms(String licence) {
        Set<String> out = new LinkedHashSet<>(pairs(licence));
        LayTerms.bundled().expand(licence).forEach(t -> out.addAll(pairs(t)));
        return out;
    }

    /** The pairs of neighbouring Chinese characters of a text, folded, without the {@link #NAMELESS_PAIRS}. */
    private static Set<String> pairs(String text) {
        String folded = ChineseScript.fold(text);
        Set<String> out = new LinkedHashSet<>();
        int[] cps = folded.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (han(cps[i]) && han(cps[i + 1])) {
                String pair = new String(cps, i, 2);
                if (!NAMELESS_PAIRS.contains(pair)) {
                    out.add(pair);
                }
            }
        }
        return out;
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
