package cn.gov.enforcement.portal.guidance;

import java.time.LocalDate;

/**
 * What an officer types for a written guidance; every field is checked by {@link GuidanceService#issue}.
 *
 * @param certificates the certificate numbers of the officers giving the guidance, separated by commas, semicolons,
 *     enumeration commas or line breaks (not spaces: a space may be part of one number as it is printed)
 * @param partyLanguage the language tag of the mail to the party ({@code zh-CN}, {@code zh-TW}, {@code en})
 * @param respondBy the day by which the party is asked to act or reply, optional
 * @param visitDue the day the agency plans its return visit, optional
 */
public record GuidanceInput(GuidanceKind kind, String certificates, String partyName, String partyEmail,
        String partyLanguage, String subject, String findings, String advice, String basis, LocalDate respondBy,
        LocalDate visitDue) {}
