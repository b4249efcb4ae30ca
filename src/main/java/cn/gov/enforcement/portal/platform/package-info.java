/**
 * Cross-cutting platform services shared by every module: the data directory, the clock,
 * translations (i18n bundles) and the per-browser language choice.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.gov.enforcement.portal.platform;
