package cn.gov.enforcement.portal.rating;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.agency.AgencyDetails;
import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.agency.Certificates;
import cn.gov.enforcement.portal.notification.Outbox;
import cn.gov.enforcement.portal.notification.OutgoingMail;
import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import cn.gov.enforcement.portal.platform.ShortTermCache;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.OffsetPage;
import cn.gov.enforcement.portal.rating.internal.Rating;
import cn.gov.enforcement.portal.rating.internal.RatingEvent;
import cn.gov.enforcement.portal.rating.internal.RatingEventRepository;
import cn.gov.enforcement.portal.rating.internal.RatingRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ratings of enforcement contacts (好差评). Anyone may rate; every input is checked here, with one
 * message per field. A bad rating (不满意, 非常不满意) must say what went wrong and waits for the
 * agency's follow-up, due {@link #FOLLOW_UP_DAYS} days after it was given. Officers see and follow up
 * their own agency's ratings only; administrators every agency's.
 *
 * <p>Mails go through the {@link Outbox} in the transaction of the change, so that a rating or follow-up is
 * stored with its mails or not at all: the person who gave an e-mail address gets a confirmation in the
 * language of the rating; the rated agency's supervision address gets a notice of every bad rating (in
 * Chinese, without the person's contact details); the person who asked for a reply and gave an e-mail address
 * learns the result of the follow-up (not the officer's note).
 */
@Service
public class RatingService {

    /** Days the agency has to follow up a bad rating. */
    public static final int FOLLOW_UP_DAYS = 7;
    /** How far back a contact may lie. */
    public static final int MAX_DAYS_BACK = 365;
    /** The period of the public figures, in days, today included. */
    public static final int FIGURES_DAYS = 365;
    public static final int MAX_COMMENT = 1000;
    public static final int MIN_BAD_COMMENT = 5;
    public static final int MAX_NAME = 50;
    public static final int MAX_NOTE = 2000;
    public static final int MIN_NOTE = 10;
    /** Ratings one client address may give per hour. */
    public static final int MAX_PER_HOUR = 5;

    /**
     * How long the public figures are kept before they are counted again; a rating given or followed up on this
     * instance is counted at once.
     */
    public static final Duration FIGURES_CACHE_TIME = Duration.ofSeconds(60);

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(RatingService.class);
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{7,15}$");
    /** The highest score that is a bad one. */
    private static final int BAD_UP_TO = java.util.Arrays.stream(Score.values()).filter(Score::bad)
            .mapToInt(Score::value).max().orElseThrow();
    /** The order of the officers' list; the id keeps ratings of the same instant in a stable order across pages. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id"));
    /** A submission token as {@link RatingView} makes them (a UUID); anything else is refused. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{16,64}");
    /** The fields of the contact details, as the form and {@link ContactChange#fields()} name them. */
    static final String CONTACT_NAME = "contactName";
    static final String CONTACT_PHONE = "contactPhone";
    static final String CONTACT_EMAIL = "contactEmail";
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-()（）]");

    private final RatingRepository repository;
    private final RatingEventRepository ratingEvents;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SlidingWindowLimiter limiter;
    private final Outbox outbox;
    private final Translations translations;
    private final PortalSettings portal;
    /** The public figures of the day they end on, counted at most once a {@link #FIGURES_CACHE_TIME} per instance. */
    private final ShortTermCache<LocalDate, List<AgencyFigures>> figuresCache = new ShortTermCache<>(FIGURES_CACHE_TIME);

    @SuppressWarnings("java:S107") // the module's collaborators
    RatingService(RatingRepository repository, RatingEventRepository ratingEvents, AgencyDirectory agencies,
            CurrentUser currentUser, Clock clock, TransactionTemplate tx, Outbox outbox, Translations translations,
            PortalSettings portal) {
        this.repository = repository;
        this.ratingEvents = ratingEvents;
        this.portal = portal;
        this.outbox = outbox;
        this.translations = translations;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tx = tx;
        this.limiter = new SlidingWindowLimiter(MAX_PER_HOUR, Duration.ofHours(1), clock);
    }

    /** The agencies one may rate, by name in the reader's language (sample agencies included, labelled by the view). */
    public List<AgencySummary> agencies(Locale locale) {
        return agencies.all().stream()
                .sorted(Comparator.comparing((AgencySummary a) -> a.displayName(locale),
                        java.text.Collator.getInstance(Locale.SIMPLIFIED_CHINESE)))
                .toList();
    }

    public String agencyName(String agencyId, Locale locale) {
        return agencies.find(agencyId).map(d -> d.summary().displayName(locale)).orElse(agencyId);
    }

    /** Today in China, the portal's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Forgets the ratings counted against the hourly limit of each address (for tests). */
    void resetLimits() {
        limiter.clear();
    }

    /**
     * Records a rating.
     *
     * @param client the client's address, for the limit of {@link #MAX_PER_HOUR} ratings per hour; null for a
     *     trusted caller
     * @throws ValidationFailure with one problem per refused field (field {@code form} when the limit is reached);
     *     nothing is stored then
     * @return the receipt; for a form already stored under its {@link RatingInput#submissionToken} (sent twice),
     *     the receipt of that rating, with nothing stored, mailed or counted against the limit again
     */
    public RatingReceipt submit(RatingInput in, Locale language, String client) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = today();
        String agencyId = blankToNull(in.agencyId());
        Optional<AgencyDetails> agency = agencyId == null ? Optional.empty() : agencies.find(agencyId);
        if (agencyId == null) {
            problems.add(new FieldProblem("agency", "rating.error.agency"));
        } else if (agency.isEmpty()) {
            problems.add(new FieldProblem("agency", "rating.error.agencyUnknown"));
        }
        if (in.contactDate() == null) {
            problems.add(new FieldProblem("contactDate", "rating.error.date"));
        } else if (in.contactDate().isAfter(today)) {
            problems.add(new FieldProblem("contactDate", "rating.error.dateFuture"));
        } else if (in.contactDate().isBefore(today.minusDays(MAX_DAYS_BACK))) {
            problems.add(new FieldProblem("contactDate", "rating.error.dateOld", MAX_DAYS_BACK));
        }
        if (in.matter() == null) {
            problems.add(new FieldProblem("matter", "rating.error.matter"));
        }
        if (in.score() == null) {
            problems.add(new FieldProblem("score", "rating.error.score"));
        }
        String comment = blankToNull(in.comment());
        checkComment(comment, in.score(), problems);
        String certificate = null;
        String typedCertificate = blankToNull(in.certificate());
        if (typedCertificate != null) {
            String problem = Certificates.problemKey(typedCertificate);
            String number = Certificates.normalize(typedCertificate);
            if (problem != null || !Certificates.isWellFormed(number)) {
                problems.add(new FieldProblem("certificate", "rating.error.certificateFormat"));
            } else if (agency.isPresent()
                    && agency.get().officers().stream().noneMatch(o -> o.certificate().equals(number))) {
                problems.add(new FieldProblem("certificate", "rating.error.certificateAgency"));
            } else {
                certificate = number;
            }
        }
        Contact contact = checkContact(in.contactName(), in.contactPhone(), in.contactEmail(), problems);
        String name = contact.name();
        String phone = contact.phone();
        String email = contact.email();
        if (in.wantsReply() && phone == null && email == null) {
            problems.add(new FieldProblem("contactPhone", "rating.error.contactNeeded"));
        }
        String token = in.submissionToken();
        if (token != null && !TOKEN.matcher(token).matches()) {
            problems.add(new FieldProblem("form", "rating.error.submissionToken"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        // the same form sent again (a double click): the receipt of the rating it stored, nothing stored or counted
        Optional<RatingReceipt> earlier = sentBefore(token);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // checked and counted in one step, so that concurrent requests of one client cannot pass the limit together;
        // given back when nothing is stored: a rating the database or the outbox refused uses up no quota
        SlidingWindowLimiter.Reservation slot = limiter.reserve(client);
        if (!slot.granted()) {
            throw ValidationFailure.of("form", "rating.error.tooMany", MAX_PER_HOUR);
        }
        Instant now = clock.instant();
        boolean bad = in.score().bad();
        LocalDate due = bad ? today.plusDays(FOLLOW_UP_DAYS) : null;
        String finalCertificate = certificate;
        String finalPhone = phone;
        Locale raterLanguage = Translations.supported(language);
        AgencySummary rated = agency.orElseThrow().summary();
        Rating saved;
        try {
            saved = slot.releasedOnFailure(() -> tx.execute(status -> {
                Rating r = new Rating(agencyId, finalCertificate, in.contactDate(), in.matter().name(),
                        in.score().value(), comment, in.wantsReply(), name, finalPhone, email,
                        raterLanguage.toLanguageTag(), now,
                        (bad ? RatingStatus.AWAITING_FOLLOW_UP : RatingStatus.RECORDED).name(), due);
                r.sentWith(token);
                // inserted at once: the same form sent at the same moment is refused here by the token's uniqueness,
                // before any mail is queued
                r = repository.saveAndFlush(r);
                r.assignReference(String.format(Locale.ROOT, "PJ-%d-%06d", today.getYear(), r.getId()));
                mailAgency(r, rated);
                mailReceived(r, rated);
                return r;
            }));
        } catch (DataIntegrityViolationException concurrentResend) {
            // stored meanwhile by the same form's other request, which counted it; this one's count was given back
            return sentBefore(token).orElseThrow(() -> concurrentResend);
        }
        figuresCache.invalidate();
        return receipt(saved);
    }

    /** Contact details as checked: blanks as null, the phone number as its digits. */
    /** The names of the contact fields a rating holds (not null), in the order of the form. */
    static List<String> contactFieldsHeld(Rating r) {
        return new Contact(null, null, null).differingFrom(r);
    }

    record Contact(String name, String phone, String email) {

        /** The names of the fields that differ from a rating's, in the order of the form. */
        List<String> differingFrom(Rating r) {
            List<String> differing = new ArrayList<>();
            if (!java.util.Objects.equals(name, r.getContactName())) {
                differing.add(CONTACT_NAME);
            }
            if (!java.util.Objects.equals(phone, r.getContactPhone())) {
                differing.add(CONTACT_PHONE);
            }
            if (!java.util.Objects.equals(email, r.getContactEmail())) {
                differing.add(CONTACT_EMAIL);
            }
            return differing;
        }
    }

    /**
     * Checks a rating's comment (stripped, null when none): at most {@link #MAX_COMMENT} characters, for a bad score at
     * least {@link #MIN_BAD_COMMENT}, counted as a person counts them ({@link TextChecks#characters}: an emoji is one).
     */
    static void checkComment(String comment, Score score, List<FieldProblem> problems) {
        if (TextChecks.characters(comment) > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "rating.error.commentLong", MAX_COMMENT));
        } else if (!TextChecks.isPlainText(comment)) {
            problems.add(new FieldProblem("comment", TextChecks.CONTROL_CHARACTERS));
        } else if (score != null && score.bad() && TextChecks.characters(comment) < MIN_BAD_COMMENT) {
            problems.add(new FieldProblem("comment", "rating.error.commentNeeded", MIN_BAD_COMMENT));
        }
    }

    /** Checks a follow-up note (stripped, null when none): {@link #MIN_NOTE} to {@link #MAX_NOTE} characters. */
    static void checkNote(String text, List<FieldProblem> problems) {
        if (TextChecks.characters(text) < MIN_NOTE) {
            problems.add(new FieldProblem("note", "rating.error.noteShort", MIN_NOTE));
        } else if (TextChecks.characters(text) > MAX_NOTE) {
            problems.add(new FieldProblem("note", "rating.error.noteLong", MAX_NOTE));
        } else if (!TextChecks.isPlainText(text)) {
            problems.add(new FieldProblem("note", TextChecks.CONTROL_CHARACTERS));
        }
    }

    /**
     * Checks contact details as typed, for the public form and the staff's correction alike: the name one line of at
     * most {@link #MAX_NAME} characters ({@link TextChecks#characters}), the phone 7 to 15 digits (separators and full-width digits allowed), the
     * e-mail address one the outbox can send to. Adds one problem per refused field.
     */
    static Contact checkContact(String typedName, String typedPhone, String typedEmail,
            List<FieldProblem> problems) {
        String name = blankToNull(typedName);
        if (TextChecks.characters(name) > MAX_NAME) {
            problems.add(new FieldProblem(CONTACT_NAME, "rating.error.nameLong", MAX_NAME));
        } else if (!TextChecks.isSingleLine(name)) {
            problems.add(new FieldProblem(CONTACT_NAME, TextChecks.SINGLE_LINE));
        }
        String phone = blankToNull(typedPhone);
        if (phone != null) {
            phone = PHONE_SEPARATORS.matcher(java.text.Normalizer.normalize(phone, java.text.Normalizer.Form.NFKC))
                    .replaceAll("");
            if (!PHONE.matcher(phone).matches()) {
                problems.add(new FieldProblem(CONTACT_PHONE, "rating.error.phone"));
            }
        }
        String email = blankToNull(typedEmail);
        if (email != null && !Outbox.isValidAddress(email)) {
            problems.add(new FieldProblem(CONTACT_EMAIL, "rating.error.email"));
        }
        return new Contact(name, phone, email);
    }

    /** The receipt of the rating a rendering of the form has already stored; empty for none or no token. */
    private Optional<RatingReceipt> sentBefore(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return tx.execute(status -> repository.findBySubmissionToken(token).map(RatingService::receipt));
    }

    private static RatingReceipt receipt(Rating r) {
        Score score = Score.of(r.getScore());
        return new RatingReceipt(r.getReference(), score, r.getFollowUpDue(),
                RatingReceipt.replyFor(score.bad(), r.isWantsReply(), r.getContactPhone(), r.getContactEmail()));
    }

    /**
     * How every rated agency was rated in the last {@link #FIGURES_DAYS} days (today included), best first; public.
     * Counted by the database, then kept for {@link #FIGURES_CACHE_TIME} (every visit of the public page asks): a
     * rating given or followed up on this instance is counted at once, one given on another instance of the portal
     * within that time.
     */
    public List<AgencyFigures> figures() {
        LocalDate today = today();
        return figuresCache.get(today, () -> countFigures(today));
    }

    private List<AgencyFigures> countFigures(LocalDate today) {
        Instant since = today.minusDays(FIGURES_DAYS - 1L).atStartOfDay(ZONE).toInstant();
        return repository.countPerAgencySince(since, BAD_UP_TO, RatingStatus.FOLLOWED_UP.name()).stream()
                .map(row -> new AgencyFigures((String) row[0], count(row[1]), count(row[2]), count(row[3]),
                        count(row[4])))
                .sorted(Comparator.comparingLong(AgencyFigures::goodPercent).reversed()
                        .thenComparing(Comparator.comparingLong(AgencyFigures::total).reversed())
                        .thenComparing(AgencyFigures::agencyId))
                .toList();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    // ---- back office ----

    /**
     * The agency whose ratings the signed-in staff member sees: an officer's own agency (whatever is asked), or
     * for an administrator the one asked for (empty when none is).
     *
     * @throws AccessDeniedException for anyone else
     */
    public Optional<String> staffAgency(String requested) {
        requireStaff();
        return currentUser.shownAgency(requested);
    }

    /**
     * One page of the ratings of an agency the user may see, newest first; only those awaiting follow-up when
     * asked. The database returns only the rows of the page.
     *
     * @param offset the first rating, from 0
     * @param limit how many ratings at most, at least 1
     * @throws AccessDeniedException for another agency than the officer's own
     */
    public List<RatingRecord> queue(String agencyId, boolean awaitingOnly, int offset, int limit) {
        requireStaff();
        currentUser.requireAgency(agencyId);
        if (agencyId == null) {
            return List.of();
        }
        OffsetPage page = new OffsetPage(offset, limit, NEWEST_FIRST);
        List<Rating> ratings = awaitingOnly
                ? repository.findByAgencyIdAndStatus(agencyId, RatingStatus.AWAITING_FOLLOW_UP.name(), page)
                : repository.findByAgencyId(agencyId, page);
        LocalDate today = today();
        return ratings.stream().map(r -> record(r, today)).toList();
    }

    /**
     * How many ratings {@link #queue} has for the agency and filter.
     *
     * @throws AccessDeniedException for another agency than the officer's own
     */
    public long queueSize(String agencyId, boolean awaitingOnly) {
        requireStaff();
        currentUser.requireAgency(agencyId);
        if (agencyId == null) {
            return 0;
        }
        return awaitingOnly
                ? repository.countByAgencyIdAndStatus(agencyId, RatingStatus.AWAITING_FOLLOW_UP.name())
                : repository.countByAgencyId(agencyId);
    }

    /** Bad ratings of an agency waiting for their follow-up, and how many of them are past their deadline. */
    public record Workload(long awaitingFollowUp, long overdue) {}

    /**
     * The agency's {@link Workload} today, for the staff workbench.
     *
     * @throws AccessDeniedException for another agency than the officer's own, and for anyone but staff
     */
    public Workload workload(String agencyId) {
        requireStaff();
        currentUser.requireAgency(agencyId);
        String awaiting = RatingStatus.AWAITING_FOLLOW_UP.name();
        return new Workload(repository.countByAgencyIdAndStatus(agencyId, awaiting),
                repository.countByAgencyIdAndStatusAndFollowUpDueBefore(agencyId, awaiting, today()));
    }

    /** A rating of the user's agency; empty for an unknown reference and for another agency's rating alike. */
    public Optional<RatingRecord> find(String reference) {
        requireStaff();
        LocalDate today = today();
        return byReference(reference)
                .filter(r -> currentUser.canAccessAgency(r.getAgencyId()))
                .map(r -> record(r, today));
    }

    /**
     * Records the follow-up of a bad rating.
     *
     * @throws ValidationFailure for a missing result, a note too short or too long, or a rating no longer waiting
     *     (field {@code form}); nothing is written then
     * @throws AccessDeniedException when the rating is not the user's agency's, or unknown
     */
    public RatingRecord followUp(String reference, FollowUpResult result, String note) {
        requireStaff();
        List<FieldProblem> problems = new ArrayList<>();
        if (result == null) {
            problems.add(new FieldProblem("result", "rating.error.result"));
        }
        String text = blankToNull(note);
        checkNote(text, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        String user = currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        try {
            Rating saved = tx.execute(status -> {
                Rating r = ownRating(reference);
                if (!RatingStatus.AWAITING_FOLLOW_UP.name().equals(r.getStatus())) {
                    throw ValidationFailure.of("form", "rating.error.notAwaiting");
                }
                r.recordFollowUp(user, clock.instant(), result.name(), text, RatingStatus.FOLLOWED_UP.name());
                Rating followed = repository.saveAndFlush(r);
                mailFollowedUp(followed, result);
                return followed;
            });
            figuresCache.invalidate();
            return record(saved, today());
        } catch (ObjectOptimisticLockingFailureException concurrent) {
            throw ValidationFailure.of("form", "rating.error.notAwaiting");
        }
    }

    /**
     * Corrects the contact details the person left with a rating, as they asked the agency to (privacy notice): the
     * name, phone and e-mail address as typed replace the stored ones (a blank field erases that one), checked as the
     * public form checks them. The step is recorded with who took it and when, without the details.
     *
     * @throws ValidationFailure for a refused field (one problem each), for all three blank (field {@code form}: that
     *     is {@link #eraseContact}), for a rating whose giver asked for a reply left without phone and e-mail address
     *     (field {@code contactPhone}), for a rating without contact details, for nothing changed and for a
     *     colleague's change meanwhile (field {@code form}); nothing is written then
     * @throws AccessDeniedException when the rating is not the user's agency's, or unknown
     */
    public RatingRecord correctContact(String reference, String name, String phone, String email) {
        requireStaff();
        List<FieldProblem> problems = new ArrayList<>();
        Contact typed = checkContact(name, phone, email, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        if (typed.name() == null && typed.phone() == null && typed.email() == null) {
            throw ValidationFailure.of("form", "rating.error.contactEmpty");
        }
        return changeContact(reference, ContactChange.Kind.CORRECTED, r -> {
            if (contactFieldsHeld(r).isEmpty()) {
                // none left with the rating, or erased: nothing to correct; the agency adds none of its own
                throw ValidationFailure.of("form", "rating.error.noContact");
            }
            if (r.isWantsReply() && typed.phone() == null && typed.email() == null) {
                throw ValidationFailure.of(CONTACT_PHONE, "rating.error.contactNeededStaff");
            }
            List<String> changed = typed.differingFrom(r);
            if (changed.isEmpty()) {
                throw ValidationFailure.of("form", "rating.error.contactUnchanged");
            }
            r.replaceContact(typed.name(), typed.phone(), typed.email());
            return changed;
        });
    }

    /**
     * Erases the name, phone and e-mail address the person left with a rating, as they asked the agency to (privacy
     * notice); the rating and its follow-up stay, and a rating awaiting follow-up can still be followed up (without a
     * reply mail). The step is recorded with who took it and when.
     *
     * @throws ValidationFailure for a rating without contact details, and for a colleague's change meanwhile (field
     *     {@code form}); nothing is written then
     * @throws AccessDeniedException when the rating is not the user's agency's, or unknown
     */
    public RatingRecord eraseContact(String reference) {
        requireStaff();
        return changeContact(reference, ContactChange.Kind.ERASED, r -> {
            List<String> had = contactFieldsHeld(r);
            if (had.isEmpty()) {
                throw ValidationFailure.of("form", "rating.error.noContact");
            }
            r.replaceContact(null, null, null);
            return had;
        });
    }

    /**
     * The corrections and erasures of a rating's contact details, oldest first; empty for an unknown reference and for
     * another agency's rating alike.
     */
    public List<ContactChange> contactChanges(String reference) {
        requireStaff();
        return byReference(reference)
                .filter(r -> currentUser.canAccessAgency(r.getAgencyId()))
                .map(r -> ratingEvents.findByRatingIdOrderByOccurredAtAscIdAsc(r.getId()).stream()
                        .map(e -> new ContactChange(e.getOccurredAt(), e.getUsername(),
                                ContactChange.Kind.valueOf(e.getKind()),
                                e.getFields() == null ? List.of() : List.of(e.getFields().split(","))))
                        .toList())
                .orElse(List.of());
    }

    /**
     * Changes the contact details of a rating of the user's agency and records the step (who, when, which fields) in
     * the same transaction.
     *
     * @param change changes the rating and answers the fields it changed, or throws {@link ValidationFailure}
     */
    private RatingRecord changeContact(String reference, ContactChange.Kind kind,
            java.util.function.Function<Rating, List<String>> change) {
        String user = currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        try {
            Rating saved = tx.execute(status -> {
                Rating r = ownRating(reference);
                List<String> changed = change.apply(r);
                Rating stored = repository.saveAndFlush(r);
                ratingEvents.save(new RatingEvent(stored.getId(), clock.instant(), user, kind.name(),
                        String.join(",", changed)));
                return stored;
            });
            LOG.info("Rating {}: contact details {} by {} ({})", saved.getReference(), kind, user,
                    currentUser.isAdmin() ? "administrator" : "officer");
            return record(saved, today());
        } catch (ObjectOptimisticLockingFailureException concurrent) {
            throw ValidationFailure.of("form", "rating.error.changedMeanwhile");
        }
    }

    /** A rating of the user's agency, for a change. */
    private Rating ownRating(String reference) {
        return byReference(reference)
                .filter(x -> currentUser.canAccessAgency(x.getAgencyId()))
                .orElseThrow(() -> new AccessDeniedException("No such rating of this agency"));
    }

    /** The rating of a reference as typed (surrounding blanks and case ignored); empty for none and for one too long. */
    private Optional<Rating> byReference(String reference) {
        // PJ-2026-000001 as printed; a link typed or passed on in lower case finds it too
        String r = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        if (r.isEmpty() || r.length() > 20) {
            return Optional.empty();
        }
        return repository.findByReference(r);
    }

    // ---- mails (called inside the transaction of the change) ----

    /** The confirmation to the person, when an e-mail address was given, in the language of the rating. */
    private void mailReceived(Rating r, AgencySummary agency) {
        if (r.getContactEmail() == null) {
            return;
        }
        Locale language = languageOf(r);
        Score score = Score.of(r.getScore());
        String agencyName = agency.displayName(language);
        String level = translations.get(language, score.messageKey());
        String body = score.bad()
                ? translations.get(language, "rating.mail.received.bodyBad", r.getReference(), agencyName, level,
                        r.getFollowUpDue().toString())
                : translations.get(language, "rating.mail.received.body", r.getReference(), agencyName, level);
        outbox.enqueue(OutgoingMail.text("rating-received:" + r.getReference(), r.getContactEmail(),
                translations.get(language, "rating.mail.received.subject", r.getReference(), agencyName), body,
                language));
    }

    /**
     * The notice of a bad rating to the rated agency's supervision address, in Chinese; the person's contact
     * details stay in the back office. An agency without a usable address gets none.
     */
    private void mailAgency(Rating r, AgencySummary agency) {
        Score score = Score.of(r.getScore());
        if (!score.bad()) {
            return;
        }
        String to = agency.supervisionEmail();
        if (to == null || to.isBlank()) {
            return;
        }
        if (!Outbox.isValidAddress(to)) {
            LOG.warn("Rating {}: supervision e-mail of agency {} is not a usable address, no notice sent",
                    r.getReference(), agency.id());
            return;
        }
        Locale zh = Translations.ZH_CN;
        outbox.enqueue(OutgoingMail.text("rating-agency:" + r.getReference(), to.strip(),
                translations.get(zh, "rating.mail.agency.subject", r.getReference(), r.getFollowUpDue().toString()),
                translations.get(zh, "rating.mail.agency.body", r.getReference(),
                        translations.get(zh, Matter.valueOf(r.getMatter()).messageKey()),
                        translations.get(zh, score.messageKey()), r.getContactDate().toString(),
                        r.getFollowUpDue().toString(), portal.link("staff/rating/" + r.getReference())),
                zh));
    }

    /** The result of the follow-up, to the person who asked for a reply and gave an e-mail address. */
    private void mailFollowedUp(Rating r, FollowUpResult result) {
        if (!r.isWantsReply() || r.getContactEmail() == null) {
            return;
        }
        Locale language = languageOf(r);
        String agencyName = agencyName(r.getAgencyId(), language);
        outbox.enqueue(OutgoingMail.text("rating-followed-up:" + r.getReference(), r.getContactEmail(),
                translations.get(language, "rating.mail.followedUp.subject", r.getReference(), agencyName),
                translations.get(language, "rating.mail.followedUp.body", r.getReference(), agencyName,
                        r.getContactDate().toString(), translations.get(language, result.messageKey())),
                language));
    }

    private static Locale languageOf(Rating r) {
        return Translations.supported(Locale.forLanguageTag(r.getLanguage()));
    }

    private void requireStaff() {
        if (!currentUser.isAdmin() && !currentUser.hasRole("OFFICER")) {
            throw new AccessDeniedException("Ratings are for officers and administrators");
        }
    }

    private static RatingRecord record(Rating r, LocalDate today) {
        RatingStatus status = RatingStatus.valueOf(r.getStatus());
        boolean overdue = status == RatingStatus.AWAITING_FOLLOW_UP && r.getFollowUpDue() != null
                && r.getFollowUpDue().isBefore(today);
        return new RatingRecord(r.getReference(), r.getAgencyId(), r.getCertificate(), r.getContactDate(),
                Matter.valueOf(r.getMatter()), Score.of(r.getScore()), r.getComment(), r.isWantsReply(),
                r.getContactName(), r.getContactPhone(), r.getContactEmail(), r.getSubmittedAt(), status,
                r.getFollowUpDue(), r.getFollowedUpBy(), r.getFollowedUpAt(),
                r.getFollowUpResult() == null ? null : FollowUpResult.valueOf(r.getFollowUpResult()),
                r.getFollowUpNote(), overdue);
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
