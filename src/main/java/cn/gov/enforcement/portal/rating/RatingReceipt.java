package cn.gov.enforcement.portal.rating;

import java.time.LocalDate;

/**
 * What the person learns after rating: the reference and, for a bad rating, the day by which the agency
 * follows it up (null otherwise).
 */
public record RatingReceipt(String reference, Score score, LocalDate followUpDue) {}
