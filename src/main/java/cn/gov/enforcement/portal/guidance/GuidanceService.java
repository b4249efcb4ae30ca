package cn.gov.enforcement.portal.guidance;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.agency.AgencyDetails;
import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.agency.Certificates;
import cn.gov.enforcement.portal.agency.Officer;
import cn.gov.enforcement.portal.agency.OfficerStatus;
import cn.gov.enforcement.portal.guidance.internal.Guidance;
import cn.gov.enforcement.portal.guidance.internal.GuidanceRepository;
import cn.gov.enforcement.portal.lists.Citation;
import cn.gov.enforcement.portal.lists.ListsCatalog;
import cn.gov.enforcement.portal.lists.ListsFormat;
import cn.gov.enforcement.portal.notification.Outbox;
import cn.gov.enforcement.portal.notification.OutgoingMail;
import cn.gov.enforcement.portal.platform.AccessCodes;
import cn.gov.enforcement.portal.platform.OffsetPage;
import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Written administrative guidance (行政指导书). An officer gives it in the name of their agency, naming the
 * officers (by certificate number) who gave it; the party reads it online with its number and access code
 * (kept only as a salted hash) and replies; the agency records its return visit. Officers see their own
 * agency's guidance only, administrators every agency's; another agency's number gets the same answer as an
 * unknown one. Every input is checked here, with one message per field; nothing is stored when one is refused.
 *
 * <p>When the party has an e-mail address, the guidance is mailed through the {@link Outbox} in the transaction
 * that stores it, in the party's language, with the number, the access code and the link to read and answer it.
 */
@Service
public class GuidanceService {

    public static final int MIN_NAME = 2;
    public static final int MAX_NAME = 100;
    public static final int MIN_SUBJECT = 2;
    public static final int MAX_SUBJECT = 100;
    public static final int MIN_TEXT = 10;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_BASIS = 500;
    public static final int MAX_REPLY_NOTE = 1000;
    public static final int MIN_QUESTION = 5;
    public static final int MAX_OFFICERS = 4;
    public static final int MIN_VOID_REASON = 5;
    /** How far ahead a reply date or a return visit may be set. */
    public static final int MAX_DAYS_AHEAD = 365;
    /** Failed look-ups with a number and access code one client may make per {@link #GUESS_WINDOW}. */
    public static final int MAX_FAILED_LOOKUPS = 10;
    public static final Duration GUESS_WINDOW = Duration.ofMinutes(15);
    /** Replies a guidance takes per {@link #REPLY_WINDOW} (each one mails the officer). */
    public static final int MAX_REPLIES = 10;
    public static final Duration REPLY_WINDOW = Duration.ofHours(1);
    /** The period of the public figures, in days, today included. */
    public static final int FIGURES_DAYS = 365;
    /**
     * How long the public figures are kept before they are counted again; a guidance issued or voided on this
     * instance is counted at once.
     */
    public static final Duration FIGURES_CACHE_TIME = Duration.ofSeconds(60);

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A number as issued ({@code ZD-%d-%06d}), at most the 20 characters a number may have. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("ZD-[0-9]{4}-[0-9]{6,12}");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("issuedAt"), Sort.Order.desc("id"));
    private static final Sort VISIT_FIRST = Sort.by(Sort.Order.asc("visitDue"), Sort.Order.asc("id"));

    private final GuidanceRepository repository;
    private final AgencyDirectory agencies;
    /** The agencies with their officers' full names, for the documents staff print and hand to the party. */
    private final cn.gov.enforcement.portal.agency.AgencyStaffService staffAgencies;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final Translations translations;
    private final PortalSettings portal;
    private final SlidingWindowLimiter failedLookups;
    /** Accepted replies per guidance number. */
    private final SlidingWindowLimiter replies;
    private final ListsCatalog lists;
    private final AccountService accounts;
    /** The public figures of the day they end on, counted at most once a {@link #FIGURES_CACHE_TIME} per instance. */
    private final cn.gov.enforcement.portal.platform.ShortTermCache<LocalDate, List<AgencyFigures>> figuresCache =
            new cn.gov.enforcement.portal.platform.ShortTermCache<>(FIGURES_CACHE_TIME);

    GuidanceService(GuidanceRepository repository, AgencyDirectory agencies, CurrentUser currentUser, Clock clock,
            TransactionTemplate tx, Outbox outbox, Translations translations, PortalSettings portal, ListsCatalog lists,
            AccountService accounts, cn.gov.enforcement.portal.agency.AgencyStaffService staffAgencies) {
        this.repository = repository;
        this.staffAgencies = staffAgencies;
        this.lists = lists;
        this.accounts = accounts;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tx = tx;
        this.outbox = outbox;
        this.translations = translations;
        this.portal = portal;
        this.failedLookups = new SlidingWindowLimiter(MAX_FAILED_LOOKUPS, GUESS_WINDOW, clock);
        this.replies = new SlidingWindowLimiter(MAX_REPLIES, REPLY_WINDOW, clock);
    }

    /** Today in China, the portal's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** An agency's summary (name, whether it is a sample); empty for an unknown id. */
    public Optional<AgencySummary> agency(String agencyId) {
        return agencies.find(agencyId).map(AgencyDetails::summary);
    }

    /** The agencies an administrator may choose from, sorted by id. */
    public List<AgencySummary> agencies() {
        requireStaff();
        return agencies.all();
    }

    /** The portal's public address of a path, for documents and mails to a party: it opens in the party's language. */
    public String link(String path, Locale language) {
        return portal.link(path, language);
    }

    /** The public page's path where a party reads a guidance. */
    public static String partyPath() {
        return "guidance";
    }

    // ---- issuing ----

    /** A guidance just issued: its record and the access code, shown once (it is stored only as a hash). */
    public record Issued(GuidanceRecord guidance, String accessCode) {}

    /**
     * Issues a written guidance in the name of the signed-in officer's agency.
     *
     * @throws ValidationFailure with one problem per refused field; nothing is stored then
     * @throws AccessDeniedException for anyone but an officer bound to an agency
     */
    public Issued issue(GuidanceInput in) {
        String agencyId = requireOfficerAgency();
        String officer = currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        AgencyDetails agency = agencies.find(agencyId).orElseThrow(() -> new AccessDeniedException("Unknown agency"));
        List<FieldProblem> problems = new ArrayList<>();
        if (in.kind() == null) {
            problems.add(new FieldProblem("kind", "guidance.error.kind"));
        }
        List<String> certificates = certificates(in.certificates(), agency, problems);
        String party = strip(in.partyName());
        checkPartyName(party, problems);
        String email = strip(in.partyEmail());
        if (email != null && !Outbox.isValidAddress(email)) {
            problems.add(new FieldProblem("partyEmail", "guidance.error.email"));
        }
        String subject = strip(in.subject());
        String findings = strip(in.findings());
        String advice = strip(in.advice());
        String basis = strip(in.basis());
        checkTexts(subject, findings, advice, basis, problems);
        LocalDate today = today();
        checkDay(in.respondBy(), today, "respondBy", problems);
        checkDay(in.visitDue(), today, "visitDue", problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        Locale language = Translations.supported(in.partyLanguage() == null ? null
                : Locale.forLanguageTag(in.partyLanguage()));
        String code = AccessCodes.generate();
        Instant now = clock.instant();
        Guidance saved = tx.execute(status -> {
            Guidance g = repository.save(new Guidance(agencyId, officer, String.join(",", certificates),
                    in.kind().name(), party, email, language.toLanguageTag(), subject, findings, advice, basis,
                    in.respondBy(), in.visitDue(), AccessCodes.hash(code), now));
            g.assignNumber(String.format(Locale.ROOT, "ZD-%d-%06d", today.getYear(), g.getId()));
            repository.flush();
            mailIssued(g, agency.summary(), code);
            return g;
        });
        figuresCache.invalidate();
        return new Issued(record(saved, today, handedOver(agencyId)), code);
    }

    /**
     * A guidance drafted from one of the officer's agency's legal-risk points (法律风险点), for the officer to adapt:
     * the means the risk point names (a reminder when it names one), its title as the matter, the risk as what was
     * found, its prevention measures as the advice and the obligations it cites as the basis, each cut to its field's
     * length. Empty for an unknown risk point, another agency's, and for anyone but an officer.
     */
    public Optional<GuidanceInput> draftFromRiskPoint(String riskPointId) {
        if (!mayIssue() || riskPointId == null || riskPointId.length() > 100) {
            return Optional.empty();
        }
        String own = currentUser.agencyId().orElseThrow();
        return lists.findRiskPoint(riskPointId).filter(r -> own.equals(r.agency())).map(r -> {
            List<GuidanceKind> named = r.guidance() == null ? List.of() : r.guidance().stream()
                    .map(GuidanceService::kindNamed).flatMap(Optional::stream).toList();
            GuidanceKind kind = named.contains(GuidanceKind.REMINDER) || named.isEmpty() ? GuidanceKind.REMINDER
                    : named.get(0);
            StringBuilder advice = new StringBuilder();
            List<String> prevention = r.prevention() == null ? List.of() : r.prevention();
            for (int i = 0; i < prevention.size(); i++) {
                advice.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(prevention.get(i));
            }
            String basis = r.basisObligation() == null ? "" : r.basisObligation().stream().map(Citation::display)
                    .collect(java.util.stream.Collectors.joining("；"));
            return new GuidanceInput(kind, null, null, null, null, cut(r.title(), MAX_SUBJECT), cut(r.risk(), MAX_TEXT),
                    cut(advice.toString(), MAX_TEXT), cut(basis, MAX_BASIS), null, null);
        });
    }

    /**
     * Checks the party's name (stripped, null when none): one line of {@link #MIN_NAME} to {@link #MAX_NAME}
     * characters, counted as a person counts them ({@link TextChecks#characters}: an emoji or 𠀀 is one).
     */
    static void checkPartyName(String party, List<FieldProblem> problems) {
        if (party == null || TextChecks.characters(party) < MIN_NAME || TextChecks.characters(party) > MAX_NAME) {
            problems.add(new FieldProblem("partyName", "guidance.error.partyName", MIN_NAME, MAX_NAME));
        } else if (!TextChecks.isSingleLine(party)) {
            problems.add(new FieldProblem("partyName", TextChecks.SINGLE_LINE));
        }
    }

    /**
     * Checks a guidance's texts (stripped, null when none), in characters as {@link #checkPartyName}: the subject
     * one line of {@link #MIN_SUBJECT} to {@link #MAX_SUBJECT}; the findings and the advice {@link #MIN_TEXT} to
     * {@link #MAX_TEXT}; the basis at most {@link #MAX_BASIS}. Adds one problem per refused field.
     */
    static void checkTexts(String subject, String findings, String advice, String basis, List<FieldProblem> problems) {
        if (subject == null || TextChecks.characters(subject) < MIN_SUBJECT || TextChecks.characters(subject) > MAX_SUBJECT) {
            problems.add(new FieldProblem("subject", "guidance.error.subject", MIN_SUBJECT, MAX_SUBJECT));
        } else if (!TextChecks.isSingleLine(subject)) {
            problems.add(new FieldProblem("subject", TextChecks.SINGLE_LINE));
        }
        if (findings == null || TextChecks.characters(findings) < MIN_TEXT || TextChecks.characters(findings) > MAX_TEXT) {
            problems.add(new FieldProblem("findings", "guidance.error.findings", MIN_TEXT, MAX_TEXT));
        } else if (!TextChecks.isPlainText(findings)) {
            problems.add(new FieldProblem("findings", TextChecks.CONTROL_CHARACTERS));
        }
        if (advice == null || TextChecks.characters(advice) < MIN_TEXT || TextChecks.characters(advice) > MAX_TEXT) {
            problems.add(new FieldProblem("advice", "guidance.error.advice", MIN_TEXT, MAX_TEXT));
        } else if (!TextChecks.isPlainText(advice)) {
            problems.add(new FieldProblem("advice", TextChecks.CONTROL_CHARACTERS));
        }
        if (TextChecks.characters(basis) > MAX_BASIS) {
            problems.add(new FieldProblem("basis", "guidance.error.basis", MAX_BASIS));
        } else if (!TextChecks.isPlainText(basis)) {
            problems.add(new FieldProblem("basis", TextChecks.CONTROL_CHARACTERS));
        }
    }

    /** Checks a return visit's note (stripped, null when none): {@link #MIN_TEXT} to {@link #MAX_TEXT} characters. */
    static void checkVisitNote(String text, List<FieldProblem> problems) {
        if (text == null || TextChecks.characters(text) < MIN_TEXT || TextChecks.characters(text) > MAX_TEXT) {
            problems.add(new FieldProblem("visitNote", "guidance.error.visitNote", MIN_TEXT, MAX_TEXT));
        } else if (!TextChecks.isPlainText(text)) {
            problems.add(new FieldProblem("visitNote", TextChecks.CONTROL_CHARACTERS));
        }
    }

    /**
     * Checks the reason a guidance is voided (stripped, null when none): {@link #MIN_VOID_REASON} to
     * {@link #MAX_BASIS} characters.
     *
     * @throws ValidationFailure (field {@code voidReason}) otherwise
     */
    static void checkVoidReason(String text) {
        if (text == null || TextChecks.characters(text) < MIN_VOID_REASON || TextChecks.characters(text) > MAX_BASIS) {
            throw ValidationFailure.of("voidReason", "guidance.error.voidReason", MIN_VOID_REASON, MAX_BASIS);
        }
        if (!TextChecks.isPlainText(text)) {
            throw ValidationFailure.of("voidReason", TextChecks.CONTROL_CHARACTERS);
        }
    }

    /**
     * Checks the party's note to a reply (stripped, null when none): at most {@link #MAX_REPLY_NOTE} characters, for
     * a question at least {@link #MIN_QUESTION}.
     */
    static void checkReplyNote(PartyReply reply, String text, List<FieldProblem> problems) {
        if (TextChecks.characters(text) > MAX_REPLY_NOTE) {
            problems.add(new FieldProblem("replyNote", "guidance.error.replyNoteLong", MAX_REPLY_NOTE));
        } else if (!TextChecks.isPlainText(text)) {
            problems.add(new FieldProblem("replyNote", TextChecks.CONTROL_CHARACTERS));
        } else if (reply != null && reply.needsNote() && (text == null || TextChecks.characters(text) < MIN_QUESTION)) {
            problems.add(new FieldProblem("replyNote", "guidance.error.question", MIN_QUESTION));
        }
    }

    /** The means named in Chinese as the lists write them (提示, 约谈, …). */
    static Optional<GuidanceKind> kindNamed(String chinese) {
        int index = ListsFormat.GUIDANCE.indexOf(chinese == null ? "" : chinese.strip());
        return index < 0 ? Optional.empty() : Optional.of(GuidanceKind.values()[index]);
    }

    /**
     * The text stripped, or cut to {@code max} characters with an ellipsis. Fields are checked in characters
     * ({@link TextChecks#characters}), so the cut keeps {@code max - 1} code points and the ellipsis: an emoji (a
     * surrogate pair) counts once and is never split.
     */
    static String cut(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (TextChecks.characters(t) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max - 1)) + "…";
    }

    private List<String> certificates(String typed, AgencyDetails agency, List<FieldProblem> problems) {
        Set<String> numbers = new LinkedHashSet<>();
        if (typed != null) {
            for (String part : typed.split("[,，;；、\\n]+")) {
                if (!part.isBlank()) {
                    numbers.add(Certificates.normalize(part));
                }
            }
        }
        if (numbers.isEmpty()) {
            problems.add(new FieldProblem("certificates", "guidance.error.certificatesNeeded"));
            return List.of();
        }
        if (numbers.size() > MAX_OFFICERS) {
            problems.add(new FieldProblem("certificates", "guidance.error.certificatesMany", MAX_OFFICERS));
            return List.of();
        }
        for (String number : numbers) {
            if (!Certificates.isWellFormed(number)) {
                problems.add(new FieldProblem("certificates", "guidance.error.certificateFormat", number));
                return List.of();
            }
            boolean valid = agency.officers().stream()
                    .anyMatch(o -> o.certificate().equals(number) && o.status() == OfficerStatus.VALID);
            if (!valid) {
                problems.add(new FieldProblem("certificates", "guidance.error.certificateAgency", number));
                return List.of();
            }
        }
        return List.copyOf(numbers);
    }

    private static void checkDay(LocalDate day, LocalDate today, String field, List<FieldProblem> problems) {
        if (day != null && (day.isBefore(today) || day.isAfter(today.plusDays(MAX_DAYS_AHEAD)))) {
            problems.add(new FieldProblem(field, "guidance.error.day", MAX_DAYS_AHEAD));
        }
    }

    // ---- back office ----

    /**
     * The agency whose guidance the signed-in staff member sees: an officer's own agency (whatever is asked), or
     * for an administrator the one asked for (empty when none is).
     *
     * @throws AccessDeniedException for anyone else
     */
    public Optional<String> staffAgency(String requested) {
        requireStaff();
        return currentUser.shownAgency(requested);
    }

    /** True when the signed-in user may issue guidance (an officer bound to an agency). */
    public boolean mayIssue() {
        return currentUser.hasRole("OFFICER") && currentUser.agencyId().isPresent();
    }

    /**
     * One page of an agency's guidance: newest first, or only those whose follow-up visit is planned and not recorded,
     * soonest first; with a search text, only those whose party, matter or number contains it (any case). The
     * database returns only the rows of the page.
     *
     * @throws AccessDeniedException for another agency than the officer's own
     */
    public List<GuidanceRecord> list(String agencyId, boolean visitsOnly, String search, int offset, int limit) {
        requireStaff();
        currentUser.requireAgency(agencyId);
        List<Guidance> rows = repository.select(agencyId, visitsOnly, pattern(search),
                new OffsetPage(offset, limit, visitsOnly ? VISIT_FIRST : NEWEST_FIRST));
        LocalDate today = today();
        return rows.stream().map(g -> record(g, today, null)).toList();
    }

    /** How many rows {@link #list} has for the agency, filter and search text. */
    public long listSize(String agencyId, boolean visitsOnly, String search) {
        requireStaff();
        currentUser.requireAgency(agencyId);
        return repository.countSelected(agencyId, visitsOnly, pattern(search));
    }

    /** The lower-case like pattern of a search text, its wildcards escaped; {@code %} for none. */
    static String pattern(String search) {
        String text = strip(search);
        if (text == null) {
            return "%";
        }
        String cut = TextChecks.characters(text) > MAX_SUBJECT ? text.substring(0, text.offsetByCodePoints(0, MAX_SUBJECT)) : text;
        return "%" + cut.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Return visits of an agency planned and not recorded, and how many of them are past their day. */
    public record Workload(long visitsPending, long visitsOverdue) {}

    /** The agency's {@link Workload} today, for the staff workbench. */
    public Workload workload(String agencyId) {
        requireStaff();
        currentUser.requireAgency(agencyId);
        return new Workload(repository.countByAgencyIdAndVisitDueNotNullAndVisitOutcomeNullAndVoidedAtNull(agencyId),
                repository.countByAgencyIdAndVisitDueBeforeAndVisitOutcomeNullAndVoidedAtNull(agencyId, today()));
    }

    /** A guidance of the user's agency; empty for an unknown number and for another agency's alike. */
    public Optional<GuidanceRecord> find(String number) {
        requireStaff();
        return byNumber(number).filter(g -> currentUser.canAccessAgency(g.getAgencyId()))
                .map(g -> record(g, today(), handedOver(g.getAgencyId())));
    }

    /**
     * Replaces the party's access code (a lost letter, a new print); the old code stops working.
     *
     * @return the new code, shown once
     * @throws ValidationFailure (field {@code form}) for a voided guidance; its code stays
     * @throws AccessDeniedException for another agency's or an unknown number, and for anyone but the agency's
     *     officers
     */
    public String newAccessCode(String number) {
        requireOfficerAgency();
        String code = AccessCodes.generate();
        tx.executeWithoutResult(status -> {
            Guidance g = ownGuidance(number);
            if (g.getVoidedAt() != null) {
                throw ValidationFailure.of("form", "guidance.error.voided");
            }
            g.replaceAccessCode(AccessCodes.hash(code));
            repository.saveAndFlush(g);
        });
        return code;
    }

    /**
     * Records the return visit.
     *
     * @throws ValidationFailure for a missing outcome, a note too short or too long, or a visit already recorded
     *     (field {@code form}); nothing is written then
     * @throws AccessDeniedException for another agency's or an unknown number, and for anyone but the agency's
     *     officers
     */
    public GuidanceRecord recordVisit(String number, VisitOutcome outcome, String note) {
        requireOfficerAgency();
        String user = currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        List<FieldProblem> problems = new ArrayList<>();
        if (outcome == null) {
            problems.add(new FieldProblem("outcome", "guidance.error.outcome"));
        }
        String text = strip(note);
        checkVisitNote(text, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        return closeOpen(number, g -> g.recordVisit(outcome.name(), text, user, clock.instant()));
    }

    /**
     * Applies a change that closes an open guidance of the user's agency (the visit, the voiding), once: a guidance
     * already voided or visited, also by a colleague at the same moment, refuses it and changes nothing.
     */
    private GuidanceRecord closeOpen(String number, java.util.function.Consumer<Guidance> change) {
        try {
            Guidance saved = tx.execute(status -> {
                Guidance g = ownGuidance(number);
                if (g.getVoidedAt() != null) {
                    throw ValidationFailure.of("form", "guidance.error.voided");
                }
                if (g.getVisitOutcome() != null) {
                    throw ValidationFailure.of("form", "guidance.error.visited");
                }
                change.accept(g);
                return repository.saveAndFlush(g);
            });
            return record(saved, today(), handedOver(saved.getAgencyId()));
        } catch (ObjectOptimisticLockingFailureException concurrent) {
            throw ValidationFailure.of("form", "guidance.error.visited");
        }
    }

    /**
     * Voids a guidance issued in error (作废), with the reason: it stays on file and the party still reads it, marked
     * void with the reason, but takes no reply or visit and leaves the figures, the workbench and the reminders.
     *
     * @throws ValidationFailure for a reason too short or too long, or a guidance already voided or visited (field
     *     {@code form}); nothing is written then
     * @throws AccessDeniedException for another agency's or an unknown number, and for anyone but the agency's
     *     officers
     */
    public GuidanceRecord voidGuidance(String number, String reason) {
        requireOfficerAgency();
        String user = currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        String text = strip(reason);
        checkVoidReason(text);
        GuidanceRecord voided = closeOpen(number, g -> g.voidWith(text, user, clock.instant()));
        // a void guidance leaves the figures
        figuresCache.invalidate();
        return voided;
    }

    private Guidance ownGuidance(String number) {
        return byNumber(number).filter(g -> currentUser.canAccessAgency(g.getAgencyId()))
                .orElseThrow(() -> new AccessDeniedException("No such guidance of this agency"));
    }

    // ---- the party ----

    /**
     * The guidance for its party, when the number and access code match.
     *
     * @param client the client's address, for the limit of {@link #MAX_FAILED_LOOKUPS} failed look-ups per
     *     {@link #GUESS_WINDOW}; null for a trusted caller
     * @throws ValidationFailure (fields {@code number}, {@code code}) for a number or code that can find no guidance
     *     ({@link #lookUpProblems}), not counted as a failed look-up; (field {@code form}) once the client has failed
     *     too often; the look-up is not tried either way
     */
    public Optional<GuidanceRecord> open(String number, String accessCode, String client) {
        List<FieldProblem> malformed = lookUpProblems(number, accessCode);
        if (!malformed.isEmpty()) {
            throw new ValidationFailure(malformed);
        }
        SlidingWindowLimiter.Reservation guess = lookupSlot(client);
        Optional<Guidance> found = guess.releasedOnFailure(() -> authorised(number, accessCode));
        if (found.isEmpty()) {
            // the failed look-up stays counted
            return Optional.empty();
        }
        guess.release();
        Guidance g = found.get();
        return Optional.of(record(g, today(), agencies.find(g.getAgencyId()).orElse(null)));
    }

    /**
     * The party's reply; a later reply replaces an earlier one until the agency has recorded its return visit.
     *
     * @throws ValidationFailure for a missing reply, a question without a note, a note too long, more than
     *     {@link #MAX_REPLIES} accepted replies to the guidance within {@link #REPLY_WINDOW} (field {@code replyNote};
     *     each reply mails the officer), a guidance whose visit is recorded, too many failed look-ups, or a number and
     *     code that do not match (field {@code form}); nothing is written then
     */
    public GuidanceRecord reply(String number, String accessCode, PartyReply reply, String note, String client) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reply == null) {
            problems.add(new FieldProblem("reply", "guidance.error.reply"));
        }
        String text = strip(note);
        checkReplyNote(reply, text, problems);
        problems.addAll(lookUpProblems(number, accessCode));
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        SlidingWindowLimiter.Reservation guess = lookupSlot(client);
        boolean[] notFound = {false};
        try {
            Guidance saved = tx.execute(status -> {
                Guidance g = authorised(number, accessCode).orElse(null);
                if (g == null) {
                    notFound[0] = true;
                    throw ValidationFailure.of("form", "guidance.error.notFound");
                }
                if (g.getVoidedAt() != null) {
                    throw ValidationFailure.of("form", "guidance.error.voided");
                }
                if (g.getVisitOutcome() != null) {
                    throw ValidationFailure.of("form", "guidance.error.closed");
                }
                if (!replies.allows(g.getNumber())) {
                    throw ValidationFailure.of("replyNote", "guidance.error.tooManyReplies", MAX_REPLIES,
                            REPLY_WINDOW.toMinutes());
                }
                g.recordReply(reply.name(), text, clock.instant());
                Guidance replied = repository.saveAndFlush(g);
                mailReplied(replied);
                return replied;
            });
            // counted once committed: a reply rolled back (a concurrent change) does not use up the limit
            replies.record(saved.getNumber());
            return record(saved, today(), agencies.find(saved.getAgencyId()).orElse(null));
        } catch (ObjectOptimisticLockingFailureException concurrent) {
            throw ValidationFailure.of("form", "guidance.error.closed");
        } finally {
            // only a number and code that matched nothing count as a failed look-up
            if (!notFound[0]) {
                guess.release();
            }
        }
    }

    /**
     * What makes a look-up unable to find any guidance, found before it takes a failed look-up's slot: a missing number
     * ({@code number}), a number not of the form ZD-year-number as issued ({@code number}; case and spaces around it
     * do not matter, as in {@link #byNumber}), a missing code ({@code code}). Such a look-up tells nothing about any
     * guidance, so it need not count; counting it let a party's own typos, or a press of the button on empty fields,
     * lock the address out. The code is not checked further: a mistyped code is a wrong code (as on the mediation
     * tracking page), and its hash comparison decides.
     */
    static List<FieldProblem> lookUpProblems(String number, String accessCode) {
        List<FieldProblem> problems = new ArrayList<>();
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (n.isEmpty()) {
            problems.add(new FieldProblem("number", "guidance.error.numberEmpty"));
        } else if (!NUMBER.matcher(n).matches()) {
            problems.add(new FieldProblem("number", "guidance.error.numberFormat"));
        }
        if (accessCode == null || accessCode.isBlank()) {
            problems.add(new FieldProblem("code", "guidance.error.codeEmpty"));
        }
        return problems;
    }

    /**
     * Takes a failed look-up's slot before the look-up, checked and counted in one step, so that wrong codes sent side
     * by side cannot all pass the limit before one has failed; the caller gives it back when the look-up matched (or
     * did not run to its end). A client one failure short of the limit whose right look-ups overlap may see one of
     * them refused: whether a code is right is known only after the look-up.
     *
     * @throws ValidationFailure (field {@code form}) once the client has failed {@link #MAX_FAILED_LOOKUPS} times
     */
    private SlidingWindowLimiter.Reservation lookupSlot(String client) {
        SlidingWindowLimiter.Reservation slot = failedLookups.reserve(client);
        if (!slot.granted()) {
            throw ValidationFailure.of("form", "guidance.error.tooMany", GUESS_WINDOW.toMinutes());
        }
        return slot;
    }

    /** Forgets the failed look-ups and the replies counted (for tests). */
    void resetLimits() {
        failedLookups.clear();
        replies.clear();
    }

    private Optional<Guidance> authorised(String number, String accessCode) {
        Optional<Guidance> found = byNumber(number);
        String stored = found.map(Guidance::getAccessCodeHash).orElse(AccessCodes.DUMMY);
        boolean matches = AccessCodes.matches(accessCode == null ? "" : accessCode, stored);
        return matches ? found : Optional.empty();
    }

    private Optional<Guidance> byNumber(String number) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (n.isEmpty() || n.length() > 20) {
            return Optional.empty();
        }
        return repository.findByNumber(n);
    }

    // ---- public figures ----

    /**
     * How much guidance one agency gave in the last year, by kind in the order of {@link GuidanceKind}.
     *
     * @param agency the agency's summary (name, sample), null for an agency no longer in the directory
     */
    public record AgencyFigures(String agencyId, AgencySummary agency, long total, Map<GuidanceKind, Long> byKind) {}

    /**
     * Every agency's guidance of the last {@link #FIGURES_DAYS} days, most first; public. Counted by the database in
     * one grouped query, the agencies' names read in one more; then kept for {@link #FIGURES_CACHE_TIME} (every visit
     * of the public page and of the open data asks): a guidance issued or voided on this instance is counted at once,
     * one on another instance of the portal, and a renamed agency, within that time.
     */
    public List<AgencyFigures> figures() {
        LocalDate from = figuresFrom();
        return figuresCache.get(from, () -> countFigures(from));
    }

    private List<AgencyFigures> countFigures(LocalDate from) {
        Instant since = from.atStartOfDay(ZONE).toInstant();
        Map<String, Map<GuidanceKind, Long>> perAgency = new LinkedHashMap<>();
        for (Object[] row : repository.countPerAgencyAndKindSince(since)) {
            perAgency.computeIfAbsent((String) row[0], a -> new EnumMap<>(GuidanceKind.class))
                    .merge(GuidanceKind.valueOf((String) row[1]), ((Number) row[2]).longValue(), Long::sum);
        }
        if (perAgency.isEmpty()) {
            return List.of();
        }
        Map<String, AgencySummary> summaries = agencies.all().stream()
                .collect(java.util.stream.Collectors.toMap(AgencySummary::id, a -> a));
        return perAgency.entrySet().stream()
                .map(e -> new AgencyFigures(e.getKey(), summaries.get(e.getKey()),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                        java.util.Collections.unmodifiableMap(e.getValue())))
                .sorted(Comparator.comparingLong(AgencyFigures::total).reversed()
                        .thenComparing(AgencyFigures::agencyId))
                .toList();
    }

    /** The first day of the public figures: {@link #FIGURES_DAYS} days up to and including today. */
    public LocalDate figuresFrom() {
        return today().minusDays(FIGURES_DAYS - 1L);
    }

    // ---- mail (inside the transaction of the change) ----

    private void mailIssued(Guidance g, AgencySummary agency, String code) {
        if (g.getPartyEmail() == null) {
            return;
        }
        Locale language = Translations.supported(Locale.forLanguageTag(g.getPartyLanguage()));
        String agencyName = agency.displayName(language);
        String respond = g.getRespondBy() == null ? ""
                : translations.get(language, "guidance.mail.issued.respondBy", g.getRespondBy().toString());
        outbox.enqueue(OutgoingMail.text("guidance-issued:" + g.getNumber(), g.getPartyEmail(),
                translations.get(language, "guidance.mail.issued.subject", agencyName, g.getNumber()),
                translations.get(language, "guidance.mail.issued.body", g.getPartyName(), agencyName,
                        translations.get(language, GuidanceKind.valueOf(g.getKind()).messageKey()), g.getSubject(),
                        g.getNumber(), code, portal.link(partyPath() + "?number=" + g.getNumber(), language), respond),
                language));
    }

    /**
     * Tells the officer who wrote the guidance that its party replied (in the language of their last sign-in, to the address of their account
     * when they gave one): the reply, not its note, and the link to the guidance. One mail per reply.
     */
    private void mailReplied(Guidance g) {
        Optional<String> to = accounts.notificationEmail(g.getOfficer()).filter(Outbox::isValidAddress);
        if (to.isEmpty()) {
            return;
        }
        Locale language = accounts.mailLanguage(g.getOfficer()); // the officer's own language, as they last signed in
        PartyReply reply = PartyReply.valueOf(g.getReply());
        outbox.enqueue(OutgoingMail.text("guidance-reply:" + g.getNumber() + ":" + g.getRepliedAt().toEpochMilli(),
                to.get().strip(), translations.get(language, "guidance.mail.replied.subject", g.getNumber(), g.getPartyName()),
                translations.get(language, "guidance.mail.replied.body", g.getNumber(), g.getPartyName(), g.getSubject(),
                        translations.get(language, reply.messageKey()), portal.link(GuidanceDetailView.path(g.getNumber()))),
                language));
    }

    // ---- helpers ----

    private String requireOfficerAgency() {
        if (!currentUser.hasRole("OFFICER")) {
            throw new AccessDeniedException("Guidance is given by officers");
        }
        return currentUser.agencyId().orElseThrow(() -> new AccessDeniedException("Officer without an agency"));
    }

    private void requireStaff() {
        if (!currentUser.isAdmin() && !currentUser.hasRole("OFFICER")) {
            throw new AccessDeniedException("Guidance is for officers and administrators");
        }
    }

    /**
     * The agency as the document staff print and hand to the party names its officers: in full, with their certificate
     * numbers, as an official document must (the party's own page, reachable by anyone holding its number and code,
     * names them as the public agency pages do, partly masked: {@link #open}, {@link #reply}).
     */
    private AgencyDetails handedOver(String agencyId) {
        return staffAgencies.agency(agencyId).orElse(null);
    }

    /** The record; the officers as the document names them only when the agency's details are given. */
    private static GuidanceRecord record(Guidance g, LocalDate today, AgencyDetails agency) {
        List<GuidanceRecord.NamedOfficer> officers = new ArrayList<>();
        if (agency != null) {
            for (String number : g.getCertificates().split(",")) {
                String name = agency.officers().stream().filter(o -> o.certificate().equals(number))
                        .map(Officer::name).findFirst().orElse("");
                officers.add(new GuidanceRecord.NamedOfficer(name, number));
            }
        }
        boolean overdue = g.getVisitDue() != null && g.getVisitOutcome() == null && g.getVoidedAt() == null
                && g.getVisitDue().isBefore(today);
        return new GuidanceRecord(g.getNumber(), g.getAgencyId(), g.getOfficer(), List.copyOf(officers),
                GuidanceKind.valueOf(g.getKind()), g.getPartyName(), g.getPartyEmail(), g.getPartyLanguage(),
                g.getSubject(), g.getFindings(), g.getAdvice(), g.getBasis(), g.getRespondBy(), g.getVisitDue(),
                g.getIssuedAt(), g.getReply() == null ? null : PartyReply.valueOf(g.getReply()), g.getReplyNote(),
                g.getRepliedAt(), g.getVisitOutcome() == null ? null : VisitOutcome.valueOf(g.getVisitOutcome()),
                g.getVisitNote(), g.getVisitedBy(), g.getVisitedAt(), g.getVoidedAt(), g.getVoidedBy(), g.getVoidReason(),
                overdue);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
