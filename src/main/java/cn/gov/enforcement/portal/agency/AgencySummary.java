package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.ReaderScript;
import java.util.Locale;

/**
 * One agency in a list or search result.
 *
 * @param name the official Chinese name
 * @param nameEn the English name; null when the agency file gives none
 * @param supervisionEmail the address for complaints about enforcement (执法监督)
 * @param mediationEmail the address of the office that handles administrative mediation; null when the agency file
 *     gives none (mail about mediation then goes to the supervision address, see {@link #mediationAddress()})
 */
public record AgencySummary(String id, String name, String nameEn, AgencyCategory category, String region,
        String address, String supervisionPhone, String supervisionEmail, String mediationEmail, String officeHours,
        boolean sample) {

    /** Where mail about mediation cases goes: the mediation address when the agency has one, else the supervision address. */
    public String mediationAddress() {
        return mediationEmail == null || mediationEmail.isBlank() ? supervisionEmail : mediationEmail;
    }

    /**
     * The name in a reader's language: the English name for English when there is one, else the Chinese name (in
     * Traditional characters for zh-TW).
     */
    public String displayName(Locale locale) {
        return showsEnglish(locale) ? nameEn : ReaderScript.forLocale(locale, name);
    }

    /** The name of the other language shown beside {@link #displayName}, if any: Chinese on English pages, else English. */
    public java.util.Optional<String> otherName(Locale locale) {
        if (showsEnglish(locale)) {
            return java.util.Optional.of(name);
        }
        return nameEn == null || nameEn.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(nameEn);
    }

    private boolean showsEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank();
    }
}
