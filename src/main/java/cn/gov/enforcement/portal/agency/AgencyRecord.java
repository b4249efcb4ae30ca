package cn.gov.enforcement.portal.agency;

import java.util.List;

/** One agency as parsed from a valid knowledge-base file. */
record AgencyRecord(String id, boolean sample, String name, String nameEn, AgencyCategory category, String region,
        String legalRepresentative, List<Power> powers, List<String> legalBasis, String address,
        String supervisionPhone, String supervisionEmail, String mediationEmail, String officeHours, List<OfficerRecord> officers,
        String sourceFile, String contentHash) {

    record OfficerRecord(String name, String certificate, OfficerStatus status) {}
}
