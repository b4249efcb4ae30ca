package cn.gov.enforcement.portal.mediation;

import java.time.Instant;

/**
 * A message of a case as shown to the applicant or the officer.
 *
 * @param fromApplicant true for a message the applicant wrote, false for one of the agency
 * @param author the officer's user name for the agency's messages (shown to staff only)
 */
public record CaseMessageView(boolean fromApplicant, String author, String body, Instant sentAt) {}
