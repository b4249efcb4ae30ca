package cn.gov.enforcement.portal.rating;

/** Where a rating stands: a good one is only recorded, a bad one waits for the agency's follow-up. */
public enum RatingStatus {
    RECORDED,
    AWAITING_FOLLOW_UP,
    FOLLOWED_UP;

    public String messageKey() {
        return "rating.status." + name();
    }
}
