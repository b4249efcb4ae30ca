package cn.gov.enforcement.portal.mediation;

/**
 * How an applicant reaches the agency that handles a case, from the public agency directory.
 *
 * @param name the agency's name in the reader's language (its id when the directory does not know it)
 * @param phone the agency's public phone number (its supervision phone); {@code null} when unknown
 * @param officeHours when the agency answers, as the agency file gives it; {@code null} when unknown
 * @param address where the agency is, as the agency file gives it; {@code null} when unknown
 */
public record AgencyContact(String name, String phone, String officeHours, String address) {}
