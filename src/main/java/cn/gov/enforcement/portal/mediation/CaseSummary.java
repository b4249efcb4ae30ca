package cn.gov.enforcement.portal.mediation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of an officer's queue (phone and ID masked). {@code due} is the deadline running now (the acceptance
 * decision, then the mediation), null when none runs. {@code mediator} is the assigned mediator's display name (the
 * user name when the account has none or is no longer an enabled officer of the agency), null when none is assigned.
 */
public record CaseSummary(String caseNumber, CaseStatus status, DisputeCategory category, String agencyId,
        Instant submittedAt, String applicantName, String phoneMasked, LocalDate due,
        boolean overdue, String mediator, boolean applicantWaiting) {}
