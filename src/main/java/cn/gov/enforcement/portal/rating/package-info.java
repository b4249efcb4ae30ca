/**
 * Rating the enforcement (好差评): anyone rates an enforcement contact with an agency (inspection,
 * penalty, licensing, mediation, guidance) on the five levels of the national 好差评 scheme; every
 * bad rating (不满意, 非常不满意) is followed up by the agency within a deadline, and the officers
 * record what they found. Public figures per agency show how the agencies are rated.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rating")
package cn.gov.enforcement.portal.rating;
