/**
 * Parsers that turn source files into {@link cn.gov.enforcement.portal.regulation.LegalDocument}s:
 * {@link cn.gov.enforcement.portal.regulation.importer.LawRefBookParser} for the LawRefBook Markdown corpus and
 * {@link cn.gov.enforcement.portal.regulation.importer.PlainTextParser} for plain-text government documents.
 * Pure Java, no Spring beans; problems are collected as
 * {@link cn.gov.enforcement.portal.regulation.importer.ImportProblem}s, never thrown.
 */
@org.springframework.modulith.NamedInterface("importer")
package cn.gov.enforcement.portal.regulation.importer;
