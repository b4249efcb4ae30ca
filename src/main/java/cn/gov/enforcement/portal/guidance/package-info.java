/**
 * Administrative guidance (行政指导): an officer gives a party written guidance (行政指导书) by one of
 * the eight non-coercive means (引导, 示范, 提示, 辅导, 建议, 规劝, 约谈, 回访) with what was found,
 * what is advised and on what legal basis; the party reads it online with its number and access code
 * and replies; the agency records its return visit. Public figures show how much guidance each agency gave.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guidance")
package cn.gov.enforcement.portal.guidance;
