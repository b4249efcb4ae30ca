package cn.gov.enforcement.portal.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again the index rebuilds that failed, such as those of changes made while the search node was down: every few
 * minutes ({@code portal.search.index-retry-cron}, default every five minutes, {@code -} switches it off) it resubmits
 * the incomplete event publications of the index listeners that are older than a minute (younger ones may still run
 * or wait for their turn), each at most once in half an hour (a resubmitted rebuild may itself wait a while).
 * Without it they would run again only at the portal's next start.
 *
 * <p>Only the listeners whose id starts with {@link #LISTENER_ID_PREFIX} are resubmitted: their work (a rebuild of
 * an index from the database) may run twice without harm. The listeners of other modules, whose side effects such as
 * mails must not repeat, are left alone.
 */
@Component
public class IndexRetry {

    /**
     * The start of the listener id of every event listener that keeps an index in step with the database, given as
     * the {@code id} of its {@code TransactionalEventListener}; this job resubmits their failed publications.
     */
    public static final String LISTENER_ID_PREFIX = "search-index:";

    /** How old an incomplete publication must be to be resubmitted: younger ones may still be running. */
    static final Duration MINIMUM_AGE = Duration.ofMinutes(1);

    /**
     * How long a resubmitted publication is left alone: the registry hands back every incomplete one, also one whose
     * resubmitted rebuild still waits for its turn or for a slow node, and each hand-back queues one more rebuild.
     */
    static final Duration RESUBMIT_AGAIN_AFTER = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(IndexRetry.class);

    /** The publications resubmitted within {@link #RESUBMIT_AGAIN_AFTER}, with the time of their resubmission. */
    private final Map<UUID, Instant> resubmittedAt = new ConcurrentHashMap<>();

    private final IncompleteEventPublications publications;
    private final Clock clock;

    IndexRetry(IncompleteEventPublications publications, Clock clock) {
        this.publications = publications;
        this.clock = clock;
    }

    @Scheduled(cron = "${portal.search.index-retry-cron:0 */5 * * * *}")
    void retry() {
        resubmit(MINIMUM_AGE);
    }

    /**
     * Resubmits the incomplete publications of the index listeners published at least {@code minimumAge} ago and
     * logs each; they run again in the background.
     *
     * @return the listener ids of the publications resubmitted, one per publication
     */
    public List<String> resubmit(Duration minimumAge) {
        List<String> resubmitted = new ArrayList<>();
        Instant now = clock.instant();
        Instant before = now.minus(minimumAge);
        resubmittedAt.values().removeIf(at -> !at.isAfter(now.minus(RESUBMIT_AGAIN_AFTER)));
        Predicate<EventPublication> due = indexListenerPublishedBefore(before);
        publications.resubmitIncompletePublications(publication -> {
            if (!due.test(publication) || resubmittedAt.putIfAbsent(publication.getIdentifier(), now) != null) {
                return false;
            }
            String listener = listenerId(publication);
            log.info("Running again the index rebuild {} of {} (published {}, not completed)", listener,
                    publication.getEvent().getClass().getSimpleName(), publication.getPublicationDate());
            resubmitted.add(listener);
            return true;
        });
        return resubmitted;
    }

    /** True for a publication of an index listener published at or before {@code before}. */
    static Predicate<EventPublication> indexListenerPublishedBefore(Instant before) {
        return publication -> {
            String listener = listenerId(publication);
            return listener != null && listener.startsWith(LISTENER_ID_PREFIX)
                    && !publication.getPublicationDate().isAfter(before);
        };
    }

    private static String listenerId(EventPublication publication) {
        return publication instanceof TargetEventPublication target ? target.getTargetIdentifier().getValue() : null;
    }
}
