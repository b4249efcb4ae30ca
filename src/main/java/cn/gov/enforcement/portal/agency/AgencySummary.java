package cn.gov.enforcement.portal.agency;

/** One agency in a list or search result. */
public record AgencySummary(String id, String name, String nameEn, AgencyCategory category, String region,
        String address, String supervisionPhone, String supervisionEmail, String officeHours, boolean sample) {}
