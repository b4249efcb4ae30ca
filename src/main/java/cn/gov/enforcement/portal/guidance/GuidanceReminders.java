package cn.gov.enforcement.portal.guidance;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.guidance.internal.Guidance;
import cn.gov.enforcement.portal.guidance.internal.GuidanceRepository;
import cn.gov.enforcement.portal.notification.Outbox;
import cn.gov.enforcement.portal.notification.OutgoingMail;
import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.platform.Translations;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Once a day (08:00 in China by default, {@code portal.guidance.reminder-cron}) reminds each officer by mail of the
 * follow-up visits of their written guidance that are overdue or due within {@link #DAYS_AHEAD} day: one mail per
 * officer and day to the address of their account, in the language of their last sign-in, listing number, party, matter and the planned day,
 * linking to the agency's list of visits to make. Officers with nothing due, and those without an address (or whose
 * account is disabled), get none; their visits still show on the workbench.
 */
@Component
public class GuidanceReminders {

    /** Visits due within this many days (and all overdue ones) are named in the reminder. */
    public static final int DAYS_AHEAD = 1;

    private static final Logger LOG = LoggerFactory.getLogger(GuidanceReminders.class);

    private final GuidanceRepository repository;
    private final AccountService accounts;
    private final Outbox outbox;
    private final Translations translations;
    private final PortalSettings portal;
    private final Clock clock;
    private final TransactionTemplate tx;

    GuidanceReminders(GuidanceRepository repository, AccountService accounts, Outbox outbox, Translations translations,
            PortalSettings portal, Clock clock, TransactionTemplate tx) {
        this.repository = repository;
        this.accounts = accounts;
        this.outbox = outbox;
        this.translations = translations;
        this.portal = portal;
        this.clock = clock;
        this.tx = tx;
    }

    @Scheduled(cron = "${portal.guidance.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    public void scheduledRemind() {
        int reminded = remind();
        if (reminded > 0) {
            LOG.info("Guidance reminders: {} officers reminded of follow-up visits due", reminded);
        }
    }

    /**
     * Puts today's reminders into the outbox, in one transaction; a second run on the same day adds nothing (the
     * mails' dedup keys name officer and day). Returns how many officers have a reminder for today.
     */
    public int remind() {
        LocalDate today = LocalDate.now(clock.withZone(GuidanceService.ZONE));
        Integer reminded = tx.execute(status -> {
            Map<String, List<Guidance>> byOfficer = new LinkedHashMap<>();
            for (Guidance g : repository.findByVisitDueLessThanEqualAndVisitOutcomeNullAndVoidedAtNullOrderByOfficerAscVisitDueAscNumberAsc(
                    today.plusDays(DAYS_AHEAD))) {
                byOfficer.computeIfAbsent(g.getOfficer(), o -> new ArrayList<>()).add(g);
            }
            int count = 0;
            for (Map.Entry<String, List<Guidance>> due : byOfficer.entrySet()) {
                Optional<String> to = accounts.notificationEmail(due.getKey()).filter(Outbox::isValidAddress);
                if (to.isEmpty()) {
                    LOG.info("Guidance reminders: officer {} has no usable e-mail address; {} visits due", due.getKey(),
                            due.getValue().size());
                    continue;
                }
                outbox.enqueue(mail(due.getKey(), to.get().strip(), due.getValue(), today));
                count++;
            }
            return count;
        });
        return reminded == null ? 0 : reminded;
    }

    private OutgoingMail mail(String officer, String to, List<Guidance> due, LocalDate today) {
        Locale language = accounts.mailLanguage(officer); // the officer's own language, as they last signed in
        long overdue = due.stream().filter(g -> g.getVisitDue().isBefore(today)).count();
        StringBuilder lines = new StringBuilder();
        for (Guidance g : due) {
            String line = g.getVisitDue().isBefore(today) ? "guidance.mail.reminder.lineOverdue"
                    : "guidance.mail.reminder.line";
            lines.append(translations.get(language, line, g.getNumber(), g.getPartyName(), g.getSubject(),
                    g.getVisitDue().toString())).append('\n');
        }
        return OutgoingMail.text("guidance-reminder:" + officer + ":" + today, to,
                translations.get(language, "guidance.mail.reminder.subject", due.size(), today.toString()),
                translations.get(language, "guidance.mail.reminder.body", due.size(), overdue, lines.toString().strip(),
                        portal.link("staff/guidance?visits=true")),
                language);
    }
}
