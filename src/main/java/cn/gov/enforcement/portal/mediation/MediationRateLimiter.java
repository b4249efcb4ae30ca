package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Per-client (IP address) limits on submissions, on failed look-ups with a case number and
 * access code, on evidence files and on drafts, and per case on the applicant's messages, in a sliding window
 * ({@code portal.mediation.rate-window}); an event stops counting one window after it. Kept in memory: a restart
 * clears the counters, which is acceptable for a throttle. A {@code null} client means a trusted caller inside the
 * application and is not limited.
 *
 * <p>A caller takes its slot before it acts ({@link #reserve(Kind, String)}: checked and counted in one step, so that
 * concurrent requests of one client cannot pass a limit together) and gives it back when what it counted did not
 * happen (an input refused, a rollback, a look-up that found the case).
 */
@Component
public class MediationRateLimiter {

    public enum Kind {
        SUBMISSION,
        CODE_GUESS,
        /** An evidence file stored for an application not yet submitted. */
        UPLOAD,
        /** A draft saved. */
        DRAFT,
        /**
         * A message of the applicant on the tracking page, counted per case (the key is the case number, not the
         * client): each one mails the agency and the mediator, and whoever has the number and code may write.
         */
        MESSAGE
    }

    /** Drafts one client may save per window (a form saved every few minutes for an hour stays well below). */
    static final int DRAFTS_PER_WINDOW = 30;

    private final SlidingWindowLimiter submissions;
    private final SlidingWindowLimiter codeGuesses;
    private final SlidingWindowLimiter uploads;
    private final SlidingWindowLimiter drafts;
    private final SlidingWindowLimiter messages;

    MediationRateLimiter(Clock clock, MediationSettings settings) {
        this.submissions = new SlidingWindowLimiter(settings.submissionsPerWindow(), settings.rateWindow(), clock,
                SlidingWindowLimiter.Boundary.EXCLUSIVE);
        this.codeGuesses = new SlidingWindowLimiter(settings.codeGuessesPerWindow(), settings.rateWindow(), clock,
                SlidingWindowLimiter.Boundary.EXCLUSIVE);
        // three applications' worth of evidence per window: a page load starts a new application, so the files per
        // application alone do not bound what one client writes to the disk
        this.uploads = new SlidingWindowLimiter(uploadsPerWindow(settings), settings.rateWindow(), clock,
                SlidingWindowLimiter.Boundary.EXCLUSIVE);
        this.drafts = new SlidingWindowLimiter(DRAFTS_PER_WINDOW, settings.rateWindow(), clock,
                SlidingWindowLimiter.Boundary.EXCLUSIVE);
        this.messages = new SlidingWindowLimiter(settings.messagesPerWindow(), settings.rateWindow(), clock,
                SlidingWindowLimiter.Boundary.EXCLUSIVE);
    }

    /** Evidence files one client may store per window: three applications' worth. */
    static int uploadsPerWindow(MediationSettings settings) {
        return 3 * settings.evidenceMaxFiles();
    }

    /**
     * Takes one event of this kind for the client (the case number for {@link Kind#MESSAGE}) now, checked and counted
     * in one step; the caller gives it back with {@link SlidingWindowLimiter.Reservation#release()} when the event
     * should not count after all.
     *
     * @throws RateLimitedException when the client has used up the limit of this kind (nothing is counted then)
     */
    public SlidingWindowLimiter.Reservation reserve(Kind kind, String key) {
        SlidingWindowLimiter.Reservation slot = limiter(kind).reserve(key);
        if (!slot.granted()) {
            throw new RateLimitedException(kind, slot.retryAfter());
        }
        return slot;
    }

    /** Forgets every counter (for tests and after a configuration change). */
    public void reset() {
        submissions.clear();
        codeGuesses.clear();
        uploads.clear();
        drafts.clear();
        messages.clear();
    }

    private SlidingWindowLimiter limiter(Kind kind) {
        return switch (kind) {
            case SUBMISSION -> submissions;
            case CODE_GUESS -> codeGuesses;
            case UPLOAD -> uploads;
            case DRAFT -> drafts;
            case MESSAGE -> messages;
        };
    }
}
