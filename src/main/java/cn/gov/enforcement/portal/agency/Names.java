package cn.gov.enforcement.portal.agency;

/** Partly masks people's names for the public: 张晓丰 → 张*丰, 李敏 → 李*, 欧阳明轩 → 欧**轩. */
public final class Names {

    private Names() {}

    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        int[] cps = trimmed.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }
}
