package cn.gov.enforcement.portal.rating;

import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.notification.Outbox;
import cn.gov.enforcement.portal.notification.OutgoingMail;
import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.rating.internal.Rating;
import cn.gov.enforcement.portal.rating.internal.RatingRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day (08:00 in China by default, {@code portal.rating.reminder-cron}) reminds each agency by mail of its
 * bad ratings still waiting for their follow-up that are overdue or due within {@link #DAYS_AHEAD} day: one mail
 * per agency and day to its supervision address, in Chinese, listing reference, matter, level and deadline (no
 * comments, no contact details) and linking to the officers' list. Agencies with nothing due, and agencies without
 * a usable address, get none.
 */
@Component
public class RatingReminders {

    /** Ratings due within this many days (and all overdue ones) are named in the reminder. */
    public static final int DAYS_AHEAD = 1;

    private static final Logger LOG = LoggerFactory.getLogger(RatingReminders.class);

    private final RatingRepository repository;
    private final AgencyDirectory agencies;
    private final Outbox outbox;
    private final Translations translations;
    private final PortalSettings portal;
    private final Clock clock;
    private final TransactionTemplate tx;

    RatingReminders(RatingRepository repository, AgencyDirectory agencies, Outbox outbox, Translations translations,
            PortalSettings portal, Clock clock, TransactionTemplate tx) {
        this.repository = repository;
        this.agencies = agencies;
        this.outbox = outbox;
        this.translations = translations;
        this.portal = portal;
        this.clock = clock;
        this.tx = tx;
    }

    @Scheduled(cron = "${portal.rating.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    public void scheduledRemind() {
        int reminded = remind();
        if (reminded > 0) {
            LOG.info("Rating reminders: {} agencies reminded of follow-ups due", reminded);
        }
    }

    /**
     * Puts today's reminders into the outbox, in one transaction; a second run on the same day adds nothing (the
     * mails' dedup keys name agency and day). Returns how many agencies have a reminder for today.
     */
    public int remind() {
        LocalDate today = LocalDate.now(clock.withZone(RatingService.ZONE));
        Integer reminded = tx.execute(status -> {
            Map<String, List<Rating>> byAgency = new LinkedHashMap<>();
            for (Rating r : repository.findByStatusAndFollowUpDueLessThanEqualOrderByAgencyIdAscFollowUpDueAscReferenceAsc(
                    RatingStatus.AWAITING_FOLLOW_UP.name(), today.plusDays(DAYS_AHEAD))) {
                byAgency.computeIfAbsent(r.getAgencyId(), a -> new java.util.ArrayList<>()).add(r);
            }
            int count = 0;
            for (Map.Entry<String, List<Rating>> due : byAgency.entrySet()) {
                Optional<String> to = agencies.find(due.getKey()).map(d -> d.summary())
                        .map(AgencySummary::supervisionEmail).filter(Outbox::isValidAddress);
                if (to.isEmpty()) {
                    LOG.warn("Rating reminders: agency {} has no usable supervision e-mail; {} follow-ups due",
                            due.getKey(), due.getValue().size());
                    continue;
                }
                outbox.enqueue(mail(due.getKey(), to.get().strip(), due.getValue(), today));
                count++;
            }
            return count;
        });
        return reminded == null ? 0 : reminded;
    }

    private OutgoingMail mail(String agencyId, String to, List<Rating> due, LocalDate today) {
        Locale zh = Translations.ZH_CN;
        long overdue = due.stream().filter(r -> r.getFollowUpDue().isBefore(today)).count();
        StringBuilder lines = new StringBuilder();
        for (Rating r : due) {
            String line = r.getFollowUpDue().isBefore(today) ? "rating.mail.reminder.lineOverdue"
                    : "rating.mail.reminder.line";
            lines.append(translations.get(zh, line, r.getReference(),
                    translations.get(zh, Matter.valueOf(r.getMatter()).messageKey()),
                    translations.get(zh, Score.of(r.getScore()).messageKey()), r.getFollowUpDue().toString()))
                    .append('\n');
        }
        return OutgoingMail.text("rating-reminder:" + agencyId + ":" + today, to,
                translations.get(zh, "rating.mail.reminder.subject", due.size(), today.toString()),
                translations.get(zh, "rating.mail.reminder.body", due.size(), overdue, lines.toString().strip(),
                        portal.link("staff/ratings")),
                zh);
    }
}
