package cn.gov.enforcement.portal.account;

import java.util.List;

/**
 * What the account module needs to know about agencies, implemented by the agency module (so the
 * dependency points from agency to account, never back).
 */
public interface AgencyCatalog {

    boolean exists(String agencyId);

    /** Every agency, for choosing the agency a staff member belongs to. */
    List<AgencyRef> all();

    /** An agency's id and names; {@code nameEn} may be null. */
    record AgencyRef(String id, String name, String nameEn) {

        /** The name for a reader: English for English when there is one, Traditional characters for zh-TW. */
        public String displayName(java.util.Locale locale) {
            if (locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank()) {
                return nameEn;
            }
            return cn.gov.enforcement.portal.platform.ReaderScript.forLocale(locale, name);
        }
    }
}
