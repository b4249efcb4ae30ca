package cn.gov.enforcement.portal.rating;

import java.time.LocalDate;

/**
 * What the person learns after rating: the reference, for a bad rating the day by which the agency follows it up
 * (null otherwise), and how they hear of the result.
 */
public record RatingReceipt(String reference, Score score, LocalDate followUpDue, Reply reply)
        implements java.io.Serializable {

    /** How the person hears of the result of the follow-up. */
    public enum Reply {
        /** By mail: they asked for a reply and gave an e-mail address (a bad rating). */
        MAIL,
        /** By phone: they asked for a reply and gave a phone number but no e-mail address (a bad rating). */
        PHONE,
        /** Not at all: a good rating, no reply asked for, or no way to reach them; the reference is for their records. */
        NONE
    }

    /** How the giver of a rating hears back, following {@link RatingService}'s mails and the agency's call-back. */
    static Reply replyFor(boolean bad, boolean wantsReply, String phone, String email) {
        // only who asked to be told the result is contacted; a number given without asking is not called
        if (!bad || !wantsReply) {
            return Reply.NONE;
        }
        if (email != null) {
            return Reply.MAIL;
        }
        return phone != null ? Reply.PHONE : Reply.NONE;
    }
}
