/**
 * The guided self-check (自查自纠, seed 000 Art. 9): a business chooses what it does, goes through the legal-risk
 * points of those sectors and says for each whether its prevention measures are in place, and gets a report of what
 * to correct, with the consequences, the legal basis, the no- or lighter-penalty items that may apply and whom to
 * ask. The answers live in the page's address; nothing is stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-check")
package cn.gov.enforcement.portal.selfcheck;
