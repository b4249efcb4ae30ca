/**
 * What search engines are told about the portal: {@code /robots.txt} (the staff, sign-in and case-tracking pages and
 * the API are not for crawling) and the sitemap of the public pages, built from the agency, lists and regulation
 * modules' public services. Sample content is never offered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discovery")
package cn.gov.enforcement.portal.discovery;
