package cn.gov.enforcement.portal.guidance;

/** What the party answers to a guidance. */
public enum PartyReply {
    /** Read; the party will act on the advice. */
    WILL_FOLLOW,
    /** The party has done what was advised. */
    DONE,
    /** The party has a question or disagrees (a note is required). */
    QUESTION;

    public String messageKey() {
        return "guidance.reply." + name();
    }

    public boolean needsNote() {
        return this == QUESTION;
    }
}
