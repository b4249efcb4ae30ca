/** Users, roles (OFFICER and EDITOR bound to one agency, ADMIN), sign-in, agency scope. */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package cn.gov.enforcement.portal.account;
