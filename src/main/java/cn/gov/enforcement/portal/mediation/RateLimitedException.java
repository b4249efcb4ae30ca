package cn.gov.enforcement.portal.mediation;

import java.time.Duration;

/**
 * A client has used up one of its limits (applications, failed look-ups, evidence files, drafts); try again later.
 * The kind says which, so that the page can say what the limit is about.
 */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;
    private final MediationRateLimiter.Kind kind;

    public RateLimitedException(MediationRateLimiter.Kind kind, Duration retryAfter) {
        super("Too many " + kind + " events from this client; retry after " + retryAfter);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /** The limit that was reached. */
    public MediationRateLimiter.Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Minutes to wait, at least one. */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
