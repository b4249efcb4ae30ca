package cn.gov.enforcement.portal.agency;

import java.util.Locale;

/**
 * The answer to a certificate check.
 *
 * @param outcome what the portal found
 * @param certificate the normalized number that was looked up (the input as typed when it was invalid)
 * @param agencyId the agency that issued it (null unless valid or revoked)
 * @param agency that agency (null unless valid or revoked)
 * @param officer the officer's name, partly masked (张*丰)
 * @param supervisionPhone the agency's supervision phone
 * @param problemKey translation key that explains an invalid input or throttling (null otherwise)
 * @param retryAfterSeconds when throttled, the whole seconds until the client may check again (0 otherwise)
 */
public record CertificateAnswer(Outcome outcome, String certificate, String agencyId, AgencySummary agency,
        String officer, String supervisionPhone, String problemKey, long retryAfterSeconds) {

    public enum Outcome { VALID, REVOKED, UNKNOWN, INVALID_INPUT, THROTTLED }

    static CertificateAnswer invalid(String input, String key) {
        return new CertificateAnswer(Outcome.INVALID_INPUT, input, null, null, null, null, key, 0);
    }

    static CertificateAnswer throttled(String input, long retryAfterSeconds) {
        return new CertificateAnswer(Outcome.THROTTLED, input, null, null, null, null,
                "agency.certificate.error.throttled", retryAfterSeconds);
    }

    /** The argument of {@link #problemKey()}'s text: the longest input, or the seconds to wait. */
    public long problemArgument() {
        return outcome == Outcome.THROTTLED ? retryAfterSeconds : Certificates.MAX_INPUT;
    }

    /** The official Chinese name of the agency (null unless valid or revoked). */
    public String agencyName() {
        return agency == null ? null : agency.name();
    }

    /** The agency's name in a reader's language (see {@link AgencySummary#displayName}). */
    public String agencyName(Locale locale) {
        return agency == null ? null : agency.displayName(locale);
    }
}
