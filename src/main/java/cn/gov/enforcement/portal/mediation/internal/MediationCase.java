package cn.gov.enforcement.portal.mediation.internal;

import cn.gov.enforcement.portal.mediation.CaseStatus;
import cn.gov.enforcement.portal.mediation.DisputeCategory;
import cn.gov.enforcement.portal.mediation.IllegalTransitionException;
import cn.gov.enforcement.portal.mediation.MediationSettings;
import cn.gov.enforcement.portal.mediation.WorkingDayCalendar;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A mediation case: the application as submitted and its workflow. The transition methods enforce
 * the rules of {@link CaseStatus} and record every step; they take the time from the caller
 * (services pass the injected clock's instant) so that the rules are testable without Spring.
 *
 * <p>The texts people type are limited in characters (an emoji or 𠀀 counts once); their columns hold twice the limit,
 * as many UTF-16 units as such characters take (H2 counts those; V35).
 */
@Entity
@Table(name = "mediation_case")
public class MediationCase {

    public static final String APPLICANT = "applicant";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mediation_case_seq")
    @SequenceGenerator(name = "mediation_case_seq", sequenceName = "mediation_case_seq", allocationSize = 1)
    private Long id;

    @Version
    private long version;

    @Column(name = "case_number", length = 20, unique = true)
    private String caseNumber;

    @Column(name = "submission_token", nullable = false, length = 64, unique = true)
    private String submissionToken;

    @Column(name = "access_code_hash", nullable = false, length = 120)
    private String accessCodeHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private DisputeCategory category;

    @Column(name = "agency_id", nullable = false, length = 80)
    private String agencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private CaseStatus status;

    @Column(name = "applicant_kind", nullable = false, length = 20)
    private String applicantKind;

    @Column(name = "applicant_name", nullable = false, length = 200)
    private String applicantName;

    @Column(name = "id_type", nullable = false, length = 20)
    private String idType;

    @Column(name = "id_number_encrypted", nullable = false, length = 200)
    private String idNumberEncrypted;

    @Column(name = "id_number_masked", nullable = false, length = 40)
    private String idNumberMasked;

    @Column(nullable = false, length = 30)
    private String phone;

    @Column(length = 254)
    private String email;

    @Column(length = 600)
    private String address;

    @Column(name = "other_party_name", nullable = false, length = 200)
    private String otherPartyName;

    @Column(name = "other_party_contact", length = 400)
    private String otherPartyContact;

    @Column(nullable = false, length = 8000)
    private String facts;

    @Column(name = "request_text", nullable = false, length = 4000)
    private String request;

    @Column(name = "preferred_times", length = 1000)
    private String preferredTimes;

    @Column(name = "prefer_online", nullable = false)
    private boolean preferOnline;

    @Column(name = "applicant_language", nullable = false, length = 10)
    private String language;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(nullable = false)
    private boolean extended;

    @Column(name = "session_at")
    private Instant sessionAt;

    @Column(name = "session_place", length = 1000)
    private String sessionPlace;

    @Column(name = "agreement_terms", length = 8000)
    private String agreementTerms;

    @Column(length = 100)
    private String mediator;

    @Column(name = "other_party_email", length = 254)
    private String otherPartyEmail;

    @Column(name = "other_party_language", length = 10)
    private String otherPartyLanguage;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "submitted_from_letter", length = 20)
    private String submittedFromLetter;

    // cases read in bulk (reminders, purge) load their histories a hundred at a time instead of one query per case
    @OneToMany(mappedBy = "mediationCase", cascade = CascadeType.ALL, orphanRemoval = true)
    @org.hibernate.annotations.BatchSize(size = 100)
    @OrderBy("occurredAt ASC, id ASC")
    private List<CaseTransition> history = new ArrayList<>();

    protected MediationCase() {}

    /** A newly submitted case; the first history entry records the submission. */
    public static MediationCase submit(Applicant applicant, DisputeCategory category, String agencyId,
            String submissionToken, String accessCodeHash, String language, Instant now) {
        MediationCase c = new MediationCase();
        c.category = category;
        c.agencyId = agencyId;
        c.submissionToken = submissionToken;
        c.accessCodeHash = accessCodeHash;
        c.language = language;
        c.applicantKind = applicant.kind();
        c.applicantName = applicant.name();
        c.idType = applicant.idType();
        c.idNumberEncrypted = applicant.idNumberEncrypted();
        c.idNumberMasked = applicant.idNumberMasked();
        c.phone = applicant.phone();
        c.email = applicant.email();
        c.address = applicant.address();
        c.otherPartyName = applicant.otherPartyName();
        c.otherPartyContact = applicant.otherPartyContact();
        c.facts = applicant.facts();
        c.request = applicant.request();
        c.preferredTimes = applicant.preferredTimes();
        c.preferOnline = applicant.preferOnline();
        c.submittedAt = now;
        c.status = CaseStatus.SUBMITTED;
        c.history.add(new CaseTransition(c, null, CaseStatus.SUBMITTED, APPLICANT, now, null));
        return c;
    }

    /** What the applicant entered, in the form in which it is kept (ID number already encrypted). */
    public record Applicant(String kind, String name, String idType, String idNumberEncrypted, String idNumberMasked,
            String phone, String email, String address, String otherPartyName, String otherPartyContact, String facts,
            String request, String preferredTimes, boolean preferOnline) {}

    // --- workflow ---------------------------------------------------------------------------

    public void accept(String actor, String note, Instant now) {
        move(CaseStatus.ACCEPTED, actor, note, now);
        acceptedAt = now;
    }

    public void notAccept(String actor, String reason, Instant now) {
        move(CaseStatus.NOT_ACCEPTED, actor, reason, now);
    }

    public void inviteOtherParty(String actor, String note, Instant now) {
        move(CaseStatus.OTHER_PARTY_INVITED, actor, note, now);
    }

    public void otherPartyAgreed(String actor, String note, Instant now) {
        move(CaseStatus.OTHER_PARTY_AGREED, actor, note, now);
    }

    public void otherPartyDeclined(String actor, String reason, Instant now) {
        move(CaseStatus.OTHER_PARTY_DECLINED, actor, reason, now);
    }

    /** Schedules the session: a time and a place or an online link. */
    public void scheduleSession(String actor, Instant sessionAt, String placeOrLink, Instant now) {
        if (sessionAt == null || placeOrLink == null || placeOrLink.isBlank()) {
            throw new IllegalArgumentException("A session needs a time and a place or an online link");
        }
        move(CaseStatus.SESSION_SCHEDULED, actor, placeOrLink.trim(), now);
        this.sessionAt = sessionAt;
        this.sessionPlace = placeOrLink.trim();
        history.get(history.size() - 1).sessionAt(sessionAt);
    }

    /**
     * Moves the scheduled session to a new time and a new place or online link; recorded in the history as a step
     * that keeps the state.
     */
    public void rescheduleSession(String actor, Instant sessionAt, String placeOrLink, Instant now) {
        if (status != CaseStatus.SESSION_SCHEDULED) {
            throw new IllegalTransitionException(status, status);
        }
        requireText(actor, "actor");
        if (sessionAt == null || placeOrLink == null || placeOrLink.isBlank() || now == null) {
            throw new IllegalArgumentException("A session needs a time and a place or an online link");
        }
        this.sessionAt = sessionAt;
        this.sessionPlace = placeOrLink.trim();
        CaseTransition moved = new CaseTransition(this, status, CaseTransition.RESCHEDULED, actor, now, sessionPlace);
        moved.sessionAt(sessionAt);
        history.add(moved);
    }

    public void agreementReached(String actor, String terms, Instant now) {
        if (terms == null || terms.isBlank()) {
            throw new IllegalArgumentException("An agreement needs its terms");
        }
        move(CaseStatus.AGREEMENT_REACHED, actor, null, now);
        agreementTerms = terms.trim();
    }

    public void fail(String actor, String reason, Instant now) {
        move(CaseStatus.FAILED, actor, reason, now);
    }

    public void close(String actor, String note, Instant now) {
        move(CaseStatus.CLOSED, actor, note, now);
    }

    public void withdraw(String reason, Instant now) {
        move(CaseStatus.WITHDRAWN, APPLICANT, reason, now);
    }

    /** Extends the mediation deadline, once, while mediation runs; recorded in the history. */
    public void extend(String actor, String reason, Instant now) {
        if (extended || !status.inMediation()) {
            throw new IllegalTransitionException(status, status);
        }
        requireText(actor, "actor");
        requireText(reason, "reason");
        extended = true;
        history.add(new CaseTransition(this, status, CaseTransition.EXTENDED, actor, now, reason.trim()));
    }

    private void move(CaseStatus target, String actor, String reason, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(status, target);
        }
        requireText(actor, "actor");
        if (target.needsReason()) {
            requireText(reason, "reason");
        }
        if (now == null) {
            throw new IllegalArgumentException("now must be given");
        }
        history.add(new CaseTransition(this, status, target, actor, now,
                reason == null || reason.isBlank() ? null : reason.trim()));
        status = target;
        if (target.isFinal()) {
            finishedAt = now;
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must be given");
        }
    }

    /**
     * Assigns the mediator (an officer of the case's agency, checked by the caller); recorded in
     * the history as a step that does not change the state.
     */
    public void assignMediator(String actor, String mediatorUsername, Instant now) {
        requireText(actor, "actor");
        requireText(mediatorUsername, "mediator");
        if (status.isFinal()) {
            throw new IllegalTransitionException(status, status);
        }
        mediator = mediatorUsername.trim();
        history.add(new CaseTransition(this, status, CaseTransition.MEDIATOR, actor, now, mediator));
    }

    /** The other party's e-mail address and language, known from the application or given by the officer. */
    public void otherPartyMail(String email, String language) {
        otherPartyEmail = email == null || email.isBlank() ? null : email.trim();
        otherPartyLanguage = language;
    }

    public void submittedFromLetter(String letterCode) {
        submittedFromLetter = letterCode;
    }

    // --- deadlines --------------------------------------------------------------------------

    /** The last day of the acceptance decision. */
    public LocalDate acceptanceDue(MediationSettings settings, WorkingDayCalendar calendar) {
        return calendar.plus(LocalDate.ofInstant(submittedAt, settings.zone()), settings.acceptanceDays());
    }

    /** The last day of mediation; empty before acceptance. */
    public Optional<LocalDate> mediationDue(MediationSettings settings, WorkingDayCalendar calendar) {
        if (acceptedAt == null) {
            return Optional.empty();
        }
        int days = settings.mediationDays() + (extended ? settings.extensionDays() : 0);
        return Optional.of(calendar.plus(LocalDate.ofInstant(acceptedAt, settings.zone()), days));
    }

    /**
     * The last day of the deadline running in the current state: the acceptance decision while submitted, the
     * mediation while in mediation; empty in every other state.
     */
    public Optional<LocalDate> currentDue(MediationSettings settings, WorkingDayCalendar calendar) {
        return currentDue(status, submittedAt, acceptedAt, extended, settings, calendar);
    }

    /**
     * {@link #currentDue(MediationSettings, WorkingDayCalendar)} from the columns it depends on, for queries that read them without
     * loading the whole case.
     */
    public static Optional<LocalDate> currentDue(CaseStatus status, Instant submittedAt, Instant acceptedAt,
            boolean extended, MediationSettings settings, WorkingDayCalendar calendar) {
        if (status == CaseStatus.SUBMITTED) {
            return Optional.of(calendar.plus(LocalDate.ofInstant(submittedAt, settings.zone()), settings.acceptanceDays()));
        }
        if (!status.inMediation() || acceptedAt == null) {
            return Optional.empty();
        }
        int days = settings.mediationDays() + (extended ? settings.extensionDays() : 0);
        return Optional.of(calendar.plus(LocalDate.ofInstant(acceptedAt, settings.zone()), days));
    }

    /**
     * When mediation reached its outcome: the step into AGREEMENT_REACHED or FAILED, also after the case was closed;
     * empty for a case that never reached one.
     */
    public Optional<Instant> outcomeAt() {
        return history.stream()
                .filter(t -> t.kind() == null && t.to().isOutcome())
                .map(CaseTransition::occurredAt).reduce((first, last) -> last);
    }

    /** True for a case left at its outcome (AGREEMENT_REACHED or FAILED), not closed yet. */
    public boolean awaitsClosing() {
        return status.isOutcome();
    }

    /**
     * The day by which a case left at its outcome should be closed ({@code closeReminderDays} working days after the
     * outcome); empty in every other state.
     */
    public Optional<LocalDate> closingDue(MediationSettings settings, WorkingDayCalendar calendar) {
        return awaitsClosing()
                ? outcomeAt().map(at -> calendar.plus(LocalDate.ofInstant(at, settings.zone()), settings.closeReminderDays()))
                : Optional.empty();
    }

    /** True when the deadline of the current state has passed (the due day itself is still in time). */
    public boolean overdue(MediationSettings settings, WorkingDayCalendar calendar, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        return currentDue(settings, calendar).map(today::isAfter).orElse(false);
    }

    // --- accessors --------------------------------------------------------------------------

    public Long id() {
        return id;
    }

    /** The version of the case's row: every step changes it (messages, kept apart, do not). */
    public long version() {
        return version;
    }

    public String caseNumber() {
        return caseNumber;
    }

    /** Set once, right after the id has been assigned. */
    public void assignCaseNumber(String number) {
        if (caseNumber != null) {
            throw new IllegalStateException("The case number is already assigned");
        }
        caseNumber = number;
    }

    public String submissionToken() {
        return submissionToken;
    }

    public String accessCodeHash() {
        return accessCodeHash;
    }

    public DisputeCategory category() {
        return category;
    }

    public String agencyId() {
        return agencyId;
    }

    public CaseStatus status() {
        return status;
    }

    public String applicantKind() {
        return applicantKind;
    }

    public String applicantName() {
        return applicantName;
    }

    public String idType() {
        return idType;
    }

    public String idNumberEncrypted() {
        return idNumberEncrypted;
    }

    public String idNumberMasked() {
        return idNumberMasked;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String address() {
        return address;
    }

    public String otherPartyName() {
        return otherPartyName;
    }

    public String otherPartyContact() {
        return otherPartyContact;
    }

    public String facts() {
        return facts;
    }

    public String request() {
        return request;
    }

    public String preferredTimes() {
        return preferredTimes;
    }

    public boolean preferOnline() {
        return preferOnline;
    }

    public String language() {
        return language;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public boolean extended() {
        return extended;
    }

    public Instant sessionAt() {
        return sessionAt;
    }

    public String sessionPlace() {
        return sessionPlace;
    }

    public String agreementTerms() {
        return agreementTerms;
    }

    public String mediator() {
        return mediator;
    }

    public String otherPartyEmail() {
        return otherPartyEmail;
    }

    public String otherPartyLanguage() {
        return otherPartyLanguage == null ? language : otherPartyLanguage;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String submittedFromLetterCode() {
        return submittedFromLetter;
    }

    public List<CaseTransition> history() {
        return Collections.unmodifiableList(history);
    }
}
