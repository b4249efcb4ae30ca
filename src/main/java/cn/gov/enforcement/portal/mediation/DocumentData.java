package cn.gov.enforcement.portal.mediation;

import java.time.LocalDate;

/**
 * What a document made from a template shows: the agency's name, the case data and, depending on
 * the kind, the reason, the session or the agreed terms.
 */
public record DocumentData(MediationDocument kind, String agencyId, String agencyName, String caseNumber, LocalDate issuedOn,
        DisputeCategory category, String applicantName, String otherPartyName, String reason, LocalDate mediationDue,
        String sessionAt, String sessionPlace, String agreementTerms) {}
