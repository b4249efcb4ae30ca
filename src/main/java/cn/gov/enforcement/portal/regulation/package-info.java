/**
 * Legal documents (laws, regulations, rules, judicial interpretations, local regulations,
 * normative documents and our own guides): the document model, Chinese numerals for article
 * numbers, Simplified/Traditional conversion and, in {@code importer}, the parsers that read the
 * LawRefBook Markdown corpus and plain-text government documents.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regulation")
package cn.gov.enforcement.portal.regulation;
