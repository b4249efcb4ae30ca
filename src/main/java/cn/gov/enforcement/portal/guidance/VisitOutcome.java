package cn.gov.enforcement.portal.guidance;

/** What the agency found on its return visit after a guidance. */
public enum VisitOutcome {
    /** The party has put the matter right. */
    CORRECTED,
    /** The party is still putting it right. */
    IN_PROGRESS,
    /** The party has not acted; the agency decides on further steps under the law. */
    NOT_CORRECTED,
    /** Nothing needed correcting. */
    NOTHING_TO_CORRECT;

    public String messageKey() {
        return "guidance.visit." + name();
    }
}
