package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.platform.AccessCodes;
import cn.gov.enforcement.portal.mediation.internal.Letter;
import cn.gov.enforcement.portal.mediation.internal.LetterRepository;
import cn.gov.enforcement.portal.notification.Outbox;
import cn.gov.enforcement.portal.notification.OutgoingMail;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notice-and-guidance letters (告知引导书): an officer tells a party met in an enforcement situation
 * (a decision, an inspection, a complaint) of the right to administrative mediation. The letter is
 * mailed (when an address is given) and printable, with a short code whose link pre-fills the
 * application wizard. Letters belong to the officer's agency.
 */
@Service
@RolesAllowed("OFFICER")
public class MediationLetters {

    public static final int MAX_FACTS = 2000;

    private final LetterRepository letters;
    private final MediationService service;
    private final MediationSettings settings;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Outbox outbox;
    private final Translations translations;

    MediationLetters(LetterRepository letters, MediationService service, MediationSettings settings,
            CurrentUser currentUser, Clock clock, Outbox outbox, Translations translations) {
        this.letters = letters;
        this.service = service;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
        this.outbox = outbox;
        this.translations = translations;
    }

    /** The path of the application wizard pre-filled by a letter code. */
    public static String applyPath(String code) {
        return "mediation/apply?letter=" + code;
    }

    /**
     * Creates the letter and, when the party has an e-mail address, mails it in the party's language.
     *
     * @throws ValidationFailure when a field is invalid (nothing is stored)
     */
    @Transactional
    public LetterView compose(LetterInput input) {
        String agency = currentUser.agencyId().orElseThrow(CaseNotFoundException::new);
        String officer = currentUser.username().orElseThrow(CaseNotFoundException::new);
        List<FieldProblem> problems = new ArrayList<>();
        if (input.situation() == null) {
            problems.add(new FieldProblem("situation", "mediation.error.situation"));
        }
        if (input.category() == null) {
            problems.add(new FieldProblem("category", "mediation.error.category"));
        }
        // the names go into the mail's text and the letter's lines, and pre-fill the wizard: one line each
        String maxName = String.valueOf(MediationService.MAX_NAME);
        TypedText.problem("partyName", input.partyName(), TypedText.Kind.LINE, 2, MediationService.MAX_NAME,
                "mediation.error.applicantName", "2", maxName).ifPresent(problems::add);
        String email = input.partyEmail() == null || input.partyEmail().isBlank() ? null : input.partyEmail().strip();
        if (email != null && !Outbox.isValidAddress(email)) {
            problems.add(new FieldProblem("partyEmail", "mediation.error.email"));
        }
        TypedText.problem("otherPartyName", input.otherPartyName(), TypedText.Kind.LINE, 1, MediationService.MAX_NAME,
                "mediation.error.otherPartyName", "1", maxName).ifPresent(problems::add);
        TypedText.problem("facts", input.facts(), TypedText.Kind.TEXT, MediationService.MIN_FACTS, MAX_FACTS,
                "mediation.error.facts", String.valueOf(MediationService.MIN_FACTS), String.valueOf(MAX_FACTS))
                .ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        String party = input.partyName().strip();
        String other = input.otherPartyName().strip();
        String facts = input.facts().strip();
        Locale language = Translations.supported(input.partyLanguage() == null ? null : Locale.forLanguageTag(input.partyLanguage()));
        Instant now = clock.instant();
        String code = AccessCodes.generate();
        Letter letter = letters.saveAndFlush(new Letter(code, agency, officer, input.situation().name(), input.category(),
                party, email, language.toLanguageTag(), other, facts, now, expiry(now, settings.letterDays(), settings.zone())));
        LetterView view = view(letter, language);
        if (email != null) {
            outbox.enqueue(OutgoingMail.text("mediation-letter:" + code, email,
                    translations.get(language, "mediation.mail.letter.subject", view.agencyName()),
                    translations.get(language, "mediation.mail.letter.body", party, view.agencyName(),
                            translations.get(language, input.situation().messageKey()), other,
                            translations.get(language, input.category().messageKey()), facts, code,
                            settings.link(applyPath(code), language), view.validUntil().toString()),
                    language));
        }
        return view;
    }

    /** The letters of the officer's agency, newest first. */
    @Transactional(readOnly = true)
    public List<LetterView> ownLetters() {
        String agency = currentUser.agencyId().orElseThrow(CaseNotFoundException::new);
        return letters.findByAgencyIdOrderByCreatedAtDescIdDesc(agency).stream()
                .map(l -> view(l, Translations.supported(Locale.forLanguageTag(l.partyLanguage())))).toList();
    }

    /** One letter of the officer's agency; another agency's code gets the same answer as an unknown one. */
    @Transactional(readOnly = true)
    public LetterView letter(String code) {
        Letter letter = letters.findByCode(AccessCodes.normalize(code))
                .filter(l -> currentUser.canAccessAgency(l.agencyId()))
                .orElseThrow(CaseNotFoundException::new);
        return view(letter, Translations.supported(Locale.forLanguageTag(letter.partyLanguage())));
    }

    /**
     * When a letter written at {@code created} stops opening the wizard: the end of its last day (the day {@code days}
     * days after the day of writing) in the mediation time zone, that is the start of the next day. The letter says
     * "valid until" that day, so it holds all of that day, not only up to the time of day it was written.
     */
    static Instant expiry(Instant created, int days, ZoneId zone) {
        return LocalDate.ofInstant(created, zone).plusDays(days + 1L).atStartOfDay(zone).toInstant();
    }

    /**
     * The last day on which a letter expiring at {@code expiresAt} (exclusive) is valid, as the letter prints it; for
     * letters stored before expiries were rounded to the end of the day it is the day of their expiry.
     */
    static LocalDate lastDay(Instant expiresAt, ZoneId zone) {
        return LocalDate.ofInstant(expiresAt.minusNanos(1), zone);
    }

    /**
     * Whether a letter expiring at {@code expiresAt} still opens the wizard at {@code now}: until the end of the last
     * day it prints ({@link #lastDay}), also for letters stored before expiries were rounded to the end of the day,
     * whose stored time of day would otherwise cut their last day short.
     */
    static boolean validAt(Instant expiresAt, Instant now, ZoneId zone) {
        return !lastDay(expiresAt, zone).isBefore(LocalDate.ofInstant(now, zone));
    }

    private LetterView view(Letter l, Locale language) {
        return new LetterView(l.code(), l.agencyId(), service.agencyName(l.agencyId(), language), l.officer(),
                LetterInput.Situation.valueOf(l.situation()), l.category(), l.partyName(), l.partyEmail(), l.partyLanguage(),
                l.otherPartyName(), l.facts(), l.createdAt(), lastDay(l.expiresAt(), settings.zone()),
                applyPath(l.code()));
    }
}
