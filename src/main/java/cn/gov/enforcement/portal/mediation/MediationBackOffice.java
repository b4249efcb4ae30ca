package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officers' side of mediation: the queue of their own agency's cases and the decisions of
 * the workflow. Every method checks that the case belongs to the caller's agency
 * ({@link CurrentUser#requireAgency}); an unknown number and another agency's number get the same
 * {@link AccessDeniedException}, so that changing a number in a URL reveals nothing.
 */
@Service
@RolesAllowed({"OFFICER", "ADMIN"})
public class MediationBackOffice {

    private final MediationCaseRepository cases;
    private final MediationService service;
    private final MediationSettings settings;
    private final CurrentUser currentUser;
    private final Clock clock;

    MediationBackOffice(MediationCaseRepository cases, MediationService service, MediationSettings settings,
            CurrentUser currentUser, Clock clock) {
        this.cases = cases;
        this.service = service;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The caller's own agency's cases, oldest first; empty for an administrator (who names the agency). */
    @Transactional(readOnly = true)
    public List<CaseSummary> ownQueue() {
        return currentUser.agencyId().map(this::queue).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<CaseSummary> queue(String agencyId) {
        currentUser.requireAgency(agencyId);
        Instant now = clock.instant();
        return cases.findByAgencyIdOrderBySubmittedAtAsc(agencyId).stream()
                .map(c -> new CaseSummary(c.caseNumber(), c.status(), c.category(), c.agencyId(), c.submittedAt(),
                        c.applicantName(), PersonalData.maskPhone(c.phone()), c.acceptanceDue(settings),
                        c.mediationDue(settings).orElse(null), c.overdue(settings, now)))
                .toList();
    }

    /** A case of the caller's agency (phone and ID masked). */
    @Transactional(readOnly = true)
    public CaseTracking caseFile(String number) {
        return service.tracking(load(number));
    }

    @Transactional
    public CaseTracking accept(String number, String note) {
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
        return step(number, c -> c.inviteOtherParty(actor(), note, clock.instant()));
    }

    @Transactional
    public CaseTracking otherPartyAgreed(String number, String note) {
        return step(number, c -> c.otherPartyAgreed(actor(), note, clock.instant()));
    }

    @Transactional
    public CaseTracking otherPartyDeclined(String number, String reason) {
        requireReason(reason);
        return step(number, c -> c.otherPartyDeclined(actor(), reason, clock.instant()));
    }

    @Transactional
    public CaseTracking scheduleSession(String number, Instant at, String placeOrLink) {
        if (at == null || !at.isAfter(clock.instant())) {
            throw ValidationFailure.of("sessionAt", "mediation.error.sessionAt");
        }
        if (placeOrLink == null || placeOrLink.isBlank() || placeOrLink.strip().length() > 500) {
            throw ValidationFailure.of("sessionPlace", "mediation.error.sessionPlace", "500");
        }
        return step(number, c -> c.scheduleSession(actor(), at, placeOrLink, clock.instant()));
    }

    @Transactional
    public CaseTracking agreementReached(String number, String terms) {
        if (terms == null || terms.isBlank() || terms.strip().length() > 4000) {
            throw ValidationFailure.of("terms", "mediation.error.terms", "4000");
        }
        return step(number, c -> c.agreementReached(actor(), terms, clock.instant()));
    }

    @Transactional
    public CaseTracking fail(String number, String reason) {
        requireReason(reason);
        return step(number, c -> c.fail(actor(), reason, clock.instant()));
    }

    @Transactional
    public CaseTracking close(String number, String note) {
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
        MediationCase c = cases.findByCaseNumber(n).orElseThrow(() -> new AccessDeniedException("Not allowed for this case"));
        currentUser.requireAgency(c.agencyId());
        return c;
    }

    private String actor() {
        return currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MediationService.MAX_REASON) {
            throw ValidationFailure.of("reason", "mediation.error.reason", String.valueOf(MediationService.MAX_REASON));
        }
    }
}
