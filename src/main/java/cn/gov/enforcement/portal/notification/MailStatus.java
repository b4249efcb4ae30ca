package cn.gov.enforcement.portal.notification;

/** Where an outbox message stands. */
public enum MailStatus {
    /** Waiting to be sent (also the state of every mail while no SMTP server is configured). */
    PENDING,
    /** Claimed by a dispatcher that is handing it to the SMTP server right now. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Rejected permanently (SMTP 5xx) or still failing after the maximum number of attempts. */
    FAILED,
    /**
     * The dispatcher claimed it but never recorded the outcome within the lease (crash, lost
     * database connection): it may or may not have been delivered. Never resent automatically; an
     * administrator decides.
     */
    FAILED_UNKNOWN;

    /** True when an administrator may put the message back into the queue. */
    public boolean retryable() {
        return this == FAILED || this == FAILED_UNKNOWN;
    }
}
