package cn.gov.enforcement.portal.regulation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which kind of vehicle a text names: a motor vehicle (开车, 汽车, 货车, 机动车, 驾驶证 …) or a non-motor vehicle (电动车,
 * 电动自行车, 自行车, 骑车, 三轮车 …). A question about one kind is not answered by a list entry or an article about the
 * other only: 我开车闯红灯了 by the e-bike's red-light risk or 道路交通安全法 第八十九条 (非机动车驾驶人), 骑电动车闯红灯 by
 * 第九十条 (机动车驾驶人); both share 闯红灯, 道路通行规定 and 罚款. The self-check assistant leaves such sources out, and
 * the self-check names no exemption item of the other kind for a risk point; a text naming neither kind, or both, keeps
 * everything. No language model decides this; the words are:
 *
 * <ul>
 * <li>{@link #NON_MOTOR}, read first and then taken out, so that the 机动车 of 非机动车 and the 自行车 of 电动自行车 count
 * once, for their own kind;</li>
 * <li>{@link #MOTOR}, read in what is left;</li>
 * <li>a lane (机动车道, 非机动车道) names no vehicle: it is where one rides (an e-bike rider 在机动车道行驶 breaks the
 * non-motor rules), so lanes are taken out first.</li>
 * </ul>
 * Known limits: 电动车 is read as an e-bike, its everyday meaning (an electric motorcycle, 电动摩托车, is a motor vehicle and
 * read as one); a motor tricycle (机动三轮车) reads as a tricycle; a vehicle named otherwise (车, 车子, 车辆) is of neither kind.
 */
public final class VehicleKinds {

    /** The two kinds of vehicle the road traffic law tells apart (机动车, 非机动车). */
    public enum Kind { MOTOR, NON_MOTOR }

    /** Words naming a non-motor vehicle or riding one. */
    static final List<String> NON_MOTOR = List.of("非机动车", "电动自行车", "自行车", "电动车", "电瓶车", "单车", "骑车",
            "三轮车");

    /** Words naming a motor vehicle, driving one or its driving licence. */
    static final List<String> MOTOR = List.of("机动车", "汽车", "小车", "轿车", "货车", "客车", "摩托车", "开车", "驾车",
            "驾驶证", "驾照");

    /** Lanes: places, not vehicles. */
    private static final Pattern LANES = Pattern.compile("非?机动车道");

    private VehicleKinds() {
    }

    /** The kinds of vehicle a text names (Traditional characters are read as Simplified); empty for none. */
    public static Set<Kind> named(String text) {
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        if (text == null || text.isEmpty()) {
            return out;
        }
        String rest = LANES.matcher(ChineseScript.toSimplified(text)).replaceAll(" ");
        for (String word : NON_MOTOR) {
            if (rest.contains(word)) {
                out.add(Kind.NON_MOTOR);
                rest = rest.replace(word, " ");
            }
        }
        if (MOTOR.stream().anyMatch(rest::contains)) {
            out.add(Kind.MOTOR);
        }
        return out;
    }

    /**
     * The kinds of vehicle a question names, its everyday words' legal terms ({@link LayTerms}) read alike: 酒驾 stands
     * for 饮酒后驾驶机动车.
     */
    public static Set<Kind> ofQuestion(String question) {
        String simplified = ChineseScript.toSimplified(question == null ? "" : question);
        return named(simplified + " " + String.join(" ", LayTerms.bundled().expand(simplified)));
    }

    /**
     * Whether a text is about the other kind of vehicle only: the question names one kind (or, for a risk point, the
     * risk names one), and the text names a kind, none of them the question's.
     */
    public static boolean otherKindOnly(Set<Kind> question, String text) {
        if (question.isEmpty()) {
            return false;
        }
        Set<Kind> named = named(text);
        return !named.isEmpty() && named.stream().noneMatch(question::contains);
    }
}
