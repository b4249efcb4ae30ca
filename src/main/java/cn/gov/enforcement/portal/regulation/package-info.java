/**
 * Legal documents (laws, regulations, rules, judicial interpretations, local regulations,
 * normative documents and our own guides): the document model, Chinese numerals for article
 * numbers, Simplified/Traditional conversion and, in {@code importer}, the parsers that read the
 * LawRefBook Markdown corpus and plain-text government documents; the import into the database
 * ({@link cn.gov.enforcement.portal.regulation.ImportService}, also {@code java -jar portal.jar --import=<folder>}),
 * the {@code regulation-articles} search index, article search
 * ({@link cn.gov.enforcement.portal.regulation.RegulationCatalog}, {@code GET /api/v1/regulations/search}) and
 * the public pages {@code regulations} (filters, paging) and {@code regulations/:id} (articles, versions), the
 * administrators' import page {@code admin/regulations/import} (uploads unpacked by
 * {@link cn.gov.enforcement.portal.regulation.RegulationUploads}, imports run by
 * {@link cn.gov.enforcement.portal.regulation.RegulationImportJobs}) and the portal's plain-language guides read
 * from {@code knowledge-base/regulations/} ({@link cn.gov.enforcement.portal.regulation.GuideLoader}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regulation")
package cn.gov.enforcement.portal.regulation;
