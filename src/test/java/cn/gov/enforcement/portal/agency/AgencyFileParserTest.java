package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.testsupport.ContentProblemTexts;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AgencyFileParserTest {

    static final String VALID = """
            # sample
            id: sample-x
            sample: true
            name: 示例市某某局
            name_en: Sample Bureau
            category: market
            region: 示例市
            legal_representative: 某某
            powers:
              - name: 对某违法行为的行政处罚
                kind: penalty
            legal_basis:
              - 《中华人民共和国行政处罚法》第十七条
            address: 示例市某路1号
            supervision_phone: 0999-12345678
            supervision_email: jiandu@x.sample.gov.cn
            office_hours: 工作日 9:00-17:00
            officers:
              - name: 张晓丰
                certificate: SJ-990100-2024-0001
                status: valid
              - name: 李敏
                certificate: SJ-990100-2024-0002
                status: revoked
            """;

    private static KnowledgeFile file(String name, String content) {
        return KnowledgeFile.of("knowledge-base/agencies/" + name, content);
    }

    @Test
    void a_valid_file_becomes_a_record_with_its_hash() {
        AgencyFileParser.Result result = AgencyFileParser.parse(file("sample-x.yaml", VALID));
        assertThat(result.problems()).isEmpty();
        AgencyRecord record = result.record().orElseThrow();
        assertThat(record.id()).isEqualTo("sample-x");
        assertThat(record.category()).isEqualTo(AgencyCategory.MARKET);
        assertThat(record.powers()).containsExactly(new Power("对某违法行为的行政处罚", PowerKind.PENALTY));
        assertThat(record.officers()).extracting(AgencyRecord.OfficerRecord::status)
                .containsExactly(OfficerStatus.VALID, OfficerStatus.REVOKED);
        assertThat(record.contentHash()).isEqualTo(KnowledgeFile.of("x", VALID).sha256());
    }

    @Test
    void a_bad_certificate_reports_file_line_and_field_and_the_file_is_skipped() {
        String broken = VALID.replace("SJ-990100-2024-0002", "12345");
        AgencyFileParser.Result result = AgencyFileParser.parse(file("sample-x.yaml", broken));
        assertThat(result.record()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("knowledge-base/agencies/sample-x.yaml");
            assertThat(p.line()).isEqualTo(23);
            assertThat(p.field()).isEqualTo("officers[1].certificate");
            assertThat(p.describe()).startsWith("knowledge-base/agencies/sample-x.yaml:23 field officers[1].certificate: ");
        });
    }

    @Test
    void each_field_error_is_reported_separately() {
        String broken = VALID.replace("category: market", "category: police")
                .replace("supervision_email: jiandu@x.sample.gov.cn", "supervision_email: nobody")
                .replace("    kind: penalty", "    kind: fine")
                .replace("sample: true", "sample: maybe")
                .replace("name: 示例市某某局", "name: ");
        List<ContentProblem> problems = AgencyFileParser.parse(file("sample-x.yaml", broken)).problems();
        assertThat(problems).extracting(ContentProblem::field)
                .containsExactlyInAnyOrder("sample", "name", "category", "powers[0].kind", "supervision_email");
        assertThat(problems).filteredOn(p -> p.field().equals("category")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(6));
    }

    @Test
    void the_english_name_is_optional() {
        AgencyFileParser.Result result = AgencyFileParser.parse(file("sample-x.yaml", VALID.replace("name_en: Sample Bureau\n", "")));
        assertThat(result.problems()).isEmpty();
        assertThat(result.record().orElseThrow().nameEn()).isNull();
        assertThat(AgencyFileParser.parse(file("sample-x.yaml", VALID)).record().orElseThrow().nameEn()).isEqualTo("Sample Bureau");
    }

    @Test
    void the_english_address_and_office_hours_are_optional_and_read_when_given() {
        AgencyRecord without = AgencyFileParser.parse(file("sample-x.yaml", VALID)).record().orElseThrow();
        assertThat(without.addressEn()).isNull();
        assertThat(without.officeHoursEn()).isNull();
        String english = VALID.replace("address: 示例市某路1号\n", "address: 示例市某路1号\naddress_en: \"No. 1 Mou Road, Sample City\"\n")
                .replace("office_hours: 工作日 9:00-17:00\n", "office_hours: 工作日 9:00-17:00\noffice_hours_en: \"Working days 9:00-17:00\"\n");
        AgencyFileParser.Result result = AgencyFileParser.parse(file("sample-x.yaml", english));
        assertThat(result.problems()).isEmpty();
        assertThat(result.record().orElseThrow().addressEn()).isEqualTo("No. 1 Mou Road, Sample City");
        assertThat(result.record().orElseThrow().officeHoursEn()).isEqualTo("Working days 9:00-17:00");
        // as long as the columns hold, no longer
        String tooLong = VALID.replace("office_hours: 工作日 9:00-17:00\n",
                "office_hours: 工作日 9:00-17:00\noffice_hours_en: " + "x".repeat(1001) + "\n");
        AgencyFileParser.Result refused = AgencyFileParser.parse(file("sample-x.yaml", tooLong));
        assertThat(refused.record()).isEmpty();
        assertThat(refused.problems()).extracting(ContentProblem::field, ContentProblem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("office_hours_en", "knowledge.problem.tooLong"));
    }

    @Test
    void the_mediation_address_is_optional_and_checked_when_given() {
        assertThat(AgencyFileParser.parse(file("sample-x.yaml", VALID)).record().orElseThrow().mediationEmail()).isNull();
        String withAddress = VALID.replace("supervision_email: jiandu@x.sample.gov.cn\n",
                "supervision_email: jiandu@x.sample.gov.cn\nmediation_email: tiaojie@x.sample.gov.cn\n");
        assertThat(AgencyFileParser.parse(file("sample-x.yaml", withAddress)).record().orElseThrow().mediationEmail())
                .isEqualTo("tiaojie@x.sample.gov.cn");
        AgencyFileParser.Result bad = AgencyFileParser.parse(file("sample-x.yaml",
                withAddress.replace("tiaojie@x.sample.gov.cn", "tiaojie at x")));
        assertThat(bad.record()).isEmpty();
        assertThat(bad.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("mediation_email");
            assertThat(p.line()).isEqualTo(withAddress.substring(0, withAddress.indexOf("mediation_email")).split("\n", -1).length);
        });
    }

    @Test
    void the_id_must_match_the_file_name() {
        assertThat(AgencyFileParser.parse(file("other.yaml", VALID)).problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("id"));
    }

    @Test
    void real_certificate_numbers_of_any_province_are_accepted_and_stored_in_one_form() {
        AgencyFileParser.Result result = AgencyFileParser.parse(file("sample-x.yaml", VALID
                .replace("SJ-990100-2024-0001", "豫c 0100-1234").replace("SJ-990100-2024-0002", "\"14010020190001\"")));
        assertThat(result.problems()).isEmpty();
        assertThat(result.record().orElseThrow().officers()).extracting(AgencyRecord.OfficerRecord::certificate)
                .containsExactly("豫C01001234", "14010020190001");
        for (String number : List.of("赣0101001234", "貴A123456", "JX-3601-00123", "ＳＪ－９９０１００－２０２４－０００１",
                "A".repeat(31) + "1")) {
            assertThat(AgencyFileParser.parse(file("sample-x.yaml", VALID.replace("SJ-990100-2024-0001", number)))
                    .problems()).as(number).isEmpty();
        }
    }

    @Test
    void an_implausible_certificate_number_is_refused_saying_what_is_allowed() {
        for (String number : List.of("12345", "ABCDEFGH", "C豫01001234", "豫赣01001234", "SJ_990100/2024", "A".repeat(32) + "1",
                "港A123456", "执法证01234")) {
            List<ContentProblem> problems = AgencyFileParser.parse(file("sample-x.yaml",
                    VALID.replace("SJ-990100-2024-0001", number))).problems();
            assertThat(problems).as(number).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("officers[0].certificate");
                assertThat(p.key()).isEqualTo("agency.problem.certificateFormat");
                assertThat(p.message()).contains("province abbreviation", "6 to 32 characters", "\"" + number + "\"");
            });
        }
        // the same number written twice in two forms is the same certificate
        List<ContentProblem> twice = AgencyFileParser.parse(file("sample-x.yaml", VALID
                .replace("SJ-990100-2024-0001", "豫C01001234").replace("SJ-990100-2024-0002", "豫c-0100-1234"))).problems();
        assertThat(twice).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("agency.problem.certificateTwice"));
    }

    @Test
    void a_broken_file_is_skipped_while_the_others_load() {
        List<AgencyFileParser.Result> results = AgencyFileParser.parseAll(List.of(
                file("sample-a.yaml", VALID.replace("sample-x", "sample-a")),
                file("sample-b.yaml", "id: sample-b\nname: [unclosed\n"),
                file("sample-c.yaml", VALID.replace("sample-x", "sample-c").replace("2024-000", "2024-010"))));
        assertThat(results).extracting(r -> r.record().map(AgencyRecord::id).orElse("skipped"))
                .containsExactly("sample-a", "skipped", "sample-c");
        assertThat(results.get(1).problems()).isNotEmpty();
    }

    @Test
    void a_certificate_number_used_by_an_earlier_file_skips_the_later_file() {
        List<AgencyFileParser.Result> results = AgencyFileParser.parseAll(List.of(
                file("sample-a.yaml", VALID.replace("sample-x", "sample-a")),
                file("sample-b.yaml", VALID.replace("sample-x", "sample-b").replace("2024-0001", "2024-0009"))));
        assertThat(results.get(0).record()).isPresent();
        assertThat(results.get(1).record()).isEmpty();
        assertThat(results.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("officers[1].certificate");
            assertThat(p.line()).isEqualTo(23);
            assertThat(p.message()).contains("sample-a.yaml");
        });
    }

    @Test
    void every_problem_of_an_agency_file_has_its_message_in_all_three_languages() {
        List<ContentProblem> problems = new ArrayList<>(AgencyFileParser.parse(file("other.yaml", VALID
                .replace("《中华人民共和国行政处罚法》第十七条", "行政处罚法第十七条")
                .replace("SJ-990100-2024-0002", "12345")
                .replace("category: market", "category: police"))).problems());
        problems.addAll(AgencyFileParser.parse(file("sample-x.yaml", VALID.replace("2024-0002", "2024-0001"))).problems());
        AgencyFileParser.parseAll(List.of(
                file("sample-a.yaml", VALID.replace("sample-x", "sample-a")),
                file("sample-a.yml", VALID.replace("sample-x", "sample-a").replace("2024-000", "2024-010")),
                file("sample-b.yaml", VALID.replace("sample-x", "sample-b").replace("2024-0001", "2024-0009"))))
                .forEach(r -> problems.addAll(r.problems()));
        assertThat(ContentProblemTexts.assertShownInEveryLanguage(problems)).containsExactlyInAnyOrder(
                "agency.problem.idNotFileName", "agency.problem.legalBasis", "agency.problem.certificateFormat",
                "knowledge.problem.notOneOf", "agency.problem.certificateTwice", "agency.problem.idTaken",
                "agency.problem.certificateTaken");
        assertThat(problems).extracting(ContentProblem::describe).contains(
                "knowledge-base/agencies/other.yaml:13 field legal_basis: entry 0 must start with the law's title in 《》, "
                        + "e.g. 《中华人民共和国行政处罚法》第十八条",
                "knowledge-base/agencies/sample-x.yaml:23 field officers[1].certificate: duplicate certificate number, "
                        + "already used by officers[0]");
    }

    @Test
    void every_committed_agency_file_is_valid() throws Exception {
        Path folder = Path.of("knowledge-base", "agencies");
        assumeTrue(Files.isDirectory(folder), "knowledge-base/agencies not found in the working directory");
        List<KnowledgeFile> files;
        try (Stream<Path> paths = Files.list(folder)) {
            files = paths.filter(p -> p.toString().endsWith(".yaml")).sorted()
                    .map(p -> {
                        try {
                            return KnowledgeFile.of("knowledge-base/agencies/" + p.getFileName(), Files.readAllBytes(p));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        List<AgencyFileParser.Result> results = AgencyFileParser.parseAll(files);
        assertThat(results.stream().flatMap(r -> r.problems().stream()).map(ContentProblem::describe)).isEmpty();
        for (AgencyFileParser.Result result : results) {
            AgencyRecord record = result.record().orElseThrow();
            assertThat(record.sample()).as(record.id() + " is sample content").isTrue();
            assertThat(record.officers()).as(record.id() + " officers").hasSizeBetween(5, 10)
                    .anyMatch(o -> o.status() == OfficerStatus.REVOKED);
            assertThat(result.file().content()).as(record.id() + " says it is sample data").contains("SAMPLE DATA");
            // English pages and mails give the sample agencies' contact in English
            assertThat(record.nameEn()).as(record.id() + " name_en").isNotBlank();
            assertThat(record.addressEn()).as(record.id() + " address_en").isNotBlank().doesNotContainPattern("\\p{IsHan}");
            assertThat(record.officeHoursEn()).as(record.id() + " office_hours_en").isNotBlank()
                    .doesNotContainPattern("\\p{IsHan}");
        }
        assertThat(results).extracting(r -> r.record().orElseThrow().category()).contains(AgencyCategory.MARKET,
                AgencyCategory.URBAN, AgencyCategory.TRAFFIC, AgencyCategory.ENVIRONMENT, AgencyCategory.HRSS);
    }
}
