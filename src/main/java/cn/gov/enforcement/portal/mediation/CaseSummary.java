package cn.gov.enforcement.portal.mediation;

import java.time.Instant;
import java.time.LocalDate;

/** One row of an officer's queue (phone and ID masked). */
public record CaseSummary(String caseNumber, CaseStatus status, DisputeCategory category, String agencyId,
        Instant submittedAt, String applicantName, String phoneMasked, LocalDate acceptanceDue, LocalDate mediationDue,
        boolean overdue, String mediator, boolean applicantWaiting) {}
