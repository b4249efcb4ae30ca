/**
 * Legal-risk points (法律风险点清单), exemption and lighter-penalty items (不予处罚 / 从轻 / 减轻处罚清单) and
 * discretion benchmarks, loaded from {@code knowledge-base/risk-points|exemptions|discretion/},
 * searchable through the {@code risk-points} and {@code exemptions} indexes; public pages, CSV
 * downloads, JSON API and the eligibility check.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lists")
package cn.gov.enforcement.portal.lists;
