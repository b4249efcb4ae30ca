package cn.gov.enforcement.portal.rating;

import java.time.LocalDate;

/**
 * A rating as typed in the form (any field may be null or blank; {@link RatingService#submit} checks them).
 *
 * @param agencyId the agency the contact was with
 * @param certificate the officer's certificate number, optional
 * @param contactDate the day of the contact
 * @param wantsReply whether the person wants the agency to contact them (then a phone or e-mail is needed)
 * @param submissionToken made once for each rendering of the form: the same form sent twice stores one rating; null
 *     for a caller that sends each rating once
 */
public record RatingInput(String agencyId, String certificate, LocalDate contactDate, Matter matter, Score score,
        String comment, boolean wantsReply, String contactName, String contactPhone, String contactEmail,
        String submissionToken) {

    /** A rating without a submission token, from a caller that sends each rating once. */
    @SuppressWarnings("java:S107") // one component each, as the form has them
    public RatingInput(String agencyId, String certificate, LocalDate contactDate, Matter matter, Score score,
            String comment, boolean wantsReply, String contactName, String contactPhone, String contactEmail) {
        this(agencyId, certificate, contactDate, matter, score, comment, wantsReply, contactName, contactPhone,
                contactEmail, null);
    }
}
