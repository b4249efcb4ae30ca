package cn.gov.enforcement.portal.rating;

/** What the enforcement contact was about. */
public enum Matter {
    INSPECTION,
    PENALTY,
    LICENSING,
    MEDIATION,
    GUIDANCE,
    OTHER;

    public String messageKey() {
        return "rating.matter." + name();
    }
}
