package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.ReaderScript;
import java.util.Locale;

/**
 * One agency in a list or search result.
 *
 * @param name the official Chinese name
 * @param nameEn the English name; null when the agency file gives none
 * @param addressEn the address in English; null when the agency file gives none
 * @param officeHoursEn the office hours in English; null when the agency file gives none
 * @param supervisionEmail the address for complaints about enforcement (执法监督)
 * @param mediationEmail the address of the office that handles administrative mediation; null when the agency file
 *     gives none (mail about mediation then goes to the supervision address, see {@link #mediationAddress()})
 */
public record AgencySummary(String id, String name, String nameEn, AgencyCategory category, String region,
        String address, String addressEn, String supervisionPhone, String supervisionEmail, String mediationEmail,
        String officeHours, String officeHoursEn, boolean sample) {

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

    /**
     * The address in a reader's language: the English address for English when there is one, else the Chinese
     * address (in Traditional characters for zh-TW).
     */
    public String displayAddress(Locale locale) {
        return inLanguage(locale, address, addressEn);
    }

    /** The office hours in a reader's language, as {@link #displayAddress}. */
    public String displayOfficeHours(Locale locale) {
        return inLanguage(locale, officeHours, officeHoursEn);
    }

    private boolean showsEnglish(Locale locale) {
        return english(locale) && nameEn != null && !nameEn.isBlank();
    }

    private static String inLanguage(Locale locale, String chinese, String english) {
        return english(locale) && english != null && !english.isBlank() ? english
                : ReaderScript.forLocale(locale, chinese);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
