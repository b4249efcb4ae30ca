package cn.gov.enforcement.portal.rating;

import java.time.LocalDate;

/**
 * A rating as typed in the form (any field may be null or blank; {@link RatingService#submit} checks them).
 *
 * @param agencyId the agency the contact was with
 * @param certificate the officer's certificate number, optional
 * @param contactDate the day of the contact
 * @param wantsReply whether the person wants the agency to contact them (then a phone or e-mail is needed)
 */
public record RatingInput(String agencyId, String certificate, LocalDate contactDate, Matter matter, Score score,
        String comment, boolean wantsReply, String contactName, String contactPhone, String contactEmail) {}
