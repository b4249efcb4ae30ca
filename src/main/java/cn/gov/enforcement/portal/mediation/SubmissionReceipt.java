package cn.gov.enforcement.portal.mediation;

/**
 * The answer to a submission.
 *
 * @param caseNumber the case number, e.g. {@code TJ-2026-000123}
 * @param accessCode the access code in plain text, shown once; {@code null} when the submission was
 *     a resend of an earlier one ({@code duplicate}), whose code was shown and mailed then
 * @param duplicate true when the submission token had been used before
 */
public record SubmissionReceipt(String caseNumber, String accessCode, boolean duplicate) {}
