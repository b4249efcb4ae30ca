package cn.gov.enforcement.portal.mediation;

/**
 * How an applicant reaches the agency that handles a case, from the public agency directory.
 *
 * @param name the agency's name in the reader's language (its id when the directory does not know it)
 * @param phone the agency's public phone number (its supervision phone); {@code null} when unknown
 * @param officeHours when the agency answers, in the reader's language (the agency file's English office hours for
 *     English when it gives them, else the Chinese); {@code null} when unknown
 * @param address where the agency is, in the reader's language as {@code officeHours}; {@code null} when unknown
 */
public record AgencyContact(String name, String phone, String officeHours, String address) {}
