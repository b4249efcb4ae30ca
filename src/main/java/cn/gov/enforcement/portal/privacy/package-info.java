/**
 * The site-wide personal information notice ({@code /privacy}, linked from every page's footer): what the portal
 * processes, why, for how long and who to ask, with the figures read from the modules' settings so that the notice
 * always says what the portal does.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy notice")
package cn.gov.enforcement.portal.privacy;
