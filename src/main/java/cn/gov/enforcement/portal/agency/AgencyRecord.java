package cn.gov.enforcement.portal.agency;

import java.util.List;

/**
 * One agency as parsed from a valid knowledge-base file; {@code nameEn}, {@code addressEn}, {@code officeHoursEn} and
 * {@code mediationEmail} are null when the file gives none.
 */
record AgencyRecord(String id, boolean sample, String name, String nameEn, AgencyCategory category, String region,
        String legalRepresentative, List<Power> powers, List<String> legalBasis, String address, String addressEn,
        String supervisionPhone, String supervisionEmail, String mediationEmail, String officeHours,
        String officeHoursEn, List<OfficerRecord> officers,
        String sourceFile, String contentHash) {

    record OfficerRecord(String name, String certificate, OfficerStatus status) {}
}
