package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.TextChecks;
import static cn.gov.enforcement.portal.mediation.MediationApplication.Fields.*;

import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.mediation.MediationApplication.IdType;
import cn.gov.enforcement.portal.platform.AccessCodes;
import cn.gov.enforcement.portal.mediation.internal.CaseMessage;
import cn.gov.enforcement.portal.mediation.internal.CaseMessageRepository;
import cn.gov.enforcement.portal.mediation.internal.Draft;
import cn.gov.enforcement.portal.mediation.internal.DraftRepository;
import cn.gov.enforcement.portal.mediation.internal.Evidence;
import cn.gov.enforcement.portal.mediation.internal.EvidenceFiles;
import cn.gov.enforcement.portal.mediation.internal.EvidenceRepository;
import cn.gov.enforcement.portal.mediation.internal.LetterRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import cn.gov.enforcement.portal.mediation.internal.CaseTransition;
import cn.gov.enforcement.portal.mediation.internal.IdNumberCipher;
import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import cn.gov.enforcement.portal.notification.Outbox;
import cn.gov.enforcement.portal.notification.OutgoingMail;
import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public side of mediation: validate and submit an application, track a case with its number
 * and access code, withdraw it, and answer the status API. Nothing here needs a signed-in user;
 * a case is reachable only with its number and its access code.
 */
@Service
public class MediationService {

    public static final int MAX_NAME = 100;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_CONTACT = 200;
    public static final int MIN_FACTS = 10;
    public static final int MAX_FACTS = 4000;
    public static final int MIN_REQUEST = 5;
    public static final int MAX_REQUEST = 2000;
    public static final int MAX_PREFERRED = 500;
    public static final int MAX_REASON = 2000;
    public static final int MAX_MESSAGE = 2000;
    /**
     * The largest encrypted draft (base64, so its characters are its UTF-16 units): the fields at their limits in
     * characters of four UTF-8 bytes (𠀀, an emoji) come to some 40,000, which the column (V35) holds.
     */
    static final int MAX_DRAFT_PAYLOAD = 48000;

    private static final Pattern OTHER_ID = Pattern.compile("[A-Za-z0-9-]{5,30}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{16,64}");
    private static final Pattern CASE_NUMBER = Pattern.compile("TJ-[0-9]{4}-[0-9]{6,}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MediationCaseRepository cases;
    private final IdNumberCipher cipher;
    private final MediationSettings settings;
    private final Clock clock;
    private final Outbox outbox;
    private final Translations translations;
    private final TransactionTemplate tx;
    private final AgencyDirectory agencies;
    private final MediationRateLimiter limiter;
    private final CaseMessageRepository messages;
    private final EvidenceRepository evidence;
    private final EvidenceFiles files;
    private final DraftRepository drafts;
    private final LetterRepository letters;
    private final MediationAgencyMail agencyMail;
    private final WorkingCalendar calendar;
    private final ObjectMapper json = new ObjectMapper();

    MediationService(MediationCaseRepository cases, IdNumberCipher cipher, MediationSettings settings, Clock clock,
            Outbox outbox, Translations translations, PlatformTransactionManager transactionManager,
            AgencyDirectory agencies, MediationRateLimiter limiter, CaseMessageRepository messages,
            EvidenceRepository evidence, EvidenceFiles files, DraftRepository drafts, LetterRepository letters,
            MediationAgencyMail agencyMail, WorkingCalendar calendar) {
        this.calendar = calendar;
        this.agencyMail = agencyMail;
        this.agencies = agencies;
        this.limiter = limiter;
        this.messages = messages;
        this.evidence = evidence;
        this.files = files;
        this.drafts = drafts;
        this.letters = letters;
        this.cases = cases;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
        this.outbox = outbox;
        this.translations = translations;
        this.tx = new TransactionTemplate(transactionManager);
    }

    public MediationSettings settings() {
        return settings;
    }

    /** The agency that handles a category. */
    public String agencyFor(DisputeCategory category) {
        return settings.agencyFor(category);
    }

    /**
     * The name of an agency in the reader's language (Chinese name, English name for English when the agency has
     * one); the id when unknown.
     */
    public String agencyName(String agencyId, Locale locale) {
        return agencies.find(agencyId)
                .map(d -> d.summary().displayName(Translations.supported(locale)))
                .orElse(agencyId);
    }

    /**
     * The name (in the reader's language), public phone, office hours and address of an agency, from the agency
     * directory; the id as the name and nothing else when the directory does not know the agency.
     */
    public AgencyContact agencyContact(String agencyId, Locale locale) {
        Locale language = Translations.supported(locale);
        return agencies.find(agencyId)
                .map(d -> new AgencyContact(d.summary().displayName(language),
                        blankToNull(d.summary().supervisionPhone()),
                        inLanguage(d.summary().officeHours(), d.summary().displayOfficeHours(language)),
                        inLanguage(d.summary().address(), d.summary().displayAddress(language))))
                .orElse(new AgencyContact(agencyId, null, null, null));
    }

    /**
     * A text of the agency file (office hours, address) in the reader's language ({@code shown}: the English text for
     * English when the file gives one, else the Chinese, in Traditional characters for a zh-TW reader); null when the
     * Chinese text {@code written} is blank.
     */
    private static String inLanguage(String written, String shown) {
        return blankToNull(written) == null ? null : blankToNull(shown);
    }

    /**
     * How a party reaches the agency, for the end of every mail to the parties: the agency's name, then its phone
     * (with its office hours) and its address when the directory knows them, each on a line of its own. The other
     * party in particular has to contact the agency to agree to mediation or decline it.
     */
    String contactLines(String agencyId, Locale language) {
        AgencyContact agency = agencyContact(agencyId, language);
        List<String> lines = new ArrayList<>();
        lines.add(translations.get(language, "mediation.mail.contact.agency", agency.name()));
        if (agency.phone() != null) {
            lines.add(agency.officeHours() == null
                    ? translations.get(language, "mediation.mail.contact.phone", agency.phone())
                    : translations.get(language, "mediation.mail.contact.phoneHours", agency.phone(), agency.officeHours()));
        }
        if (agency.address() != null) {
            lines.add(translations.get(language, "mediation.mail.contact.address", agency.address()));
        }
        return String.join("\n", lines);
    }

    /**
     * The parts of a mail that may be empty (a step's reason, its details, the guidance onward), each on a line of its
     * own after the line they follow; an empty part adds nothing, so a step without a reason leaves no blank line.
     */
    static String followingLines(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append('\n').append(part.strip());
            }
        }
        return text.toString();
    }

    /** The ids of every agency of the directory and of the routing. */
    java.util.SortedSet<String> agencyIds() {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>(settings.routing().values());
        agencies.all().forEach(a -> ids.add(a.id()));
        return ids;
    }

    /** Every problem of the application, one per field at most; empty when it may be submitted. */
    public List<FieldProblem> check(MediationApplication a) {
        List<FieldProblem> problems = new ArrayList<>();
        if (a == null) {
            problems.add(new FieldProblem(CATEGORY, "mediation.error.category"));
            return problems;
        }
        if (a.category() == null) {
            problems.add(new FieldProblem(CATEGORY, "mediation.error.category"));
        }
        if (a.applicantKind() == null) {
            problems.add(new FieldProblem(APPLICANT_KIND, "mediation.error.applicantKind"));
        }
        text(problems, APPLICANT_NAME, a.applicantName(), TypedText.Kind.LINE, 2, MAX_NAME, "mediation.error.applicantName");
        if (a.idType() == null) {
            problems.add(new FieldProblem(ID_TYPE, "mediation.error.idType"));
        } else if (a.applicantKind() != null && !a.applicantKind().accepts(a.idType())) {
            // an organisation with a resident identity card, a person with a credit code: the number is not
            // checked against a document that cannot be the applicant's
            problems.add(new FieldProblem(ID_TYPE, "mediation.error.idType." + a.applicantKind().name()));
        } else {
            idProblem(a.idType(), a.idNumber()).ifPresent(key -> problems.add(new FieldProblem(ID_NUMBER, key)));
        }
        if (blank(a.phone())) {
            problems.add(new FieldProblem(PHONE, "mediation.error.phone.empty"));
        } else if (!PersonalData.isValidPhone(a.phone())) {
            problems.add(new FieldProblem(PHONE, "mediation.error.phone.format"));
        }
        if (!blank(a.email()) && !Outbox.isValidAddress(a.email())) {
            problems.add(new FieldProblem(EMAIL, "mediation.error.email"));
        }
        optionalText(problems, ADDRESS, a.address(), MAX_ADDRESS);
        text(problems, OTHER_PARTY_NAME, a.otherPartyName(), TypedText.Kind.LINE, 1, MAX_NAME, "mediation.error.otherPartyName");
        optionalText(problems, OTHER_PARTY_CONTACT, a.otherPartyContact(), MAX_CONTACT);
        text(problems, FACTS, a.facts(), TypedText.Kind.TEXT, MIN_FACTS, MAX_FACTS, "mediation.error.facts");
        text(problems, REQUEST, a.request(), TypedText.Kind.TEXT, MIN_REQUEST, MAX_REQUEST, "mediation.error.request");
        optionalText(problems, PREFERRED_TIMES, a.preferredTimes(), MAX_PREFERRED);
        if (!a.consent()) {
            problems.add(new FieldProblem(CONSENT, "mediation.error.consent"));
        }
        if (a.submissionToken() == null || !TOKEN.matcher(a.submissionToken()).matches()) {
            problems.add(new FieldProblem(SUBMISSION_TOKEN, "mediation.error.submissionToken"));
        }
        return problems;
    }

    private Optional<String> idProblem(IdType type, String number) {
        if (blank(number)) {
            return Optional.of("mediation.error.idNumber.empty");
        }
        return switch (type) {
            case RESIDENT_ID -> PersonalData.residentIdProblem(number, LocalDate.now(clock.withZone(settings.zone())));
            case CREDIT_CODE -> PersonalData.creditCodeProblem(number);
            case OTHER -> OTHER_ID.matcher(otherId(number)).matches() ? Optional.empty() : Optional.of("mediation.error.otherId");
        };
    }

    /** Another document's number as checked and kept: half-width (as typed by a Chinese input method), trimmed. */
    private static String otherId(String number) {
        return PersonalData.halfWidth(number).strip();
    }

    /** A field that must be filled: missing or too short gets its own message, the rest {@link TypedText}'s. */
    private static void text(List<FieldProblem> problems, String field, String value, TypedText.Kind kind, int min, int max,
            String key) {
        TypedText.problem(field, value, kind, min, max, key, String.valueOf(min), String.valueOf(max)).ifPresent(problems::add);
    }

    private static void optionalText(List<FieldProblem> problems, String field, String value, int max) {
        TypedText.problem(field, value, TypedText.Kind.TEXT, 0, max, TypedText.MAX_LENGTH, String.valueOf(max))
                .ifPresent(problems::add);
    }

    /**
     * Checks an applicant's reason to withdraw (null or blank for none): at most {@link #MAX_REASON} characters
     * ({@link TextChecks#characters}: an emoji or 𠀀 is one), no control characters but line breaks and tabs.
     *
     * @throws ValidationFailure (field {@code reason}) otherwise
     */
    static void checkWithdrawalReason(String reason) {
        if (reason != null && (TextChecks.characters(reason.strip()) > MAX_REASON || hasControl(reason))) {
            throw ValidationFailure.of("reason", "mediation.error.tooLong", String.valueOf(MAX_REASON));
        }
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Submits an application: one case in the database, its first history entry and the
     * confirmation mail (when an e-mail address is given) in the same transaction. A resend with
     * the same submission token returns the case created first.
     *
     * @throws ValidationFailure when any field is invalid (nothing is stored)
     */
    public SubmissionReceipt submit(MediationApplication a, Locale locale) {
        return submit(a, locale, null, null);
    }

    /**
     * Submits an application from a client (its IP address; {@code null} for a trusted caller), which
     * counts against {@code portal.mediation.submissions-per-window}; a resend of the same
     * application does not count. A letter code (from a notice-and-guidance letter) is recorded with
     * the case when it is valid.
     *
     * @throws RateLimitedException when the client has submitted too many applications
     */
    public SubmissionReceipt submit(MediationApplication a, Locale locale, String client, String letterCode) {
        List<FieldProblem> problems = check(a);
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        Locale language = Translations.supported(locale);
        Optional<SubmissionReceipt> earlier = findResend(a.submissionToken());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // checked and counted in one step, so that concurrent submissions of one client cannot pass the limit together;
        // given back when no case was created (a resend stored meanwhile, a refusal of the database or the outbox)
        SlidingWindowLimiter.Reservation slot = limiter.reserve(MediationRateLimiter.Kind.SUBMISSION, client);
        String code = AccessCodes.generate();
        try {
            return slot.releasedOnFailure(() -> tx.execute(status -> create(a, code, language, letterCode)));
        } catch (DataIntegrityViolationException concurrentResend) {
            return findResend(a.submissionToken()).orElseThrow(() -> concurrentResend);
        }
    }

    private Optional<SubmissionReceipt> findResend(String token) {
        return tx.execute(status -> cases.findBySubmissionToken(token)
                .map(c -> new SubmissionReceipt(c.caseNumber(), null, true, c.agencyId(), c.acceptanceDue(settings, calendar.current()),
                        c.email() != null)));
    }

    private SubmissionReceipt create(MediationApplication a, String code, Locale language, String letterCode) {
        Instant now = clock.instant();
        String idNumber = a.idType() == IdType.OTHER ? otherId(a.idNumber()) : PersonalData.normalizeResidentId(a.idNumber());
        MediationCase.Applicant applicant = new MediationCase.Applicant(a.applicantKind().name(), a.applicantName().strip(),
                a.idType().name(), cipher.encrypt(idNumber), PersonalData.maskId(idNumber),
                PersonalData.normalizePhone(a.phone()), blankToNull(a.email()), blankToNull(a.address()),
                a.otherPartyName().strip(), blankToNull(a.otherPartyContact()), a.facts().strip(), a.request().strip(),
                blankToNull(a.preferredTimes()), a.preferOnline());
        MediationCase c = MediationCase.submit(applicant, a.category(), settings.agencyFor(a.category()),
                a.submissionToken(), AccessCodes.hash(code), language.toLanguageTag(), now);
        String contact = a.otherPartyContact() == null ? "" : a.otherPartyContact().strip();
        if (Outbox.isValidAddress(contact)) {
            c.otherPartyMail(contact, language.toLanguageTag());
        }
        if (letterCode != null) {
            String normalized = AccessCodes.normalize(letterCode);
            letters.findByCode(normalized).filter(l -> MediationLetters.validAt(l.expiresAt(), now, settings.zone()))
                    .ifPresent(l -> c.submittedFromLetter(l.code()));
        }
        MediationCase saved = cases.save(c);
        saved.assignCaseNumber(String.format(Locale.ROOT, "TJ-%d-%06d", LocalDate.ofInstant(now, settings.zone()).getYear(), saved.id()));
        cases.flush();
        List<Evidence> uploaded = evidence.findBySubmissionTokenAndCaseIdIsNullOrderByIdAsc(a.submissionToken());
        uploaded.forEach(e -> e.attachTo(saved.id()));
        agencyMail.submitted(saved);
        return receipt(saved, code, language);
    }

    private SubmissionReceipt receipt(MediationCase c, String code, Locale language) {
        LocalDate acceptanceDue = c.acceptanceDue(settings, calendar.current());
        if (c.email() != null) {
            outbox.enqueue(OutgoingMail.text("mediation-submitted:" + c.caseNumber(), c.email(),
                    translations.get(language, "mediation.mail.submitted.subject", c.caseNumber()),
                    translations.get(language, "mediation.mail.submitted.body", c.applicantName(), c.caseNumber(), code,
                            translations.get(language, c.category().messageKey()), contactLines(c.agencyId(), language),
                            acceptanceDue.format(DATE), trackingLink(c, language)),
                    language));
        }
        return new SubmissionReceipt(c.caseNumber(), code, false, c.agencyId(), acceptanceDue, c.email() != null);
    }

    /** The case with this number when the access code fits; empty for an unknown number or a wrong code alike. */
    public Optional<CaseTracking> track(String number, String accessCode) {
        return track(number, accessCode, null);
    }

    /**
     * As {@link #track(String, String)} for a client (IP address) whose failed look-ups count against
     * {@code portal.mediation.code-guesses-per-window}.
     *
     * @throws RateLimitedException when the client has made too many failed look-ups
     */
    public Optional<CaseTracking> track(String number, String accessCode, String client) {
        checkLookUp(number, accessCode);
        return guarded(client, () -> tx.execute(status -> authorised(number, accessCode).map(this::tracking)));
    }

    /** Status and history dates only, for the status API; empty for an unknown number or a wrong code alike. */
    public Optional<StatusAnswer> status(String number, String accessCode) {
        return status(number, accessCode, null);
    }

    /**
     * As {@link #status(String, String)}, rate-limited per client like {@link #track(String, String, String)}.
     *
     * @throws ValidationFailure as {@link #checkLookUp(String, String)}
     */
    public Optional<StatusAnswer> status(String number, String accessCode, String client) {
        checkLookUp(number, accessCode);
        return guarded(client, () -> tx.execute(status -> authorised(number, accessCode).map(c -> new StatusAnswer(c.caseNumber(), c.status(),
                c.overdue(settings, calendar.current(), clock.instant()),
                c.history().stream().filter(t -> t.kind() == null).map(t -> new StatusAnswer.Entry(t.to(), t.occurredAt())).toList()))));
    }

    /**
     * Refuses a look-up that cannot find any case, before it takes a guess of the client: a missing number
     * ({@code number}), a number not of the form TJ-year-number ({@code number}), a missing code ({@code code}). Such a
     * look-up tells nothing about any case, so it need not count; counting it let a reader who pressed the button on
     * empty fields lock the address out.
     *
     * @throws ValidationFailure naming each refused field
     */
    static void checkLookUp(String number, String accessCode) {
        List<FieldProblem> problems = new ArrayList<>();
        String n = number == null ? "" : number.strip();
        if (n.isEmpty()) {
            problems.add(new FieldProblem("number", "mediation.track.error.numberEmpty"));
        } else if (!CASE_NUMBER.matcher(n.toUpperCase(Locale.ROOT)).matches()) {
            problems.add(new FieldProblem("number", "mediation.track.error.numberFormat"));
        }
        if (accessCode == null || accessCode.isBlank()) {
            problems.add(new FieldProblem("code", "mediation.track.error.codeEmpty"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
    }

    /**
     * Runs a look-up with a number and a code for a client whose failed look-ups are limited: only a look-up that
     * finds nothing counts. Its slot is taken before the look-up, checked and counted in one step, and given back
     * when the look-up found the case or failed otherwise (an exception, such as a case finished meanwhile). Asking
     * first and counting the failure afterwards let every look-up that asked at the same time through, so parallel
     * wrong guesses could pass the limit by as many as were sent at once; now they cannot pass it at all. The price
     * is that a look-up with the right code holds a slot while it runs: a client one failure short of the limit
     * whose right look-ups overlap may see one of them refused. That cannot be avoided, as whether a code is right
     * is known only after the look-up.
     *
     * @throws RateLimitedException when the client has made too many failed look-ups
     */
    private <T> Optional<T> guarded(String client, java.util.function.Supplier<Optional<T>> lookUp) {
        SlidingWindowLimiter.Reservation guess = limiter.reserve(MediationRateLimiter.Kind.CODE_GUESS, client);
        Optional<T> found = guess.releasedOnFailure(lookUp);
        if (found.isPresent()) {
            guess.release();
        }
        return found;
    }

    /** Gives the slot back when the current transaction does not commit: what it counted did not happen. */
    private static void releaseUnlessCommitted(SlidingWindowLimiter.Reservation slot) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    slot.release();
                }
            }
        });
    }

    /**
     * The applicant withdraws the case (from any open state); confirmed by mail.
     *
     * @return the case after withdrawal; empty for an unknown number or a wrong code
     * @throws IllegalTransitionException when the case is no longer open
     * @throws ValidationFailure when the reason is too long
     */
    public Optional<CaseTracking> withdraw(String number, String accessCode, String reason) {
        return withdraw(number, accessCode, reason, null);
    }

    /**
     * {@link #withdraw(String, String, String)} for a client: a wrong code counts as a failed look-up, and a client
     * with too many of them is refused as on the tracking page.
     *
     * @throws RateLimitedException when the client has failed too many look-ups
     */
    public Optional<CaseTracking> withdraw(String number, String accessCode, String reason, String client) {
        checkWithdrawalReason(reason);
        return guarded(client, () -> tx.execute(status -> authorised(number, accessCode).map(c -> {
            c.withdraw(blank(reason) ? null : reason.strip(), clock.instant());
            notifyApplicant(c);
            agencyMail.withdrawn(c);
            return tracking(c);
        })));
    }

    private Optional<MediationCase> authorised(String number, String accessCode) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (!CASE_NUMBER.matcher(n).matches() || accessCode == null || accessCode.length() > 40) {
            AccessCodes.matches("", AccessCodes.DUMMY);
            return Optional.empty();
        }
        Optional<MediationCase> found = cases.findByCaseNumber(n);
        boolean fits = AccessCodes.matches(accessCode, found.map(MediationCase::accessCodeHash).orElse(AccessCodes.DUMMY));
        return fits ? found : Optional.empty();
    }

    /**
     * Mails the case's latest step to the applicant and, for the steps that concern them, to the
     * other party (each when an address is known, each in their own language). Inside a transaction.
     */
    void notifyApplicant(MediationCase c) {
        List<CaseTransition> history = c.history();
        CaseTransition last = history.get(history.size() - 1);
        if (!toParties(last)) {
            return; // assigning a mediator is internal
        }
        if (c.email() != null) {
            Locale language = Translations.supported(Locale.forLanguageTag(c.language()));
            outbox.enqueue(OutgoingMail.text("mediation-step:" + c.caseNumber() + ":" + history.size(), c.email(),
                    translations.get(language, "mediation.mail.step.subject", c.caseNumber(), stepText(c, last, language)),
                    translations.get(language, "mediation.mail.step.body", c.applicantName(), c.caseNumber(),
                            stepText(c, last, language),
                            followingLines(details(c, last, language, false), guidance(last, language)),
                            contactLines(c.agencyId(), language), trackingLink(c, language)),
                    language));
        }
        if (c.otherPartyEmail() != null && concernsOtherParty(c, last)) {
            Locale language = Translations.supported(Locale.forLanguageTag(c.otherPartyLanguage()));
            String statusText = otherPartyStepText(c, last, language);
            String body = last.to() == CaseStatus.OTHER_PARTY_INVITED
                    ? translations.get(language, "mediation.mail.invitation.body", c.otherPartyName(), c.caseNumber(),
                            agencyName(c.agencyId(), language), translations.get(language, c.category().messageKey()),
                            c.applicantName(), followingLines(last.reason()), contactLines(c.agencyId(), language))
                    : translations.get(language, "mediation.mail.otherParty.body", c.otherPartyName(), c.caseNumber(),
                            statusText, followingLines(details(c, last, language, true), guidance(last, language)),
                            contactLines(c.agencyId(), language));
            // the invitation says so to the one invited: "other party invited" is the applicant's view of the step
            String subject = last.to() == CaseStatus.OTHER_PARTY_INVITED
                    ? translations.get(language, "mediation.mail.invitation.subject", c.caseNumber(),
                            agencyName(c.agencyId(), language))
                    : translations.get(language, "mediation.mail.step.subject", c.caseNumber(), statusText);
            outbox.enqueue(OutgoingMail.text("mediation-other:" + c.caseNumber() + ":" + history.size(), c.otherPartyEmail(),
                    subject, body, language));
        }
    }

    /** The other party hears of the invitation and of every later step, once invited. */
    private static boolean concernsOtherParty(MediationCase c, CaseTransition last) {
        boolean invited = c.history().stream().anyMatch(t -> t.to() == CaseStatus.OTHER_PARTY_INVITED && t.kind() == null);
        return invited && toParties(last);
    }

    /** The steps the parties hear of: every change of state, the extension and a new session time; not the mediator. */
    private static boolean toParties(CaseTransition step) {
        return step.kind() == null || CaseTransition.EXTENDED.equals(step.kind())
                || CaseTransition.RESCHEDULED.equals(step.kind());
    }

    /**
     * A step as the other party reads it: their own answer to the invitation in their own words (您已同意参加调解), not
     * in the applicant's (对方同意调解); every other step as the applicant reads it.
     */
    private String otherPartyStepText(MediationCase c, CaseTransition step, Locale language) {
        if (step.kind() == null && step.to() == CaseStatus.OTHER_PARTY_AGREED) {
            return translations.get(language, "mediation.mail.otherParty.agreed");
        }
        if (step.kind() == null && step.to() == CaseStatus.OTHER_PARTY_DECLINED) {
            return translations.get(language, "mediation.mail.otherParty.declined");
        }
        return stepText(c, step, language);
    }

    private String stepText(MediationCase c, CaseTransition step, Locale language) {
        if (CaseTransition.RESCHEDULED.equals(step.kind())) {
            return translations.get(language, "mediation.track.rescheduled");
        }
        return CaseTransition.EXTENDED.equals(step.kind()) ? translations.get(language, "mediation.track.extended")
                : translations.get(language, step.to().messageKey());
    }

    /**
     * What the mail says about a step besides its name: the reason or note given with it, the session, the terms, the
     * new deadline. The other party never reads what the applicant wrote (the reason of a withdrawal): it is the
     * applicant's own business why they give up, and it may name things the other side should not learn.
     */
    private String details(MediationCase c, CaseTransition step, Locale language, boolean forOtherParty) {
        boolean hidden = forOtherParty && MediationCase.APPLICANT.equals(step.actor());
        StringBuilder text = new StringBuilder(step.reason() == null || hidden ? "" : step.reason());
        if (step.kind() == null && step.to() == CaseStatus.SESSION_SCHEDULED && c.sessionAt() != null) {
            text.setLength(0);
            text.append(translations.get(language, "mediation.track.session",
                    DATE_TIME.format(c.sessionAt().atZone(settings.zone())), c.sessionPlace()));
        }
        if (CaseTransition.RESCHEDULED.equals(step.kind()) && c.sessionAt() != null) {
            text.setLength(0);
            text.append(translations.get(language, "mediation.track.sessionNew",
                    DATE_TIME.format(c.sessionAt().atZone(settings.zone())), c.sessionPlace()));
        }
        if (step.kind() == null && step.to() == CaseStatus.AGREEMENT_REACHED && c.agreementTerms() != null) {
            text.append(translations.get(language, "mediation.track.agreement", c.agreementTerms()));
        }
        if (step.kind() == null && step.to() == CaseStatus.ACCEPTED) {
            // the day by which mediation should end, as the tracking page shows it from the acceptance on
            c.mediationDue(settings, calendar.current()).ifPresent(due -> text.append("\n")
                    .append(translations.get(language, "mediation.track.mediationDue", due.format(DATE))));
        }
        if (CaseTransition.EXTENDED.equals(step.kind())) {
            c.mediationDue(settings, calendar.current()).ifPresent(due -> text.append("\n")
                    .append(translations.get(language, "mediation.track.mediationDueExtended", due.format(DATE))));
        }
        return text.toString();
    }

    private String guidance(CaseTransition step, Locale language) {
        return step.kind() == null && step.to().needsReason() ? translations.get(language, "mediation.guidance.onward") : "";
    }

    /** Mails a party that a new message from the agency is waiting on the tracking page. */
    void notifyMessage(MediationCase c, long messageNumber) {
        if (c.email() == null) {
            return;
        }
        Locale language = Translations.supported(Locale.forLanguageTag(c.language()));
        outbox.enqueue(OutgoingMail.text("mediation-message:" + c.caseNumber() + ":" + messageNumber, c.email(),
                translations.get(language, "mediation.mail.message.subject", c.caseNumber()),
                translations.get(language, "mediation.mail.message.body", c.applicantName(), c.caseNumber(),
                        agencyName(c.agencyId(), language), contactLines(c.agencyId(), language),
                        trackingLink(c, language)),
                language));
    }

    /**
     * The tracking page for the applicant's mails, with the case number filled in and in the applicant's language;
     * the access code is never in a link (it is typed, as on the page).
     */
    private String trackingLink(MediationCase c, Locale language) {
        return settings.link("mediation/track?number=" + c.caseNumber(), language);
    }

    // --- messages from the applicant -------------------------------------------------------------

    /**
     * The applicant replies on the tracking page. Each message mails the agency and the assigned mediator, so a case
     * takes at most {@code portal.mediation.messages-per-window} of them per {@code portal.mediation.rate-window},
     * from whichever client; a message refused or not stored does not count.
     *
     * @return the case with the new message; empty for an unknown number or a wrong code
     * @throws ValidationFailure (field {@code message}) when the message is empty or too long, or when the case has
     *     taken its messages of the window; nothing is stored then
     * @throws IllegalTransitionException when the case is finished (withdrawn, not accepted, declined, closed)
     */
    public Optional<CaseTracking> reply(String number, String accessCode, String body, String client) {
        String text = messageText(body);
        return guarded(client, () -> tx.execute(status -> authorised(number, accessCode).map(c -> {
            if (c.status().isFinal()) {
                throw new IllegalTransitionException(c.status(), c.status());
            }
            // counted once the code is known to be right, so that someone with the number alone cannot use up the
            // applicant's messages; checked and counted in one step, given back when the message is not stored
            releaseUnlessCommitted(messageSlot(c.caseNumber()));
            CaseMessage saved = messages.saveAndFlush(new CaseMessage(c.id(), true, MediationCase.APPLICANT, text, clock.instant()));
            agencyMail.applicantMessage(c, saved.id());
            return tracking(c);
        })));
    }

    /** @throws ValidationFailure (field {@code message}) when the case has taken its messages of the window */
    private SlidingWindowLimiter.Reservation messageSlot(String caseNumber) {
        try {
            return limiter.reserve(MediationRateLimiter.Kind.MESSAGE, caseNumber);
        } catch (RateLimitedException used) {
            throw ValidationFailure.of("message", "mediation.error.tooManyMessages", settings.messagesPerWindow(),
                    Math.max(1, settings.rateWindow().toMinutes()), used.retryAfterMinutes());
        }
    }

    static String messageText(String body) {
        return TypedText.require("message", body, TypedText.Kind.TEXT, 1, MAX_MESSAGE, "mediation.error.message",
                String.valueOf(MAX_MESSAGE));
    }

    // --- evidence ------------------------------------------------------------------------------------

    /**
     * Stores an evidence file uploaded in the wizard under the application's submission token. The
     * size and the type (recognised from the content) are checked against the settings.
     *
     * @throws ValidationFailure with the field {@code evidence} when the file is refused
     */
    public EvidenceInfo upload(String submissionToken, String fileName, byte[] content) {
        return upload(submissionToken, fileName, content, null);
    }

    /**
     * {@link #upload(String, String, byte[])} for a client: a file accepted counts against the client's uploads per
     * window ({@code null}: a trusted caller, not limited).
     *
     * @throws RateLimitedException when the client has stored its evidence files of the window
     */
    public EvidenceInfo upload(String submissionToken, String fileName, byte[] content, String client) {
        if (submissionToken == null || !TOKEN.matcher(submissionToken).matches()) {
            throw ValidationFailure.of("evidence", "mediation.error.submissionToken");
        }
        if (content == null || content.length == 0) {
            throw ValidationFailure.of("evidence", "mediation.error.evidence.empty");
        }
        if (content.length > settings.evidenceMaxBytes()) {
            throw ValidationFailure.of("evidence", "mediation.error.evidence.size", megabytes(settings.evidenceMaxBytes()));
        }
        Optional<String> type = EvidenceFiles.sniff(content).filter(settings.evidenceTypes()::contains);
        if (type.isEmpty()) {
            throw ValidationFailure.of("evidence", "mediation.error.evidence.type",
                    String.join(", ", new java.util.TreeSet<>(settings.evidenceTypes())).toUpperCase(Locale.ROOT));
        }
        String name = cleanFileName(fileName, type.get());
        // checked and counted in one step; a file refused inside (the application submitted meanwhile, too many files)
        // or not stored gives its slot back
        return limiter.reserve(MediationRateLimiter.Kind.UPLOAD, client)
                .releasedOnFailure(() -> tx.execute(status -> storeEvidence(submissionToken, name, content, type.get())));
    }

    /** Stores a file already checked, unless the application was submitted meanwhile or has its files. In a transaction. */
    private EvidenceInfo storeEvidence(String submissionToken, String name, byte[] content, String type) {
        if (cases.findBySubmissionToken(submissionToken).isPresent()) {
            throw ValidationFailure.of("evidence", "mediation.error.evidence.submitted");
        }
        List<Evidence> earlier = evidence.findBySubmissionTokenAndCaseIdIsNullOrderByIdAsc(submissionToken);
        if (earlier.size() >= settings.evidenceMaxFiles()) {
            throw ValidationFailure.of("evidence", "mediation.error.evidence.count", settings.evidenceMaxFiles());
        }
        String stored = files.store(content, type);
        try {
            Evidence e = evidence.saveAndFlush(new Evidence(submissionToken, stored, name,
                    EvidenceFiles.contentType(type), content.length, clock.instant()));
            return info(e);
        } catch (RuntimeException failed) {
            files.delete(stored);
            throw failed;
        }
    }

    /**
     * {@link #upload(String, String, byte[], String)} from a file, such as the temporary file an upload was streamed
     * to: a file larger than allowed is refused from its length, before any of it is read, so memory holds only files
     * that may be kept. The file itself is left as it is; the caller deletes it.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public EvidenceInfo upload(String submissionToken, String fileName, java.nio.file.Path content, String client) {
        byte[] bytes;
        try {
            if (java.nio.file.Files.size(content) > settings.evidenceMaxBytes()) {
                throw ValidationFailure.of("evidence", "mediation.error.evidence.size", megabytes(settings.evidenceMaxBytes()));
            }
            bytes = java.nio.file.Files.readAllBytes(content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read an uploaded evidence file", e);
        }
        return upload(submissionToken, fileName, bytes, client);
    }

    /** The files uploaded so far under a submission token (not yet submitted). */
    public List<EvidenceInfo> uploaded(String submissionToken) {
        if (submissionToken == null) {
            return List.of();
        }
        return tx.execute(status -> evidence.findBySubmissionTokenAndCaseIdIsNullOrderByIdAsc(submissionToken).stream()
                .map(MediationService::info).toList());
    }

    /** Removes a file uploaded under a submission token before the application is submitted. */
    public void removeUpload(String submissionToken, long id) {
        tx.executeWithoutResult(status -> evidence.findById(id)
                .filter(e -> e.caseId() == null && e.submissionToken().equals(submissionToken))
                .ifPresent(e -> {
                    evidence.delete(e);
                    files.delete(e.storedName());
                }));
    }

    static EvidenceInfo info(Evidence e) {
        return new EvidenceInfo(e.id(), e.originalName(), e.contentType(), e.size(), e.uploadedAt());
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }

    /**
     * The uploaded file's name as officers see and download it: without control or format characters (a
     * right-to-left override could show {@code 证据\u202Efdp.bat} as {@code 证据tab.pdf}) and path separators, at most
     * 150 characters, and always ending in the extension of the type recognised from the content, so the name
     * cannot make an officer's computer open the file with another program.
     */
    static String cleanFileName(String fileName, String type) {
        String extension = switch (type) {
            case "jpeg" -> fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".jpeg") ? ".jpeg" : ".jpg";
            default -> "." + type;
        };
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{C}/\\\\]", "_").strip().replaceAll("[. ]+$", "");
        if (name.toLowerCase(Locale.ROOT).endsWith(extension)) {
            name = name.substring(0, name.length() - extension.length());
        }
        if (name.length() > 150 - extension.length()) {
            name = name.substring(name.length() - (150 - extension.length()));
        }
        return (name.isEmpty() ? "evidence" : name) + extension;
    }

    // --- drafts --------------------------------------------------------------------------------------

    /**
     * Saves the wizard's content as a draft (encrypted as a whole), new or over the draft of the
     * given code, and returns the resume code. Nothing is validated: a draft may be incomplete, but
     * no field may exceed its size.
     */
    public String saveDraft(MediationApplication a, String existingCode) {
        return saveDraft(a, existingCode, null);
    }

    /**
     * {@link #saveDraft(MediationApplication, String)} for a client: a new draft (not an update of the draft of
     * {@code existingCode}) counts against its drafts per window ({@code null}: a trusted caller, not limited).
     *
     * @throws RateLimitedException when the client has saved its drafts of the window
     */
    public String saveDraft(MediationApplication a, String existingCode, String client) {
        String payload;
        try {
            payload = cipher.encrypt(json.writeValueAsString(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a draft", e);
        }
        if (payload.length() > MAX_DRAFT_PAYLOAD) {
            throw ValidationFailure.of("draft", "mediation.error.draftTooLarge");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(settings.draftDays()));
        return tx.execute(status -> {
            if (existingCode != null) {
                Optional<Draft> existing = drafts.findByCodeDigest(AccessCodes.digest(existingCode))
                        .filter(d -> d.expiresAt().isAfter(now));
                if (existing.isPresent()) {
                    existing.get().update(payload, now, expires);
                    return AccessCodes.normalize(existingCode);
                }
            }
            // only a new draft counts: the wizard saves its draft at every change, which updates the same row; checked
            // and counted in one step, and given back when the draft is not stored after all
            releaseUnlessCommitted(limiter.reserve(MediationRateLimiter.Kind.DRAFT, client));
            String code = AccessCodes.generate();
            drafts.saveAndFlush(new Draft(AccessCodes.digest(code), payload, now, expires));
            return code;
        });
    }

    /**
     * The draft of a resume code, with every field as saved; empty for an unknown or expired code.
     * Failed look-ups count against the client's code guesses; a {@code null} client is not limited (the wizard
     * resuming the draft its own session kept across a language switch: that code is known, not guessed).
     */
    public Optional<MediationApplication> resumeDraft(String code, String client) {
        if (code == null || code.isBlank() || code.length() > 40) {
            return guarded(client, Optional::empty);
        }
        return guarded(client, () -> tx.execute(status -> drafts.findByCodeDigest(AccessCodes.digest(code))
                .filter(d -> d.expiresAt().isAfter(clock.instant()))
                .map(this::read)));
    }

    private MediationApplication read(Draft d) {
        try {
            return json.readValue(cipher.decrypt(d.payload()), MediationApplication.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a draft", e);
        }
    }

    /**
     * The submission tokens of the drafts still valid at {@code now}: their evidence stays as long as the draft, which
     * every save renews, even when it was uploaded more than {@code draft-days} ago.
     */
    java.util.Set<String> liveDraftTokens(Instant now) {
        return tx.execute(status -> {
            java.util.Set<String> tokens = new java.util.HashSet<>();
            for (Draft d : drafts.findByExpiresAtAfter(now)) {
                try {
                    Optional.ofNullable(read(d).submissionToken()).ifPresent(tokens::add);
                } catch (RuntimeException unreadable) {
                    // a draft that cannot be decrypted any more cannot be resumed either: its evidence may go
                }
            }
            return tokens;
        });
    }

    /** Deletes a draft after its application was submitted. */
    public void discardDraft(String code) {
        if (code != null) {
            tx.executeWithoutResult(status -> drafts.findByCodeDigest(AccessCodes.digest(code)).ifPresent(drafts::delete));
        }
    }

    // --- letters -------------------------------------------------------------------------------------

    /**
     * The application fields a notice-and-guidance letter pre-fills (category, the addressee as
     * applicant, the other party, the facts) and the party's language it was written in; empty for an
     * unknown or expired code. Failed look-ups count as code guesses.
     */
    public Optional<LetterPrefill> prefill(String letterCode, String client) {
        if (letterCode == null || letterCode.isBlank() || letterCode.length() > 40) {
            return Optional.empty();
        }
        return guarded(client, () -> tx.execute(status -> letters.findByCode(AccessCodes.normalize(letterCode))
                .filter(l -> MediationLetters.validAt(l.expiresAt(), clock.instant(), settings.zone()))
                .map(l -> new LetterPrefill(new MediationApplication(l.category(), null, l.partyName(), null, null, null,
                        l.partyEmail(), null, l.otherPartyName(), null, l.facts(), null, null, false, false, null),
                        Translations.supported(Locale.forLanguageTag(l.partyLanguage()))))));
    }

    CaseTracking tracking(MediationCase c) {
        Instant now = clock.instant();
        WorkingDayCalendar days = calendar.current();
        return new CaseTracking(c.caseNumber(), c.status(), c.category(), c.agencyId(), c.submittedAt(),
                c.acceptanceDue(settings, days), c.mediationDue(settings, days).orElse(null), c.extended(), c.overdue(settings, days, now),
                c.sessionAt(), c.sessionPlace(), c.agreementTerms(), c.applicantName(), c.idNumberMasked(),
                PersonalData.maskPhone(c.phone()), c.otherPartyName(),
                c.history().stream().filter(t -> !CaseTransition.MEDIATOR.equals(t.kind()))
                        .map(t -> new CaseTracking.Step(t.from(), t.to(), t.occurredAt(),
                        MediationCase.APPLICANT.equals(t.actor()), t.reason(), t.kind(), t.actor(), t.sessionAt())).toList(),
                messages.findByCaseIdOrderBySentAtAscIdAsc(c.id()).stream()
                        .map(m -> new CaseMessageView(m.fromApplicant(), m.author(), m.body(), m.sentAt())).toList());
    }

    /** The data of a document of a case, in the reader's language; for the applicant only documents that concern them. */
    public Optional<DocumentData> applicantDocument(String number, String accessCode, MediationDocument kind, Locale locale) {
        return tx.execute(status -> authorised(number, accessCode)
                .map(this::tracking)
                .filter(t -> kind.forApplicant() && MediationDocument.available(t).contains(kind))
                .map(t -> documentData(t, kind, locale)));
    }

    DocumentData documentData(CaseTracking t, MediationDocument kind, Locale locale) {
        String reason = t.history().stream()
                .filter(s -> s.changesState() && (s.to() == CaseStatus.NOT_ACCEPTED && kind == MediationDocument.NON_ACCEPTANCE_NOTICE
                        || s.to() == CaseStatus.ACCEPTED && kind == MediationDocument.ACCEPTANCE_NOTICE
                        || s.to() == CaseStatus.OTHER_PARTY_INVITED && kind == MediationDocument.INVITATION))
                .map(CaseTracking.Step::reason).filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null);
        Instant issued = t.history().stream().filter(s -> s.changesState() && switch (kind) {
                    case ACCEPTANCE_NOTICE -> s.to() == CaseStatus.ACCEPTED;
                    case NON_ACCEPTANCE_NOTICE -> s.to() == CaseStatus.NOT_ACCEPTED;
                    case INVITATION -> s.to() == CaseStatus.OTHER_PARTY_INVITED;
                    case AGREEMENT -> s.to() == CaseStatus.AGREEMENT_REACHED;
                }).map(CaseTracking.Step::at).reduce((a, b) -> b).orElse(clock.instant());
        LocalDate issuedOn = LocalDate.ofInstant(issued, settings.zone());
        // the acceptance notice states the deadline counted from the day of acceptance, not a later extended one;
        // counted with the working-day calendar as it stands when the notice is shown (deadlines are not stored:
        // a calendar entered after the acceptance changes a reprinted notice too, see README)
        LocalDate mediationDue = kind == MediationDocument.ACCEPTANCE_NOTICE
                ? calendar.current().plus(issuedOn, settings.mediationDays()) : t.mediationDue();
        return new DocumentData(kind, t.agencyId(), agencyName(t.agencyId(), locale), t.caseNumber(),
                issuedOn, t.category(), t.applicantName(), t.otherPartyName(),
                reason, mediationDue, t.sessionAt() == null ? null : DATE_TIME.format(t.sessionAt().atZone(settings.zone())),
                t.sessionPlace(), t.agreementTerms());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
