package cn.gov.enforcement.portal.mediation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as its applicant (or the competent officer) sees it. Identity and phone numbers are masked.
 *
 * @param mediationDue the last day of mediation, {@code null} before acceptance
 */
public record CaseTracking(String caseNumber, CaseStatus status, DisputeCategory category, String agencyId,
        Instant submittedAt, LocalDate acceptanceDue, LocalDate mediationDue, boolean extended, boolean overdue,
        Instant sessionAt, String sessionPlace, String agreementTerms, String applicantName, String idNumberMasked,
        String phoneMasked, String otherPartyName, List<Step> history, List<CaseMessageView> messages) {

    /**
     * True when the parties are to be told where they can turn now: mediation did not come about (not accepted,
     * declined, failed), also once a failed case is closed.
     */
    public boolean onwardGuidance() {
        return status.needsReason() || status == CaseStatus.CLOSED
                && history.stream().anyMatch(s -> s.changesState() && s.to() == CaseStatus.FAILED);
    }

    /**
     * One step of the timeline.
     *
     * @param byApplicant true when the applicant took the step (submission, withdrawal), false for the agency
     * @param reason the reason or note given with the step, may be {@code null}
     * @param kind for steps that keep the state: {@code EXTENDED} (deadline extended) or {@code MEDIATOR}
     *     (mediator assigned); {@code null} for a change of state
     * @param actor who took the step: {@code applicant} or the officer's user name (shown to staff only)
     * @param sessionAt the session time a scheduling or a move of the session set ({@code reason} holds its place);
     *     {@code null} for other steps and for those recorded before the time was kept with the step
     */
    public record Step(CaseStatus from, CaseStatus to, Instant at, boolean byApplicant, String reason, String kind,
            String actor, Instant sessionAt) {

        public boolean changesState() {
            return kind == null;
        }
    }
}
