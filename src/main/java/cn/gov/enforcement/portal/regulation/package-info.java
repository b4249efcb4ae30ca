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
 * from {@code knowledge-base/regulations/} ({@link cn.gov.enforcement.portal.regulation.GuideLoader}); and the words of
 * questions the lists' search and the self-check assistant share: everyday words and their legal terms
 * ({@link cn.gov.enforcement.portal.regulation.LayTerms}), the rule of a business without a licence
 * ({@link cn.gov.enforcement.portal.regulation.MissingLicence}) and the kinds of vehicle a text names
 * ({@link cn.gov.enforcement.portal.regulation.VehicleKinds}, which the self-check shares).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regulation")
package cn.gov.enforcement.portal.regulation;
