package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.account.UserSummary;
import cn.gov.enforcement.portal.mediation.internal.AuditEntry;
import cn.gov.enforcement.portal.mediation.internal.CaseDeadline;
import cn.gov.enforcement.portal.mediation.internal.AuditEntryRepository;
import cn.gov.enforcement.portal.mediation.internal.CaseMessage;
import cn.gov.enforcement.portal.mediation.internal.CaseMessageRepository;
import cn.gov.enforcement.portal.mediation.internal.Evidence;
import cn.gov.enforcement.portal.mediation.internal.EvidenceFiles;
import cn.gov.enforcement.portal.mediation.internal.EvidenceRepository;
import cn.gov.enforcement.portal.mediation.internal.IdNumberCipher;
import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officers' side of mediation: the queue of their own agency's cases, the case file, the
 * decisions of the workflow, the mediator, messages, evidence downloads and documents (the openings
 * of a case file are written to the audit log). Every method checks that the case belongs to the caller's agency
 * ({@link CurrentUser#requireAgency}); an unknown number and another agency's number get the same
 * {@link CaseNotFoundException} (an {@link AccessDeniedException}), so that changing a number in a
 * URL reveals nothing.
 */
@Service
@RolesAllowed({"OFFICER", "ADMIN"})
public class MediationBackOffice {

    private final MediationCaseRepository cases;
    private final MediationService service;
    private final MediationSettings settings;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AccountService accounts;
    private final CaseMessageRepository messages;
    private final EvidenceRepository evidence;
    private final EvidenceFiles files;
    private final AuditEntryRepository audit;
    private final IdNumberCipher cipher;
    private final MediationAgencyMail agencyMail;
    private final WorkingCalendar calendar;

    MediationBackOffice(MediationCaseRepository cases, MediationService service, MediationSettings settings,
            CurrentUser currentUser, Clock clock, AccountService accounts, CaseMessageRepository messages,
            EvidenceRepository evidence, EvidenceFiles files, AuditEntryRepository audit, IdNumberCipher cipher,
            MediationAgencyMail agencyMail, WorkingCalendar calendar) {
        this.calendar = calendar;
        this.agencyMail = agencyMail;
        this.accounts = accounts;
        this.messages = messages;
        this.evidence = evidence;
        this.files = files;
        this.audit = audit;
        this.cipher = cipher;
        this.cases = cases;
        this.service = service;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** How many characters the place or online link of a session may have. */
    public static final int MAX_PLACE = 500;

    /** How many characters the terms of an agreement may have. */
    public static final int MAX_TERMS = 4000;

    /** How many cases a page of the queue holds at most. */
    public static final int PAGE_SIZE = 50;

    /** The caller's own agency's cases, oldest first; empty for an administrator (who names the agency). */
    @Transactional(readOnly = true)
    public List<CaseSummary> ownQueue() {
        return ownQueue(QueueFilter.ALL);
    }

    @Transactional(readOnly = true)
    public List<CaseSummary> ownQueue(QueueFilter filter) {
        return currentUser.agencyId().map(agency -> queue(agency, filter)).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<CaseSummary> queue(String agencyId) {
        return queue(agencyId, QueueFilter.ALL);
    }

    /**
     * The cases of an agency that pass the filter, oldest first, all of them (the queue page shows them a page at a
     * time: {@link #queuePage}).
     *
     * @param filter status (null for all), overdue only, assigned to the caller only
     */
    @Transactional(readOnly = true)
    public List<CaseSummary> queue(String agencyId, QueueFilter filter) {
        currentUser.requireAgency(agencyId);
        Instant now = clock.instant();
        List<MediationCase> shown = cases.findAll(matching(agencyId, filter, now),
                Sort.by(Sort.Order.asc("submittedAt"), Sort.Order.asc("id")));
        return summaries(agencyId, shown, now);
    }

    /**
     * One page of the queue: at most {@link #PAGE_SIZE} cases, newest first, with how many cases pass the filter.
     *
     * @param page the page number from 0; one below 0 is taken as 0, one after the last as the last
     */
    public record QueuePage(List<CaseSummary> cases, long total, int page) {

        /** How many pages the cases fill (at least one, an empty one when no case passes the filter). */
        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /** True when the caller has an agency of their own with at least one case. */
    @Transactional(readOnly = true)
    public boolean hasOwnCases() {
        return currentUser.agencyId().map(cases::existsByAgencyId).orElse(false);
    }

    /** A page of the caller's own agency's queue; an empty page for an administrator (who names the agency). */
    @Transactional(readOnly = true)
    public QueuePage ownQueuePage(QueueFilter filter, int page) {
        return currentUser.agencyId().map(agency -> queuePage(agency, filter, page))
                .orElse(new QueuePage(List.of(), 0, 0));
    }

    /**
     * A page of the cases of an agency that pass the filter, newest first: the filter and the paging are the
     * database's, so no more than a page of cases is read whatever the size of the agency's queue.
     */
    @Transactional(readOnly = true)
    public QueuePage queuePage(String agencyId, QueueFilter filter, int page) {
        currentUser.requireAgency(agencyId);
        Instant now = clock.instant();
        Specification<MediationCase> matching = matching(agencyId, filter, now);
        Sort newestFirst = Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id"));
        Page<MediationCase> found = cases.findAll(matching, PageRequest.of(Math.max(0, page), PAGE_SIZE, newestFirst));
        if (found.getContent().isEmpty() && found.getTotalElements() > 0) {
            // beyond the last page (an old link, a changed filter): the last page
            found = cases.findAll(matching, PageRequest.of(found.getTotalPages() - 1, PAGE_SIZE, newestFirst));
        }
        return new QueuePage(summaries(agencyId, found.getContent(), now), found.getTotalElements(), found.getNumber());
    }

    /**
     * An officer's display name when the account has one, else the user name (also for an account that is no longer
     * among the agency's enabled officers); null for null.
     */
    static String personName(String username, List<UserSummary> officers) {
        return officers.stream().filter(o -> o.username().equals(username)).findFirst()
                .map(UserSummary::displayName).filter(name -> name != null && !name.isBlank())
                .orElse(username);
    }

    private List<CaseSummary> summaries(String agencyId, List<MediationCase> shown, Instant now) {
        java.util.Set<Long> waiting = awaitingAnswer(shown);
        WorkingDayCalendar days = calendar.current();
        // the mediator is named as on the case page: by the display name (one query for the page, when any is assigned)
        List<UserSummary> officers = shown.stream().anyMatch(c -> c.mediator() != null)
                ? accounts.officersOf(agencyId) : List.of();
        return shown.stream()
                .map(c -> new CaseSummary(c.caseNumber(), c.status(), c.category(), c.agencyId(), c.submittedAt(),
                        c.applicantName(), PersonalData.maskPhone(c.phone()),
                        c.currentDue(settings, days).orElse(null), c.overdue(settings, days, now),
                        personName(c.mediator(), officers), waiting.contains(c.id())))
                .toList();
    }

    /**
     * The filter as a query condition. Overdue is the deadline of the current state passed: since a later start never
     * has an earlier deadline ({@link WorkingDayCalendar#earliestStartDueOnOrAfter}), a case is overdue today exactly when it
     * was submitted (awaiting the decision) or accepted (in mediation, with or without the extension) before a day
     * computed here once.
     */
    private Specification<MediationCase> matching(String agencyId, QueueFilter filter, Instant now) {
        String me = currentUser.username().orElse("");
        ZoneId zone = settings.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        WorkingDayCalendar days = calendar.current();
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            Path<CaseStatus> status = root.get("status");
            where.add(cb.equal(root.get("agencyId"), agencyId));
            if (filter.status() != null) {
                where.add(cb.equal(status, filter.status()));
            }
            if (filter.inMediationOnly()) {
                where.add(status.in(CaseStatus.where(CaseStatus::inMediation)));
            }
            if (filter.mineOnly()) {
                where.add(me.isBlank() ? cb.disjunction()
                        : cb.equal(cb.lower(root.get("mediator")), me.toLowerCase(Locale.ROOT)));
            }
            if (filter.overdueOnly()) {
                Path<Instant> submittedAt = root.get("submittedAt");
                Path<Instant> acceptedAt = root.get("acceptedAt");
                Path<Boolean> extended = root.get("extended");
                where.add(cb.or(
                        cb.and(cb.equal(status, CaseStatus.SUBMITTED),
                                cb.lessThan(submittedAt, startOf(days, today, settings.acceptanceDays(), zone))),
                        cb.and(status.in(CaseStatus.where(CaseStatus::inMediation)), cb.isFalse(extended),
                                cb.lessThan(acceptedAt, startOf(days, today, settings.mediationDays(), zone))),
                        cb.and(status.in(CaseStatus.where(CaseStatus::inMediation)), cb.isTrue(extended), cb.lessThan(acceptedAt,
                                startOf(days, today, settings.mediationDays() + settings.extensionDays(), zone)))));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The first instant whose deadline of the given working days has not passed today. */
    private static Instant startOf(WorkingDayCalendar calendar, LocalDate today, int days, ZoneId zone) {
        return calendar.earliestStartDueOnOrAfter(today, days).atStartOfDay(zone).toInstant();
    }

    /** The ids of the open cases among these whose applicant wrote last (no answer from the agency yet). */
    private java.util.Set<Long> awaitingAnswer(List<MediationCase> candidates) {
        List<Long> open = candidates.stream().filter(c -> !c.status().isFinal()).map(MediationCase::id).toList();
        return open.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(messages.awaitingAnswer(open));
    }

    /**
     * What an agency's mediation queue holds for the staff workbench: applications waiting for the acceptance
     * decision and cases in mediation, each with how many are overdue and how many fall due by the next working day
     * (overdue ones not counted there), and the open cases whose applicant wrote last and waits for an answer.
     */
    public record Workload(int awaitingDecision, int decisionsOverdue, int inMediation, int mediationsOverdue,
            int dueByNextWorkingDay, int applicantsWaiting) {}

    /**
     * The agency's {@link Workload} now: the database counts the cases by status and the applicants waiting; only the
     * deadline columns of the cases whose deadline runs are read to count the overdue ones and those due soon.
     */
    @Transactional(readOnly = true)
    public Workload workload(String agencyId) {
        currentUser.requireAgency(agencyId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
        WorkingDayCalendar days = calendar.current();
        LocalDate horizon = days.plus(today, 1);
        int awaiting = 0;
        int decisionsOverdue = 0;
        int inMediation = 0;
        int mediationsOverdue = 0;
        int dueSoon = 0;
        for (Object[] row : cases.countByStatus(agencyId)) {
            CaseStatus status = (CaseStatus) row[0];
            int count = ((Number) row[1]).intValue();
            if (status == CaseStatus.SUBMITTED) {
                awaiting += count;
            } else if (status.inMediation()) {
                inMediation += count;
            }
        }
        for (CaseDeadline c : cases.deadlines(agencyId, CaseStatus.where(CaseStatus::deadlineRuns))) {
            Optional<LocalDate> due = c.currentDue(settings, days);
            if (due.isPresent() && due.get().isBefore(today)) {
                if (c.status() == CaseStatus.SUBMITTED) {
                    decisionsOverdue++;
                } else {
                    mediationsOverdue++;
                }
            } else if (due.isPresent() && !due.get().isAfter(horizon)) {
                dueSoon++;
            }
        }
        int applicantsWaiting = (int) cases.countAwaitingAnswer(agencyId, CaseStatus.where(s -> !s.isFinal()));
        return new Workload(awaiting, decisionsOverdue, inMediation, mediationsOverdue, dueSoon, applicantsWaiting);
    }

    /**
     * The agencies whose queue an administrator may open: every agency of the directory, of the current routing and
     * with cases (one that a category was routed to before), by id. Empty for an officer, who sees their own agency's.
     */
    @Transactional(readOnly = true)
    public List<String> queueAgencies() {
        if (!currentUser.isAdmin()) {
            return List.of();
        }
        java.util.SortedSet<String> ids = service.agencyIds();
        ids.addAll(cases.findAgencyIds());
        return List.copyOf(ids);
    }

    /** The filters of the queue. */
    /**
     * @param status one status (null for all)
     * @param inMediationOnly only the cases in mediation: accepted and before the outcome, in any of the statuses of
     *     {@link CaseStatus#inMediation()} (the workbench's line of cases in mediation links here with it)
     */
    public record QueueFilter(CaseStatus status, boolean overdueOnly, boolean mineOnly, boolean inMediationOnly) {
        public static final QueueFilter ALL = new QueueFilter(null, false, false, false);

        public QueueFilter(CaseStatus status, boolean overdueOnly, boolean mineOnly) {
            this(status, overdueOnly, mineOnly, false);
        }
    }

    /**
     * A case of the caller's agency as a case file, the agency named in Chinese; the view is recorded in the audit log.
     * ID and phone numbers are in full only for the assigned mediator.
     *
     * @throws CaseNotFoundException for an unknown number and for another agency's case alike
     */
    @Transactional
    public CaseFile caseFile(String number) {
        return caseFile(number, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * {@link #caseFile(String)} for a reader of the given language: the agency's name in it (its English name, when it
     * has one, for English; the Chinese name otherwise).
     */
    @Transactional
    public CaseFile caseFile(String number, java.util.Locale locale) {
        return caseFile(number, locale, true);
    }

    /**
     * {@link #caseFile(String, java.util.Locale)}, recorded in the audit log only when the case page is opened: the
     * page read again after the officer's own step (or to show another officer's change) is no new view.
     */
    @Transactional
    public CaseFile caseFile(String number, java.util.Locale locale, boolean opening) {
        MediationCase c = load(number);
        if (opening) {
            record(c, "VIEW");
        }
        boolean mine = c.mediator() != null && c.mediator().equalsIgnoreCase(actor());
        CaseTracking tracking = service.tracking(c);
        return new CaseFile(tracking, service.agencyName(c.agencyId(), locale),
                c.applicantKind(), c.idType(), mine ? cipher.decrypt(c.idNumberEncrypted()) : c.idNumberMasked(),
                mine ? c.phone() : PersonalData.maskPhone(c.phone()), c.email(), c.address(), c.otherPartyContact(),
                c.otherPartyEmail(), c.facts(), c.request(), c.preferredTimes(), c.preferOnline(), c.mediator(), mine,
                evidence.findByCaseIdOrderByIdAsc(c.id()).stream().map(MediationService::info).toList(),
                MediationDocument.available(tracking), c.version());
    }

    /**
     * Runs a step sent from a page built from the case at the given version ({@link CaseFile#version()}), in one
     * transaction with the check: a page that shows the case as it was before another officer's step must not undo
     * that step or act on a state it never showed.
     *
     * @throws OptimisticLockingFailureException when the case changed since that version; nothing is written
     * @throws CaseNotFoundException for an unknown number and for another agency's case alike
     */
    @Transactional
    public <T> T unchangedSince(String number, long seenVersion, java.util.function.Supplier<T> step) {
        MediationCase c = load(number);
        if (c.version() != seenVersion) {
            throw new ObjectOptimisticLockingFailureException(MediationCase.class, c.id());
        }
        return step.get();
    }

    /** The officers of the case's agency who may be assigned as mediator. */
    @Transactional(readOnly = true)
    public List<UserSummary> mediatorCandidates(String number) {
        return accounts.officersOf(load(number).agencyId());
    }

    /**
     * Assigns the mediator: an enabled officer of the case's agency.
     *
     * @throws ValidationFailure when the user is not such an officer
     */
    @Transactional
    public CaseTracking assignMediator(String number, String username) {
        MediationCase c = load(number);
        boolean eligible = username != null && accounts.officersOf(c.agencyId()).stream()
                .anyMatch(u -> u.username().equalsIgnoreCase(username.strip()));
        if (!eligible) {
            throw ValidationFailure.of("mediator", "mediation.error.mediator");
        }
        c.assignMediator(actor(), username.strip(), clock.instant());
        cases.flush();
        agencyMail.mediatorAssigned(c);
        return service.tracking(c);
    }

    /**
     * The officer writes to the applicant; the applicant is told by mail and reads it on the tracking page.
     *
     * @throws ValidationFailure when the message is empty, too long or holds control characters, or the case is finished (withdrawn, not
     *     accepted, declined, closed), since the applicant could not answer it; nothing is written then
     */
    @Transactional
    public CaseTracking sendMessage(String number, String body) {
        String text = MediationService.messageText(body);
        MediationCase c = load(number);
        if (c.status().isFinal()) {
            throw ValidationFailure.of("message", "mediation.error.message.finished");
        }
        CaseMessage saved = messages.saveAndFlush(new CaseMessage(c.id(), false, actor(), text, clock.instant()));
        service.notifyMessage(c, saved.id());
        return service.tracking(c);
    }

    /** The content of an evidence file of a case; the download is recorded in the audit log. */
    @Transactional
    public EvidenceContent evidence(String number, long evidenceId) {
        MediationCase c = load(number);
        Evidence e = evidence.findByIdAndCaseId(evidenceId, c.id()).orElseThrow(CaseNotFoundException::new);
        record(c, "DOWNLOAD");
        return new EvidenceContent(e.originalName(), e.contentType(), files.read(e.storedName()));
    }

    /** An evidence file's name, type and bytes. */
    public record EvidenceContent(String fileName, String contentType, byte[] bytes) {}

    /**
     * The data of a document of a case in the given language; recorded in the audit log.
     *
     * @throws CaseNotFoundException for an unknown number and for another agency's case alike
     * @throws DocumentNotApplicableException for a case of the caller's agency that the document does not apply to
     */
    @Transactional
    public DocumentData document(String number, MediationDocument kind, java.util.Locale locale) {
        MediationCase c = load(number);
        CaseTracking tracking = service.tracking(c);
        if (!MediationDocument.available(tracking).contains(kind)) {
            throw new DocumentNotApplicableException(c.caseNumber());
        }
        record(c, "DOCUMENT");
        return service.documentData(tracking, kind, locale);
    }

    private void record(MediationCase c, String action) {
        audit.save(new AuditEntry(c.caseNumber(), c.agencyId(), actor(), action, clock.instant()));
    }

    @Transactional
    public CaseTracking accept(String number, String note) {
        requireNote(note);
        return step(number, c -> c.accept(actor(), note, clock.instant()));
    }

    /** Does not accept the application, with the reason; the applicant gets the guidance onward. */
    @Transactional
    public CaseTracking notAccept(String number, String reason) {
        requireReason(reason);
        return step(number, c -> c.notAccept(actor(), reason, clock.instant()));
    }

    @Transactional
    public CaseTracking inviteOtherParty(String number, String note) {
        return inviteOtherParty(number, note, null, null);
    }

    /**
     * Invites the other party; an e-mail address (with the language of the mail) may be given when
     * the application did not have one; the invitation is then mailed to it.
     */
    @Transactional
    public CaseTracking inviteOtherParty(String number, String note, String otherPartyEmail, java.util.Locale language) {
        requireNote(note);
        if (otherPartyEmail != null && !otherPartyEmail.isBlank()
                && !cn.gov.enforcement.portal.notification.Outbox.isValidAddress(otherPartyEmail)) {
            throw ValidationFailure.of("otherPartyEmail", "mediation.error.email");
        }
        return step(number, c -> {
            c.inviteOtherParty(actor(), note, clock.instant());
            if (otherPartyEmail != null && !otherPartyEmail.isBlank()) {
                c.otherPartyMail(otherPartyEmail.strip(),
                        cn.gov.enforcement.portal.platform.Translations.supported(language).toLanguageTag());
            }
        });
    }

    @Transactional
    public CaseTracking otherPartyAgreed(String number, String note) {
        requireNote(note);
        return step(number, c -> c.otherPartyAgreed(actor(), note, clock.instant()));
    }

    @Transactional
    public CaseTracking otherPartyDeclined(String number, String reason) {
        requireReason(reason);
        return step(number, c -> c.otherPartyDeclined(actor(), reason, clock.instant()));
    }

    @Transactional
    public CaseTracking scheduleSession(String number, Instant at, String placeOrLink) {
        checkSession(at, placeOrLink);
        return step(number, c -> {
            requireWithinDeadline(c, at);
            c.scheduleSession(actor(), at, placeOrLink, clock.instant());
        });
    }

    /**
     * Moves a scheduled session to a new time and place; both parties hear of it as of the scheduling, told that it is
     * a new time.
     *
     * @throws ValidationFailure for a time not in the future or after the mediation deadline, a missing or too long
     *     place, or the time and place already set
     * @throws IllegalTransitionException when no session is scheduled (any more)
     */
    @Transactional
    public CaseTracking rescheduleSession(String number, Instant at, String placeOrLink) {
        checkSession(at, placeOrLink);
        return step(number, c -> {
            if (c.status() == CaseStatus.SESSION_SCHEDULED && at.equals(c.sessionAt())
                    && placeOrLink.strip().equals(c.sessionPlace())) {
                throw ValidationFailure.of("sessionAt", "mediation.error.sessionUnchanged");
            }
            requireWithinDeadline(c, at);
            c.rescheduleSession(actor(), at, placeOrLink, clock.instant());
        });
    }

    /**
     * A session takes place within mediation: not after the last day of its deadline (the extended one once extended).
     * The refusal names that day and, while the deadline can still be extended, says that it can be extended first.
     */
    private void requireWithinDeadline(MediationCase c, Instant at) {
        if (!c.status().inMediation()) {
            return; // the step itself refuses a case that is not in mediation (any more)
        }
        Optional<LocalDate> due = c.mediationDue(settings, calendar.current());
        if (due.isPresent() && LocalDate.ofInstant(at, settings.zone()).isAfter(due.get())) {
            throw ValidationFailure.of("sessionAt", c.extended() ? "mediation.error.sessionAfterDue"
                    : "mediation.error.sessionAfterDueExtendable", due.get().toString());
        }
    }

    private void checkSession(Instant at, String placeOrLink) {
        if (at == null || !at.isAfter(clock.instant())) {
            throw ValidationFailure.of("sessionAt", "mediation.error.sessionAt");
        }
        TypedText.require("sessionPlace", placeOrLink, TypedText.Kind.LINE, 1, MAX_PLACE, "mediation.error.sessionPlace",
                String.valueOf(MAX_PLACE));
    }

    /**
     * Records the agreement and its terms.
     *
     * @throws ValidationFailure (field {@code terms}) for missing or too long terms, or while the scheduled session's
     *     day lies ahead ({@link #sessionAhead}): the outcome of a session cannot be known before it; move the session
     *     first if it took place earlier
     */
    @Transactional
    public CaseTracking agreementReached(String number, String terms) {
        TypedText.require("terms", terms, TypedText.Kind.TEXT, 1, MAX_TERMS, "mediation.error.terms", String.valueOf(MAX_TERMS));
        return step(number, c -> {
            requireSessionHeld(c, "terms");
            c.agreementReached(actor(), terms, clock.instant());
        });
    }

    /**
     * Records that mediation failed, with its reason: before a session is scheduled (the parties fall out), or once the
     * scheduled session's day has come.
     *
     * @throws ValidationFailure (field {@code reason}) for a missing or too long reason, or while the scheduled
     *     session's day lies ahead ({@link #sessionAhead}); a session that will not take place is moved first
     */
    @Transactional
    public CaseTracking fail(String number, String reason) {
        requireReason(reason);
        return step(number, c -> {
            requireSessionHeld(c, "reason");
            c.fail(actor(), reason, clock.instant());
        });
    }

    /**
     * True when a case with a session at this time is waiting for its session: the session's day (in the mediation
     * time zone) is after today. On the session's day and later the outcome may be recorded.
     */
    public boolean sessionAhead(Instant sessionAt) {
        return sessionAt != null && LocalDate.ofInstant(sessionAt, settings.zone())
                .isAfter(LocalDate.ofInstant(clock.instant(), settings.zone()));
    }

    private void requireSessionHeld(MediationCase c, String field) {
        if (c.status() == CaseStatus.SESSION_SCHEDULED && sessionAhead(c.sessionAt())) {
            throw ValidationFailure.of(field, "mediation.error.sessionAhead",
                    LocalDate.ofInstant(c.sessionAt(), settings.zone()).toString());
        }
    }

    @Transactional
    public CaseTracking close(String number, String note) {
        requireNote(note);
        return step(number, c -> c.close(actor(), note, clock.instant()));
    }

    /** Extends the mediation deadline once by {@code portal.mediation.extension-days}. */
    @Transactional
    public CaseTracking extend(String number, String reason) {
        requireReason(reason);
        return step(number, c -> c.extend(actor(), reason, clock.instant()));
    }

    private CaseTracking step(String number, Consumer<MediationCase> action) {
        MediationCase c = load(number);
        action.accept(c);
        cases.flush();
        service.notifyApplicant(c);
        return service.tracking(c);
    }

    private MediationCase load(String number) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        MediationCase c = cases.findByCaseNumber(n).orElseThrow(CaseNotFoundException::new);
        if (!currentUser.canAccessAgency(c.agencyId())) {
            throw new CaseNotFoundException();
        }
        return c;
    }

    private String actor() {
        return currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /**
     * A reason a step cannot go without: given, at most {@link MediationService#MAX_REASON} characters and no control
     * characters but line breaks and tabs (it goes into mails and printed documents).
     */
    private static void requireReason(String reason) {
        TypedText.require("reason", reason, TypedText.Kind.TEXT, 1, MediationService.MAX_REASON, "mediation.error.reason",
                String.valueOf(MediationService.MAX_REASON));
    }

    /**
     * The optional note of a step: may be left out, but checked as a reason otherwise; checked before anything is
     * loaded or written.
     */
    private static void requireNote(String note) {
        TypedText.require("reason", note, TypedText.Kind.TEXT, 0, MediationService.MAX_REASON, "mediation.error.reason",
                String.valueOf(MediationService.MAX_REASON));
    }
}
