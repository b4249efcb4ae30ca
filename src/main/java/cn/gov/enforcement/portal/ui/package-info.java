/** The shell: application shell, main layout with header, navigation and language switch, home page. */
@org.springframework.modulith.ApplicationModule(displayName = "Shell")
package cn.gov.enforcement.portal.ui;
