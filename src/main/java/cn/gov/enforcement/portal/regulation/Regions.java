package cn.gov.enforcement.portal.regulation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of regions as the portal stores, filters and shows them: a province, autonomous region, municipality or
 * special administrative region by its full name (河南省, 北京市, 广西壮族自治区), whether a source wrote the short form
 * (the LawRefBook folder {@code DLC/河南地方法规/地方性法规/河南}) or the full one (a notice of 河南省人民政府), so that
 * one province is one value of the region filter.
 */
public final class Regions {

    /** The provincial-level divisions by full name. */
    static final List<String> PROVINCIAL = List.of(
            "北京市", "天津市", "上海市", "重庆市",
            "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省",
            "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省",
            "台湾省",
            "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
            "香港特别行政区", "澳门特别行政区");

    /** Full name by every form it is written in: short (河南, 广西), without the people's name (广西自治区), full. */
    private static final Map<String, String> FULL = new HashMap<>();

    static {
        for (String full : PROVINCIAL) {
            FULL.put(full, full);
            String shortName = full.replaceAll("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "");
            FULL.put(shortName, full);
            if (full.endsWith("自治区")) {
                FULL.put(shortName + "自治区", full);
            }
        }
    }

    private Regions() {}

    /**
     * The region as stored: a provincial-level division by its full name in Simplified characters; any other name
     * (a city, a county, {@link LegalDocument#NATIONAL}) stripped and otherwise as given; "" for null or blank.
     */
    public static String normalize(String region) {
        if (region == null || region.isBlank()) {
            return "";
        }
        String written = region.strip();
        String full = FULL.get(ChineseScript.toSimplified(written));
        return full != null ? full : written;
    }
}
