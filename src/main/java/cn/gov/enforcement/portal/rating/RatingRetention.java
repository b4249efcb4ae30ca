package cn.gov.enforcement.portal.rating;

import cn.gov.enforcement.portal.rating.internal.RatingRepository;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day (03:40 in China) erases the name, phone number and e-mail address of every rating given
 * more than {@link #CONTACT_DAYS} days ago, unless it still waits for its follow-up. The rating itself
 * (agency, date, matter, level, comments, follow-up) stays for the figures.
 */
@Component
public class RatingRetention {

    /** Days the contact details of a rating are kept. */
    public static final int CONTACT_DAYS = 365;

    private static final Logger LOG = LoggerFactory.getLogger(RatingRetention.class);

    private final RatingRepository repository;
    private final Clock clock;
    private final TransactionTemplate tx;

    RatingRetention(RatingRepository repository, Clock clock, TransactionTemplate tx) {
        this.repository = repository;
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
        Integer erased = tx.execute(status -> repository.eraseContactsBefore(
                clock.instant().minus(Duration.ofDays(CONTACT_DAYS))));
        return erased == null ? 0 : erased;
    }
}
