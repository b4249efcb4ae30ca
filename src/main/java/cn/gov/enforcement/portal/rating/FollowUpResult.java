package cn.gov.enforcement.portal.rating;

/** What the agency's follow-up of a bad rating found. */
public enum FollowUpResult {
    /** The problem was real and has been put right. */
    CORRECTED,
    /** The officers' conduct was in order; it was explained to the person. */
    EXPLAINED,
    /** The person could not be reached; the facts were checked from the records. */
    NOT_REACHED,
    /** The rating concerned another agency or no enforcement contact; the person was told where to turn. */
    NOT_CONCERNED;

    public String messageKey() {
        return "rating.result." + name();
    }
}
