package cn.gov.enforcement.portal.mediation;

import java.util.Locale;

/**
 * What a notice-and-guidance letter pre-fills in the application, and the language it was written in for its party.
 *
 * @param application the fields the letter fills in (category, the addressee as applicant, the other party, the
 *     facts); the others are empty
 * @param language the party's language of the letter, one the portal speaks
 */
public record LetterPrefill(MediationApplication application, Locale language) {}
