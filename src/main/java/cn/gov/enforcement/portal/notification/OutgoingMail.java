package cn.gov.enforcement.portal.notification;

import java.util.Locale;

/**
 * A mail to be sent, as handed to {@link Outbox#enqueue(OutgoingMail)}. Validation happens in
 * {@link Outbox#enqueue} (with a message in the mail's language), not here.
 *
 * @param dedupKey unique per logical mail (for example {@code "mediation-ack:" + caseId}); enqueuing
 *     the same key again keeps the first mail; at most 200 characters
 * @param to one plain recipient address such as {@code zhang@example.cn} (no display name, no list)
 * @param subject one line, at most 500 characters
 * @param textBody the plain-text body (always required, it is what every mail client can show)
 * @param htmlBody an optional HTML alternative, may be {@code null}
 * @param locale the recipient's language (informational; recorded as Content-Language); {@code null}
 *     means zh-CN
 */
public record OutgoingMail(String dedupKey, String to, String subject, String textBody, String htmlBody, Locale locale) {

    /** A plain-text mail. */
    public static OutgoingMail text(String dedupKey, String to, String subject, String textBody, Locale locale) {
        return new OutgoingMail(dedupKey, to, subject, textBody, null, locale);
    }
}
