package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The back office's export and its check of a form's input: the knowledge-base format, read by {@link AgencyFileParser}. */
class AgencyYamlTest {

    private static AgencyRecord parse(String label, String content) {
        AgencyFileParser.Result result = AgencyFileParser.parse(KnowledgeFile.of(label, content));
        assertThat(result.problems()).as(content).isEmpty();
        return result.record().orElseThrow();
    }

    /** The record without where it came from (file hash), which differs between a file and its export. */
    private static AgencyRecord content(AgencyRecord r) {
        return new AgencyRecord(r.id(), r.sample(), r.name(), r.nameEn(), r.category(), r.region(),
                r.legalRepresentative(), r.powers(), r.legalBasis(), r.address(), r.addressEn(), r.supervisionPhone(),
                r.supervisionEmail(), r.mediationEmail(), r.officeHours(), r.officeHoursEn(), r.officers(), r.sourceFile(),
                "");
    }

    @Test
    void every_committed_agency_exported_reads_back_as_the_same_agency() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("knowledge-base", "agencies"))) {
            files = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            String label = "knowledge-base/agencies/" + file.getFileName();
            AgencyRecord original = parse(label, Files.readString(file));
            String exported = AgencyYaml.file(original, "2026-12-06");
            AgencyRecord back = parse(label, exported);
            assertThat(content(back)).as(label).isEqualTo(content(original));
            assertThat(exported).startsWith("# SAMPLE DATA").contains("Exported from the portal's back office");
            // the canonical body is what a version stores; the file's agency and its export have the same one
            assertThat(AgencyYaml.body(back)).isEqualTo(AgencyYaml.body(original));
        }
    }

    @Test
    void texts_that_look_like_yaml_numbers_or_booleans_keep_their_exact_characters() {
        AgencyRecord tricky = new AgencyRecord("sample-x", false, "名称: \"带引号\" # 不是注释", "true", AgencyCategory.OTHER,
                "- 示例市", "123", List.of(new Power("{a: b} [c]\\ 反斜杠", PowerKind.OTHER)),
                List.of("《某法》第一条: 'x'", "《另一法》\t第二条"), "null", "false", "0999-1234", "a@b.cn", null,
                "~", "- 9: 17 #", List.of(new AgencyRecord.OfficerRecord("&anchor *alias", "SJ-990100-2024-0001", OfficerStatus.REVOKED)),
                "knowledge-base/agencies/sample-x.yaml", "");
        AgencyRecord back = parse("knowledge-base/agencies/sample-x.yaml", AgencyYaml.file(tricky, "2026-12-06"));
        assertThat(content(back)).isEqualTo(content(tricky));
        assertThat(AgencyYaml.file(tricky, "2026-12-06")).doesNotContain("SAMPLE DATA");
    }

    @Test
    void a_draft_with_a_value_the_files_do_not_allow_gets_the_files_problem_and_no_structure_from_a_text() {
        AgencyRecord fixed = content(parse("knowledge-base/agencies/sample-x.yaml", AgencyYaml.body(
                new AgencyRecord("sample-x", true, "示例局", null, AgencyCategory.MARKET, "示例市", "某某",
                        List.of(new Power("检查", PowerKind.INSPECTION)), List.of("《中华人民共和国行政处罚法》第十七条"), "地址",
                        null, "0999-1", "a@b.cn", null, "9-17", null,
                        List.of(new AgencyRecord.OfficerRecord("张三", "SJ-990100-2024-0001", OfficerStatus.VALID)),
                        "knowledge-base/agencies/sample-x.yaml", ""))));
        // a line break and a key in a typed text stay text: the office hours do not add an officer
        String yaml = AgencyYaml.draft(fixed, "", "某某", List.<String[]>of(new String[] {"检查", "fine"}),
                List.of("没有书名号"), "地址", "", "0999-1", "not-an-address", "", "9-17\nofficers: []", "",
                List.<String[]>of(new String[] {"", "x", "valid"}));
        AgencyFileParser.Result result = AgencyFileParser.parse(KnowledgeFile.of("knowledge-base/agencies/sample-x.yaml", yaml));
        assertThat(result.record()).isEmpty();
        assertThat(result.problems()).extracting(ContentProblem::field, ContentProblem::key).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("powers[0].kind", "knowledge.problem.notOneOf"),
                org.assertj.core.groups.Tuple.tuple("legal_basis", "agency.problem.legalBasis"),
                org.assertj.core.groups.Tuple.tuple("supervision_email", "knowledge.problem.notEmail"),
                org.assertj.core.groups.Tuple.tuple("officers[0].name", "knowledge.problem.empty"),
                org.assertj.core.groups.Tuple.tuple("officers[0].certificate", "agency.problem.certificateFormat"));
    }
}
