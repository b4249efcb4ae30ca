package cn.gov.enforcement.portal.agency;

import java.util.Locale;
import java.util.Optional;

/** The fixed set of agency categories; written in lower case in files, URLs and JSON. */
public enum AgencyCategory {
    MARKET, URBAN, TRAFFIC, ENVIRONMENT, HRSS, OTHER;

    /** Lower-case code used in files, URLs, JSON and the index, e.g. {@code market}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The translation key of the category's label. */
    public String labelKey() {
        return "agency.category." + code();
    }

    public static Optional<AgencyCategory> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (AgencyCategory c : values()) {
            if (c.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
