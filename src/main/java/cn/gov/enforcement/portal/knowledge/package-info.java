/**
 * The knowledge base: YAML content files under {@code knowledge-base/} (agencies, and later risk
 * lists and exemption lists), located, hashed, parsed with line numbers and validated. Content
 * modules implement {@link cn.gov.enforcement.portal.knowledge.KnowledgeLoader}; problems are
 * logged and listed for administrators on {@code admin/content}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base")
package cn.gov.enforcement.portal.knowledge;
