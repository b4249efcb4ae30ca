package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Per-client (IP address) limits on submissions and on failed look-ups with a case number and
 * access code, in a sliding window ({@code portal.mediation.rate-window}); an event stops counting
 * one window after it. Kept in memory: a restart clears the counters, which is acceptable for a
 * throttle. A {@code null} client means a trusted caller inside the application and is not limited.
 */
@Component
public class MediationRateLimiter {

    public enum Kind {
        SUBMISSION,
        CODE_GUESS
    }

    private final SlidingWindowLimiter submissions;
    private final SlidingWindowLimiter codeGuesses;

    MediationRateLimiter(Clock clock, MediationSettings settings) {
        this.submissions = new SlidingWindowLimiter(settings.submissionsPerWindow(), settings.rateWindow(), clock,
                SlidingWindowLimiter.Boundary.EXCLUSIVE);
        this.codeGuesses = new SlidingWindowLimiter(settings.codeGuessesPerWindow(), settings.rateWindow(), clock,
                SlidingWindowLimiter.Boundary.EXCLUSIVE);
    }

    /** @throws RateLimitedException when the client has used up the limit of this kind */
    public void check(Kind kind, String client) {
        Duration wait = limiter(kind).retryAfter(client);
        if (!wait.isZero()) {
            throw new RateLimitedException(wait);
        }
    }

    /** Counts one event of this kind for the client. */
    public void record(Kind kind, String client) {
        limiter(kind).record(client);
    }

    /** Forgets every counter (for tests and after a configuration change). */
    public void reset() {
        submissions.clear();
        codeGuesses.clear();
    }

    private SlidingWindowLimiter limiter(Kind kind) {
        return kind == Kind.SUBMISSION ? submissions : codeGuesses;
    }
}
