/**
 * The staff workbench (工作台): what waits for the signed-in officer, editor or administrator today, per agency,
 * gathered from the mediation, rating, lists, notification and knowledge modules through their public services.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package cn.gov.enforcement.portal.workbench;
