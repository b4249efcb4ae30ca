package cn.gov.enforcement.portal.rating;

import cn.gov.enforcement.portal.rating.internal.Rating;
import cn.gov.enforcement.portal.rating.internal.RatingEvent;
import cn.gov.enforcement.portal.rating.internal.RatingEventRepository;
import cn.gov.enforcement.portal.rating.internal.RatingRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day (03:40 in China) erases the name, phone number and e-mail address of every rating given
 * more than {@link #CONTACT_DAYS} days ago, unless it still waits for its follow-up. The rating itself
 * (agency, date, matter, level, comments, follow-up) stays for the figures. Each erasure is written to the rating's
 * history of contact changes ({@link ContactChange.Kind#EXPIRED}, by {@link #BY}) in the same transaction, so that the
 * staff page says why the details are gone; a thousand ratings per transaction.
 */
@Component
public class RatingRetention {

    /** Days the contact details of a rating are kept. */
    public static final int CONTACT_DAYS = 365;

    /** Who the history names for an erasure at the end of the keeping period: the portal itself, not a person. */
    public static final String BY = "portal";

    private static final int BATCH = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RatingRetention.class);

    private final RatingRepository repository;
    private final RatingEventRepository events;
    private final Clock clock;
    private final TransactionTemplate tx;

    RatingRetention(RatingRepository repository, RatingEventRepository events, Clock clock, TransactionTemplate tx) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.tx = tx;
    }

    @Scheduled(cron = "${portal.rating.purge-cron:0 40 3 * * *}", zone = "Asia/Shanghai")
    public void scheduledErase() {
        int erased = eraseOldContacts();
        if (erased > 0) {
            LOG.info("Rating retention: contact details of {} ratings erased", erased);
        }
    }

    /** Erases what is past its time as of the clock's now; returns how many ratings were changed. */
    public int eraseOldContacts() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(CONTACT_DAYS));
        int total = 0;
        while (true) {
            Integer erased = tx.execute(status -> {
                List<Rating> due = repository.findContactsToEraseBefore(cutoff, PageRequest.of(0, BATCH));
                for (Rating r : due) {
                    List<String> fields = RatingService.contactFieldsHeld(r);
                    r.replaceContact(null, null, null);
                    events.save(new RatingEvent(r.getId(), now, BY, ContactChange.Kind.EXPIRED.name(),
                            String.join(",", fields)));
                }
                return due.size();
            });
            total += erased == null ? 0 : erased;
            if (erased == null || erased < BATCH) {
                return total;
            }
        }
    }
}
