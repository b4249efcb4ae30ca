package cn.gov.enforcement.portal.mediation;

import java.time.LocalDate;

/**
 * The answer to a submission.
 *
 * @param caseNumber the case number, e.g. {@code TJ-2026-000123}
 * @param accessCode the access code in plain text, shown once; {@code null} when the submission was
 *     a resend of an earlier one ({@code duplicate}), whose code was shown and mailed then
 * @param duplicate true when the submission token had been used before
 * @param agencyId the agency that handles the case
 * @param acceptanceDue the last working day of the agency's decision whether to accept the case
 * @param mailed true when the application gave an e-mail address: the applicant hears of every step by mail
 */
public record SubmissionReceipt(String caseNumber, String accessCode, boolean duplicate, String agencyId,
        LocalDate acceptanceDue, boolean mailed) {}
