package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.RegulationCatalog.Resolution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The citation report lists only the entries with unresolved citations, resolves each batch's citations in one call,
 * names what only the public version still cites, and is unavailable, not full of false alarms, when the regulation
 * library cannot be read.
 */
class CitationReportTest {

    private static final Citation GOOD = new Citation("中华人民共和国行政处罚法", "第三十三条", null);
    private static final Citation RENUMBERED = new Citation("废旧金属收购业治安管理办法", "第十六条", null);
    private static final Citation UNKNOWN = new Citation("测试用虚构条例", "第一条", 2);

    private static RiskPoint risk(String id, List<Citation> obligation, List<Citation> penalty) {
        return new RiskPoint(id, "sample-urban-management", "市容", "商户", "标题 " + id, "风险", "低", "原因",
                obligation, penalty, "后果", List.of("措施"), List.of("提示"), null, null, true);
    }

    private static CitationReport.Subject subject(RiskPoint working, RiskPoint published) {
        return new CitationReport.Subject(working.id(), ListKind.RISK_POINTS, working.agency(), working.title(),
                published == null ? EntryStatus.PUBLISHED : EntryStatus.DRAFT, 2, null, working, published);
    }

    /** Resolves as the regulation library would: only GOOD is found. Counts its calls and what each was asked. */
    private final List<Set<Citation>> calls = new ArrayList<>();
    private final Function<Collection<Citation>, Optional<List<ListsCatalog.UnresolvedCitation>>> library = cited -> {
        calls.add(Set.copyOf(cited));
        return Optional.of(cited.stream().filter(c -> !c.equals(GOOD))
                .map(c -> c.equals(RENUMBERED) ? new ListsCatalog.UnresolvedCitation(c, Resolution.OLDER_VERSION_ONLY)
                        : new ListsCatalog.UnresolvedCitation(c, Resolution.NO_LAW)).toList());
    };

    @Test
    void only_entries_with_unresolved_citations_are_listed_each_batch_resolved_in_one_call() {
        List<CitationReport.Subject> first = List.of(subject(risk("um-a", List.of(GOOD), List.of(GOOD)), null),
                subject(risk("um-b", List.of(GOOD), List.of(RENUMBERED, GOOD, RENUMBERED)), null));
        List<CitationReport.Subject> second = List.of(subject(risk("um-c", List.of(UNKNOWN), List.of()), null));
        CitationReport report = CitationReport.check(List.of(first, second), library).orElseThrow();
        assertThat(report.checked()).isEqualTo(3);
        assertThat(report.lines()).extracting(CitationReport.Line::id).containsExactly("um-b", "um-c");
        assertThat(report.lines().get(0).unresolved()).extracting(ListsCatalog.UnresolvedCitation::citation,
                ListsCatalog.UnresolvedCitation::kind).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RENUMBERED, Resolution.OLDER_VERSION_ONLY));
        assertThat(report.lines().get(0).editUrl()).isEqualTo("staff/lists/edit/risk-points/um-b");
        assertThat(report.lines().get(1).unresolved()).extracting(ListsCatalog.UnresolvedCitation::kind)
                .containsExactly(Resolution.NO_LAW);
        // one call per batch, each citation asked once
        assertThat(calls).containsExactly(Set.of(GOOD, RENUMBERED), Set.of(UNKNOWN));
    }

    @Test
    void a_citation_only_the_public_version_still_has_is_named_apart() {
        RiskPoint draft = risk("um-d", List.of(GOOD), List.of(UNKNOWN));
        RiskPoint published = risk("um-d", List.of(RENUMBERED), List.of(UNKNOWN));
        CitationReport report = CitationReport.check(List.of(List.of(subject(draft, published))), library).orElseThrow();
        assertThat(report.lines()).singleElement().satisfies(line -> {
            assertThat(line.unresolved()).extracting(ListsCatalog.UnresolvedCitation::citation).containsExactly(UNKNOWN);
            assertThat(line.publicOnly()).extracting(ListsCatalog.UnresolvedCitation::citation).containsExactly(RENUMBERED);
        });
        // the draft corrects everything the public version got wrong: still listed, for the public version
        RiskPoint corrected = risk("um-d", List.of(GOOD), List.of(GOOD));
        assertThat(CitationReport.check(List.of(List.of(subject(corrected, published))), library).orElseThrow().lines())
                .singleElement().satisfies(line -> assertThat(line.unresolved()).isEmpty());
    }

    @Test
    void a_discretion_benchmark_is_checked_and_points_to_its_file_instead_of_a_form() {
        DiscretionBenchmark benchmark = new DiscretionBenchmark("tp-db-x", "sample-traffic-police", "违法停车",
                List.of(GOOD), List.of(UNKNOWN), List.of(), null, null, true);
        CitationReport.Subject s = new CitationReport.Subject("tp-db-x", ListKind.DISCRETION, "sample-traffic-police",
                "违法停车", EntryStatus.PUBLISHED, 0, "discretion/sample-traffic-police.yaml", benchmark, null);
        assertThat(CitationReport.check(List.of(List.of(s)), library).orElseThrow().lines()).singleElement()
                .satisfies(line -> {
                    assertThat(line.editUrl()).isNull();
                    assertThat(line.sourceFile()).isEqualTo("discretion/sample-traffic-police.yaml");
                    assertThat(line.unresolved()).extracting(ListsCatalog.UnresolvedCitation::citation)
                            .containsExactly(UNKNOWN);
                });
    }

    @Test
    void a_regulation_library_that_cannot_be_read_makes_the_report_unavailable() {
        List<CitationReport.Subject> batch = List.of(subject(risk("um-e", List.of(UNKNOWN), List.of()), null));
        assertThat(CitationReport.check(List.of(batch), cited -> Optional.empty())).isEmpty();
        // nothing cited: nothing to ask, an empty report
        List<CitationReport.Subject> none = List.of(subject(risk("um-f", List.of(), List.of()), null));
        assertThat(CitationReport.check(List.of(none), cited -> Optional.empty())).hasValueSatisfying(r -> {
            assertThat(r.checked()).isEqualTo(1);
            assertThat(r.lines()).isEmpty();
        });
    }
}
