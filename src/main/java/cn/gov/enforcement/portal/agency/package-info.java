/**
 * Agency directory (执法主体公示): enforcement agencies, their powers, legal basis, supervision
 * contacts and officers, loaded from {@code knowledge-base/agencies/}, searchable through the
 * {@code agencies} index; public pages, certificate check, staff page and JSON API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agencies")
package cn.gov.enforcement.portal.agency;
