/**
 * Administrative mediation (行政调解, seed 000 Art. 11–14, seed 004 三(三)): the public explanation
 * page, the application wizard, case tracking with an access code, the status API and the case
 * workflow with its deadlines; officers of the competent agency handle their own agency's cases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mediation")
package cn.gov.enforcement.portal.mediation;
