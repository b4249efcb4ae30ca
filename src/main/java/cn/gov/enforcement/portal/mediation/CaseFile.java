package cn.gov.enforcement.portal.mediation;

import java.util.List;

/**
 * A case as the officers of its agency see it. ID and phone numbers are shown in full only to the
 * assigned mediator ({@code assignedToMe}), masked to everybody else.
 *
 * @param version the version of the case as read: a step sent from a page built from it is refused once the case has
 *     changed since ({@link MediationBackOffice#unchangedSince})
 */
public record CaseFile(CaseTracking tracking, String agencyName, String applicantKind, String idType, String idNumber,
        String phone, String email, String address, String otherPartyContact, String otherPartyEmail, String facts,
        String request, String preferredTimes, boolean preferOnline, String mediator, boolean assignedToMe,
        List<EvidenceInfo> evidence, List<MediationDocument> documents, long version) {}
