package cn.gov.enforcement.portal.agency;

import java.util.Locale;

/** Whether an officer's enforcement certificate is in force. */
public enum OfficerStatus {
    VALID, REVOKED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "agency.status." + code();
    }
}
