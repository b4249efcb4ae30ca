package cn.gov.enforcement.portal.mediation;

import java.time.Instant;

/** One recorded view of a case file: who, when, which case, what (VIEW, DOWNLOAD, DOCUMENT). */
public record AuditRecord(String caseNumber, String agencyId, String username, String action, Instant at) {}
