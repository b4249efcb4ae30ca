package cn.gov.enforcement.portal.notification;

/**
 * Thrown by {@link Outbox#enqueue} when a mail cannot be accepted (for example an invalid
 * recipient address). The message is already translated into the mail's language and can be shown
 * to the person who entered the address; {@link #field()} names the offending part.
 */
public class InvalidMailException extends IllegalArgumentException {

    private final String field;

    public InvalidMailException(String field, String localizedMessage) {
        super(localizedMessage);
        this.field = field;
    }

    /** One of {@code dedupKey}, {@code to}, {@code subject}, {@code textBody}, {@code htmlBody}. */
    public String field() {
        return field;
    }
}
