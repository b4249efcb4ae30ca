package cn.gov.enforcement.portal.mediation;

import java.time.Instant;
import java.util.List;

/** The status of a case without any personal data, for the status API. */
public record StatusAnswer(String caseNumber, CaseStatus status, boolean overdue, List<Entry> history) {

    public record Entry(CaseStatus status, Instant at) {}
}
