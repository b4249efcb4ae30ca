package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import cn.gov.enforcement.portal.notification.Outbox;
import cn.gov.enforcement.portal.notification.OutgoingMail;
import cn.gov.enforcement.portal.platform.Translations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail to the agency that handles a case, at its mediation address ({@link AgencySummary#mediationAddress()}: the
 * agency file's {@code mediation_email}, else its supervision address), always in Chinese: a notice of each new
 * application, of each message and of each withdrawal by an applicant, and once a day
 * ({@code portal.mediation.reminder-cron}, default 08:00) a reminder listing the acceptance decisions and mediations
 * that are overdue or due by the next working day and the cases left unclosed after their outcome (the same lines of their own cases go to each assigned mediator
 * with a notification address). The mails name case number, category, deadline and a link to the
 * case page; names, ID numbers, contact details, facts and messages stay in the portal. An agency without a usable
 * address gets nothing (logged). The assigned mediator hears of the assignment and of applicant messages at their own
 * notification address, when they gave one (/account/password), in the language they last signed in with
 * ({@code AccountService.mailLanguage}), as their reminder is.
 */
@Component
public class MediationAgencyMail {

    private static final Logger LOG = LoggerFactory.getLogger(MediationAgencyMail.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final Locale ZH = Translations.ZH_CN;

    private final AgencyDirectory agencies;
    private final Outbox outbox;
    private final Translations translations;
    private final MediationSettings settings;
    private final MediationCaseRepository cases;
    private final cn.gov.enforcement.portal.account.AccountService accounts;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final WorkingCalendar calendar;

    MediationAgencyMail(AgencyDirectory agencies, Outbox outbox, Translations translations, MediationSettings settings,
            MediationCaseRepository cases, cn.gov.enforcement.portal.account.AccountService accounts, Clock clock,
            PlatformTransactionManager transactionManager, WorkingCalendar calendar) {
        this.calendar = calendar;
        this.accounts = accounts;
        this.agencies = agencies;
        this.outbox = outbox;
        this.translations = translations;
        this.settings = settings;
        this.cases = cases;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** A staff member's own notification address when they gave a usable one and their account is enabled. */
    private Optional<String> personalAddress(String username) {
        return accounts.notificationEmail(username).filter(Outbox::isValidAddress).map(String::strip);
    }

    /** The agency's mediation address when it is usable. */
    Optional<String> address(String agencyId) {
        return agencies.find(agencyId).map(d -> d.summary().mediationAddress())
                .filter(Outbox::isValidAddress).map(String::strip);
    }

    /** A new application reached the agency. Inside the submitting transaction. */
    void submitted(MediationCase c) {
        send(c, "mediation-agency-submitted:" + c.caseNumber(),
                translations.get(ZH, "mediation.mail.agency.submitted.subject", c.caseNumber(), category(c)),
                translations.get(ZH, "mediation.mail.agency.submitted.body", c.caseNumber(), category(c),
                        MediationService.DATE_TIME.format(c.submittedAt().atZone(settings.zone())),
                        c.acceptanceDue(settings, calendar.current()).format(DATE), caseLink(c)));
    }

    /** The applicant wrote a message on the tracking page. Inside the replying transaction. */
    void applicantMessage(MediationCase c, long messageId) {
        String subject = translations.get(ZH, "mediation.mail.agency.message.subject", c.caseNumber());
        String body = translations.get(ZH, "mediation.mail.agency.message.body", c.caseNumber(), category(c), caseLink(c));
        send(c, "mediation-agency-message:" + c.caseNumber() + ":" + messageId, subject, body);
        // the assigned mediator also hears of it at their own address, when they gave one, in their own language
        personalAddress(c.mediator()).ifPresent(to -> {
            Locale language = accounts.mailLanguage(c.mediator());
            outbox.enqueue(OutgoingMail.text("mediation-mediator-message:" + c.caseNumber() + ":" + messageId, to,
                    translations.get(language, "mediation.mail.agency.message.subject", c.caseNumber()),
                    translations.get(language, "mediation.mail.agency.message.body", c.caseNumber(), category(c, language),
                            caseLink(c)),
                    language));
        });
    }

    /**
     * A mediator was assigned: they hear of it at their own notification address, when they gave one. Inside the
     * assigning transaction.
     */
    void mediatorAssigned(MediationCase c) {
        personalAddress(c.mediator()).ifPresent(to -> {
            Locale language = accounts.mailLanguage(c.mediator());
            outbox.enqueue(OutgoingMail.text("mediation-mediator-assigned:" + c.caseNumber() + ":" + c.history().size(), to,
                    translations.get(language, "mediation.mail.mediator.assigned.subject", c.caseNumber()),
                    translations.get(language, "mediation.mail.mediator.assigned.body", c.caseNumber(),
                            category(c, language), translations.get(language, c.status().messageKey()), caseLink(c)),
                    language));
        });
    }

    /** The applicant withdrew the application. Inside the withdrawing transaction. */
    void withdrawn(MediationCase c) {
        send(c, "mediation-agency-withdrawn:" + c.caseNumber(),
                translations.get(ZH, "mediation.mail.agency.withdrawn.subject", c.caseNumber()),
                translations.get(ZH, "mediation.mail.agency.withdrawn.body", c.caseNumber(), category(c), caseLink(c)));
    }

    private void send(MediationCase c, String dedupKey, String subject, String body) {
        Optional<String> to = address(c.agencyId());
        if (to.isEmpty()) {
            LOG.warn("Mediation case {}: agency {} has no usable mediation or supervision e-mail, no notice sent",
                    c.caseNumber(), c.agencyId());
            return;
        }
        outbox.enqueue(OutgoingMail.text(dedupKey, to.get(), subject, body, ZH));
    }

    @Scheduled(cron = "${portal.mediation.reminder-cron:0 0 8 * * *}", zone = "${portal.mediation.zone:Asia/Shanghai}")
    public void scheduledRemind() {
        int reminded = remind();
        if (reminded > 0) {
            LOG.info("Mediation reminders: {} agencies reminded of deadlines", reminded);
        }
    }

    /**
     * Puts today's deadline reminders into the outbox, one per agency with anything due, in one transaction: cases
     * waiting for the acceptance decision and cases in mediation whose deadline has passed or falls on or before the
     * next working day, and cases left unclosed at their outcome (agreement reached, mediation failed) for more than
     * {@code portal.mediation.close-reminder-days} working days. A second run on the same day adds nothing (the mails' dedup keys name agency and day).
     * Returns how many agencies have a reminder for today.
     */
    public int remind() {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        WorkingDayCalendar days = calendar.current();
        LocalDate horizon = days.plus(today, 1);
        Integer reminded = tx.execute(status -> {
            List<Due> dueSoon = new ArrayList<>();
            for (MediationCase c : cases.findByStatusInOrderByAgencyIdAscSubmittedAtAscIdAsc(
                    CaseStatus.where(CaseStatus::deadlineRuns))) {
                c.currentDue(settings, days).filter(due -> !due.isAfter(horizon)).ifPresent(due -> dueSoon.add(new Due(c, due)));
            }
            // cases left unclosed at their outcome for more than closeReminderDays working days; the day of the outcome
            // is in the history, read with the cases in one query
            for (MediationCase c : cases.findWithHistoryByStatusIn(CaseStatus.outcomes())) {
                c.closingDue(settings, days).filter(today::isAfter).ifPresent(due -> dueSoon.add(new Due(c, due)));
            }
            // earliest deadline first in every mail
            dueSoon.sort(Comparator.comparing(Due::date).thenComparing(d -> d.c().caseNumber()));
            Map<String, List<Due>> byAgency = new LinkedHashMap<>();
            Map<String, List<Due>> byMediator = new TreeMap<>();
            for (Due d : dueSoon) {
                byAgency.computeIfAbsent(d.c().agencyId(), a -> new ArrayList<>()).add(d);
                if (d.c().mediator() != null) {
                    byMediator.computeIfAbsent(d.c().mediator(), m -> new ArrayList<>()).add(d);
                }
            }
            int count = 0;
            for (Map.Entry<String, List<Due>> entry : byAgency.entrySet()) {
                Optional<String> to = address(entry.getKey());
                if (to.isEmpty()) {
                    LOG.warn("Mediation reminders: agency {} has no usable mediation or supervision e-mail; {} deadlines due",
                            entry.getKey(), entry.getValue().size());
                    continue;
                }
                outbox.enqueue(reminder("mediation-reminder:" + entry.getKey() + ":" + today, to.get(), entry.getValue(), today,
                        "mediation.mail.agency.reminder.subject", "mediation.mail.agency.reminder.body", ZH));
                count++;
            }
            // each assigned mediator with a notification address also gets the lines of their own cases
            byMediator.forEach((mediator, due) -> personalAddress(mediator).ifPresent(to -> outbox.enqueue(
                    reminder("mediation-mediator-reminder:" + mediator + ":" + today, to, due, today,
                            "mediation.mail.mediator.reminder.subject", "mediation.mail.mediator.reminder.body",
                            accounts.mailLanguage(mediator)))));
            return count;
        });
        return reminded == null ? 0 : reminded;
    }

    private record Due(MediationCase c, LocalDate date) {}

    /** A reminder listing the deadlines due, with the given subject and body texts, in that language. */
    private OutgoingMail reminder(String dedupKey, String to, List<Due> due, LocalDate today, String subjectKey,
            String bodyKey, Locale language) {
        long overdue = due.stream().filter(d -> d.date().isBefore(today)).count();
        StringBuilder lines = new StringBuilder();
        for (Due d : due) {
            String deadline = translations.get(language, d.c().status() == CaseStatus.SUBMITTED
                    ? "mediation.mail.agency.reminder.acceptance"
                    : d.c().awaitsClosing() ? "mediation.mail.agency.reminder.closing" : "mediation.mail.agency.reminder.mediation");
            lines.append(translations.get(language, d.date().isBefore(today) ? "mediation.mail.agency.reminder.lineOverdue"
                            : "mediation.mail.agency.reminder.line", d.c().caseNumber(), category(d.c(), language),
                    translations.get(language, d.c().status().messageKey()), deadline, d.date().format(DATE)))
                    .append('\n');
        }
        return OutgoingMail.text(dedupKey, to,
                translations.get(language, subjectKey, due.size(), today.format(DATE)),
                translations.get(language, bodyKey, due.size(), overdue,
                        lines.toString().strip(), settings.link("staff/mediation"), settings.closeReminderDays()),
                language);
    }

    private String category(MediationCase c) {
        return category(c, ZH);
    }

    private String category(MediationCase c, Locale language) {
        return translations.get(language, c.category().messageKey());
    }

    private String caseLink(MediationCase c) {
        return settings.link("staff/mediation/case/" + c.caseNumber());
    }
}
