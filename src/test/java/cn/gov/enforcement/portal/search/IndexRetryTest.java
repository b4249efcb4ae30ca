package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

class IndexRetryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    record SomethingChanged(String what) {
    }

    private static TargetEventPublication publication(String listener, Duration age) {
        return TargetEventPublication.of(new SomethingChanged("x"), PublicationTargetIdentifier.of(listener),
                NOW.minus(age));
    }

    /** Records the publications the job hands back to the registry for resubmission. */
    private static final class Registry implements IncompleteEventPublications {

        final List<TargetEventPublication> incomplete;
        final List<EventPublication> resubmitted = new ArrayList<>();

        Registry(List<TargetEventPublication> incomplete) {
            this.incomplete = incomplete;
        }

        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
            incomplete.stream().filter(filter).forEach(resubmitted::add);
        }

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
            throw new AssertionError("every incomplete publication would be resubmitted, those of mails as well");
        }
    }

    @Test
    void only_the_index_listeners_publications_older_than_a_minute_are_resubmitted() {
        TargetEventPublication failedLists = publication(IndexRetry.LISTENER_ID_PREFIX + "lists", Duration.ofMinutes(3));
        TargetEventPublication failedAgencies = publication(IndexRetry.LISTENER_ID_PREFIX + "agencies",
                Duration.ofMinutes(1));
        TargetEventPublication running = publication(IndexRetry.LISTENER_ID_PREFIX + "lists", Duration.ofSeconds(20));
        TargetEventPublication mail = publication(
                "cn.gov.enforcement.portal.notification.internal.MailDispatcher.on(cn.gov.enforcement.portal.x.Y)",
                Duration.ofHours(2));
        Registry registry = new Registry(List.of(failedLists, failedAgencies, running, mail));

        List<String> resubmitted = new IndexRetry(registry, Clock.fixed(NOW, ZoneOffset.UTC)).resubmit(IndexRetry.MINIMUM_AGE);

        assertThat(registry.resubmitted).containsExactly(failedLists, failedAgencies);
        assertThat(resubmitted).containsExactly("search-index:lists", "search-index:agencies");
    }

    @Test
    void the_scheduled_run_leaves_a_registry_without_index_rebuilds_alone() {
        Registry registry = new Registry(List.of(publication("other.Listener.on(x.Y)", Duration.ofDays(1))));

        new IndexRetry(registry, Clock.fixed(NOW, ZoneOffset.UTC)).retry();

        assertThat(registry.resubmitted).isEmpty();
    }

    @Test
    void a_resubmitted_rebuild_is_not_queued_again_while_it_may_still_wait_but_after_half_an_hour() {
        TargetEventPublication failed = publication(IndexRetry.LISTENER_ID_PREFIX + "lists", Duration.ofMinutes(10));
        Registry registry = new Registry(List.of(failed));
        cn.gov.enforcement.portal.testsupport.MutableClock clock = new cn.gov.enforcement.portal.testsupport.MutableClock(NOW);
        IndexRetry retry = new IndexRetry(registry, clock);

        retry.resubmit(IndexRetry.MINIMUM_AGE);
        clock.advance(Duration.ofMinutes(5));
        retry.resubmit(IndexRetry.MINIMUM_AGE);
        clock.advance(Duration.ofMinutes(20));
        retry.resubmit(IndexRetry.MINIMUM_AGE);
        assertThat(registry.resubmitted).as("once in the first half hour").containsExactly(failed);

        clock.advance(Duration.ofMinutes(6));
        retry.resubmit(IndexRetry.MINIMUM_AGE);
        assertThat(registry.resubmitted).containsExactly(failed, failed);
    }
}
