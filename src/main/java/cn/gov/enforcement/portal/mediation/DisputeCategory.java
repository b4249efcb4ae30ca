package cn.gov.enforcement.portal.mediation;

/**
 * The disputes administrative mediation can settle (seed 000 Art. 13). The translation key of a
 * category is {@code mediation.category.<CODE>}.
 */
public enum DisputeCategory {
    STUDENT_INJURY,
    PUBLIC_ORDER,
    TRAFFIC_ACCIDENT,
    LAND_OWNERSHIP,
    FOREST_LAND_OWNERSHIP,
    LABOUR,
    CONSUMER,
    OTHER_ADMINISTRATIVE;

    public String messageKey() {
        return "mediation.category." + name();
    }
}
