package cn.gov.enforcement.portal.mediation;

import static cn.gov.enforcement.portal.mediation.MediationApplication.Fields.*;

import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.mediation.MediationApplication.IdType;
import cn.gov.enforcement.portal.mediation.internal.AccessCodes;
import cn.gov.enforcement.portal.mediation.internal.CaseTransition;
import cn.gov.enforcement.portal.mediation.internal.IdNumberCipher;
import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import cn.gov.enforcement.portal.notification.Outbox;
import cn.gov.enforcement.portal.notification.OutgoingMail;
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

    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern OTHER_ID = Pattern.compile("[A-Za-z0-9-]{5,30}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{16,64}");
    private static final Pattern CASE_NUMBER = Pattern.compile("TJ-[0-9]{4}-[0-9]{6,}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final MediationCaseRepository cases;
    private final IdNumberCipher cipher;
    private final MediationSettings settings;
    private final Clock clock;
    private final Outbox outbox;
    private final Translations translations;
    private final TransactionTemplate tx;
    private final AgencyDirectory agencies;

    MediationService(MediationCaseRepository cases, IdNumberCipher cipher, MediationSettings settings, Clock clock,
            Outbox outbox, Translations translations, PlatformTransactionManager transactionManager,
            AgencyDirectory agencies) {
        this.agencies = agencies;
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

    /** The name of an agency in the reader's language (Chinese name, English name for English); the id when unknown. */
    public String agencyName(String agencyId, Locale locale) {
        return agencies.find(agencyId)
                .map(d -> Translations.supported(locale).equals(Translations.EN) ? d.summary().nameEn() : d.summary().name())
                .orElse(agencyId);
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
        text(problems, APPLICANT_NAME, a.applicantName(), 2, MAX_NAME, "mediation.error.applicantName");
        if (a.idType() == null) {
            problems.add(new FieldProblem(ID_TYPE, "mediation.error.idType"));
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
        text(problems, OTHER_PARTY_NAME, a.otherPartyName(), 1, MAX_NAME, "mediation.error.otherPartyName");
        optionalText(problems, OTHER_PARTY_CONTACT, a.otherPartyContact(), MAX_CONTACT);
        text(problems, FACTS, a.facts(), MIN_FACTS, MAX_FACTS, "mediation.error.facts");
        text(problems, REQUEST, a.request(), MIN_REQUEST, MAX_REQUEST, "mediation.error.request");
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
            case CREDIT_CODE -> CREDIT_CODE.matcher(PersonalData.normalizeResidentId(number)).matches()
                    ? Optional.empty() : Optional.of("mediation.error.creditCode");
            case OTHER -> OTHER_ID.matcher(number.trim()).matches() ? Optional.empty() : Optional.of("mediation.error.otherId");
        };
    }

    private static void text(List<FieldProblem> problems, String field, String value, int min, int max, String key) {
        String v = value == null ? "" : value.strip();
        if (v.length() < min || v.length() > max || hasControl(v)) {
            problems.add(new FieldProblem(field, key, String.valueOf(min), String.valueOf(max)));
        }
    }

    private static void optionalText(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && (value.strip().length() > max || hasControl(value))) {
            problems.add(new FieldProblem(field, "mediation.error.tooLong", String.valueOf(max)));
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
        List<FieldProblem> problems = check(a);
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        Locale language = Translations.supported(locale);
        Optional<SubmissionReceipt> earlier = findResend(a.submissionToken());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String code = AccessCodes.generate();
        try {
            return tx.execute(status -> create(a, code, language));
        } catch (DataIntegrityViolationException concurrentResend) {
            return findResend(a.submissionToken()).orElseThrow(() -> concurrentResend);
        }
    }

    private Optional<SubmissionReceipt> findResend(String token) {
        return tx.execute(status -> cases.findBySubmissionToken(token)
                .map(c -> new SubmissionReceipt(c.caseNumber(), null, true)));
    }

    private SubmissionReceipt create(MediationApplication a, String code, Locale language) {
        Instant now = clock.instant();
        String idNumber = a.idType() == IdType.OTHER ? a.idNumber().trim() : PersonalData.normalizeResidentId(a.idNumber());
        MediationCase.Applicant applicant = new MediationCase.Applicant(a.applicantKind().name(), a.applicantName().strip(),
                a.idType().name(), cipher.encrypt(idNumber), PersonalData.maskId(idNumber),
                PersonalData.normalizePhone(a.phone()), blankToNull(a.email()), blankToNull(a.address()),
                a.otherPartyName().strip(), blankToNull(a.otherPartyContact()), a.facts().strip(), a.request().strip(),
                blankToNull(a.preferredTimes()), a.preferOnline());
        MediationCase c = MediationCase.submit(applicant, a.category(), settings.agencyFor(a.category()),
                a.submissionToken(), AccessCodes.hash(code), language.toLanguageTag(), now);
        c = cases.save(c);
        c.assignCaseNumber(String.format(Locale.ROOT, "TJ-%d-%06d", LocalDate.ofInstant(now, settings.zone()).getYear(), c.id()));
        cases.flush();
        if (c.email() != null) {
            String agency = agencyName(c.agencyId(), language);
            outbox.enqueue(OutgoingMail.text("mediation-submitted:" + c.caseNumber(), c.email(),
                    translations.get(language, "mediation.mail.submitted.subject", c.caseNumber()),
                    translations.get(language, "mediation.mail.submitted.body", c.applicantName(), c.caseNumber(), code,
                            translations.get(language, c.category().messageKey()), agency,
                            c.acceptanceDue(settings).format(DATE)),
                    language));
        }
        return new SubmissionReceipt(c.caseNumber(), code, false);
    }

    /** The case with this number when the access code fits; empty for an unknown number or a wrong code alike. */
    public Optional<CaseTracking> track(String number, String accessCode) {
        return tx.execute(status -> authorised(number, accessCode).map(this::tracking));
    }

    /** Status and history dates only, for the status API; empty for an unknown number or a wrong code alike. */
    public Optional<StatusAnswer> status(String number, String accessCode) {
        return tx.execute(status -> authorised(number, accessCode).map(c -> new StatusAnswer(c.caseNumber(), c.status(),
                c.overdue(settings, clock.instant()),
                c.history().stream().filter(t -> t.from() != t.to()).map(t -> new StatusAnswer.Entry(t.to(), t.occurredAt())).toList())));
    }

    /**
     * The applicant withdraws the case (from any open state); confirmed by mail.
     *
     * @return the case after withdrawal; empty for an unknown number or a wrong code
     * @throws IllegalTransitionException when the case is no longer open
     * @throws ValidationFailure when the reason is too long
     */
    public Optional<CaseTracking> withdraw(String number, String accessCode, String reason) {
        if (reason != null && (reason.strip().length() > MAX_REASON || hasControl(reason))) {
            throw ValidationFailure.of("reason", "mediation.error.tooLong", String.valueOf(MAX_REASON));
        }
        return tx.execute(status -> authorised(number, accessCode).map(c -> {
            c.withdraw(blank(reason) ? null : reason.strip(), clock.instant());
            notifyApplicant(c);
            return tracking(c);
        }));
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

    /** Mails the applicant (if an address is known) the case's latest step. Inside a transaction. */
    void notifyApplicant(MediationCase c) {
        if (c.email() == null) {
            return;
        }
        Locale language = Translations.supported(Locale.forLanguageTag(c.language()));
        List<CaseTransition> history = c.history();
        CaseTransition last = history.get(history.size() - 1);
        String statusText = translations.get(language, last.to().messageKey());
        String reason = last.reason() == null ? "" : last.reason();
        String guidance = last.to().needsReason() ? translations.get(language, "mediation.guidance.onward") : "";
        outbox.enqueue(OutgoingMail.text("mediation-step:" + c.caseNumber() + ":" + history.size(), c.email(),
                translations.get(language, "mediation.mail.step.subject", c.caseNumber(), statusText),
                translations.get(language, "mediation.mail.step.body", c.applicantName(), c.caseNumber(), statusText,
                        reason, guidance),
                language));
    }

    CaseTracking tracking(MediationCase c) {
        Instant now = clock.instant();
        return new CaseTracking(c.caseNumber(), c.status(), c.category(), c.agencyId(), c.submittedAt(),
                c.acceptanceDue(settings), c.mediationDue(settings).orElse(null), c.extended(), c.overdue(settings, now),
                c.sessionAt(), c.sessionPlace(), c.agreementTerms(), c.applicantName(), c.idNumberMasked(),
                PersonalData.maskPhone(c.phone()), c.otherPartyName(),
                c.history().stream().map(t -> new CaseTracking.Step(t.from(), t.to(), t.occurredAt(),
                        MediationCase.APPLICANT.equals(t.actor()), t.reason())).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
