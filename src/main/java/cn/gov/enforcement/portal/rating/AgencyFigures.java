package cn.gov.enforcement.portal.rating;

/**
 * How one agency was rated in the last {@link RatingService#FIGURES_DAYS} days.
 *
 * @param good ratings of 基本满意 or better
 * @param bad ratings of 不满意 or 非常不满意
 * @param followedUp bad ratings the agency has followed up
 */
public record AgencyFigures(String agencyId, long total, long good, long bad, long followedUp) {

    /** Share of good ratings in percent, rounded. */
    public long goodPercent() {
        return total == 0 ? 0 : Math.round(100.0 * good / total);
    }

    /** Share of bad ratings followed up, in percent, rounded; 100 when there was none. */
    public long followedUpPercent() {
        return bad == 0 ? 100 : Math.round(100.0 * followedUp / bad);
    }
}
