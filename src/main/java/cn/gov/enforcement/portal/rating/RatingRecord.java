package cn.gov.enforcement.portal.rating;

import java.time.Instant;
import java.time.LocalDate;

/** A rating as the agency's officers see it, with the contact details the person gave. */
public record RatingRecord(String reference, String agencyId, String certificate, LocalDate contactDate, Matter matter,
        Score score, String comment, boolean wantsReply, String contactName, String contactPhone, String contactEmail,
        Instant submittedAt, RatingStatus status, LocalDate followUpDue, String followedUpBy, Instant followedUpAt,
        FollowUpResult result, String note, boolean overdue) {}
