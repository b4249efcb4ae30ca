package cn.gov.enforcement.portal.knowledge.citations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.enforcement.portal.knowledge.citations.CorpusIndex.Citation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the knowledge base: every citation in every YAML file under knowledge-base/ resolves to a
 * real article of the lawrefbook corpus, and the lists (risk points, exemptions, discretion) follow
 * the format documented in knowledge-base/LISTS-FORMAT.md.
 *
 * <p>The corpus is found at {@code ${portal.shared-dir:../shared}/corpus/lawrefbook}; the citation
 * check is skipped when it is absent. An article resolves when it exists in at least one version of
 * the document (the newest version is not required, see {@link CorpusIndex}).
 */
class KnowledgeBaseCitationsTest {

    static final Path KNOWLEDGE_BASE = Path.of("knowledge-base");

    static final String[] FIVE_AGENCIES = {
        "sample-market-regulation", "sample-urban-management", "sample-traffic-police",
        "sample-ecology-environment", "sample-human-resources-social-security"};

    static Path corpusDir() {
        return Path.of(System.getProperty("portal.shared-dir", "../shared")).resolve("corpus").resolve("lawrefbook");
    }

    /** Every problem with the citations of all YAML files below {@code knowledgeBase}. */
    static List<String> unresolvedCitations(Path knowledgeBase, CorpusIndex corpus, List<Citation> found) {
        Path base = knowledgeBase.toAbsolutePath().getParent();
        List<String> problems = new ArrayList<>();
        for (YamlFiles.Parsed parsed : YamlFiles.parseAll(knowledgeBase.toAbsolutePath(), base)) {
            if (parsed.error() != null) {
                problems.add(parsed.displayName() + ": " + parsed.error());
                continue;
            }
            if (parsed.root() == null) {
                continue; // empty file
            }
            for (Citation citation : CitationScanner.scan(parsed.displayName(), parsed.root())) {
                found.add(citation);
                String problem = corpus.problem(citation);
                if (problem != null) {
                    problems.add(citation.file() + ":" + citation.line() + ": " + citation.text() + " — " + problem);
                }
            }
        }
        return problems;
    }

    /**
     * Every citation of the plain-language guides ({@code regulations/*.md}): the {@code citations} of the YAML
     * front matter and every {@code 《title》第…条} written in the text, each with its line in the file.
     */
    static List<Citation> guideCitations(Path knowledgeBase, List<String> problems) throws IOException {
        Path folder = knowledgeBase.resolve("regulations");
        List<Citation> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        Path base = knowledgeBase.toAbsolutePath().getParent();
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
        }
        for (Path file : files) {
            String display = base.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
            int end = lines.isEmpty() || !lines.get(0).strip().equals("---") ? -1 : lines.subList(1, lines.size())
                    .stream().map(String::strip).toList().indexOf("---") + 1;
            if (end <= 0) {
                problems.add(display + ":1: no front matter between \"---\" lines");
                continue;
            }
            try {
                org.yaml.snakeyaml.nodes.Node root = new org.yaml.snakeyaml.Yaml()
                        .compose(new java.io.StringReader(String.join("\n", lines.subList(1, end))));
                for (Citation c : CitationScanner.scan(display, root)) {
                    // the front matter starts on the file's second line
                    found.add(new Citation(c.law(), c.article(), c.paragraph(), c.file(), c.line() + 1, c.text()));
                }
            } catch (RuntimeException e) {
                problems.add(display + ":2: front matter is not valid YAML: " + e.getMessage());
            }
            for (int i = end + 1; i < lines.size(); i++) {
                java.util.regex.Matcher m = CitationScanner.STRING_FORM.matcher(lines.get(i));
                while (m.find()) {
                    Integer paragraph = m.group(3) == null ? null : CitationScanner.ChineseNumerals.parse(m.group(3));
                    found.add(new Citation(m.group(1), m.group(2), paragraph, display, i + 1, m.group()));
                }
            }
        }
        return found;
    }

    @Test
    void every_citation_of_the_plain_language_guides_resolves_to_a_real_article_of_the_corpus() throws IOException {
        Path corpusDir = corpusDir();
        assumeTrue(Files.isDirectory(corpusDir), "corpus not found at " + corpusDir.toAbsolutePath()
                + " — set -Dportal.shared-dir=<shared folder> to run the citation check");
        CorpusIndex corpus = CorpusIndex.load(corpusDir);
        List<String> problems = new ArrayList<>();
        List<Citation> found = guideCitations(KNOWLEDGE_BASE, problems);
        for (Citation citation : found) {
            String problem = corpus.problem(citation);
            if (problem != null) {
                problems.add(citation.file() + ":" + citation.line() + ": " + citation.text() + " — " + problem);
            }
        }
        assertThat(found).as("citations of the guides under %s", KNOWLEDGE_BASE.resolve("regulations").toAbsolutePath())
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(problems).as("%d problems in %d guide citations:%n%s", problems.size(), found.size(),
                String.join("\n", problems)).isEmpty();
    }

    @Test
    void guide_citations_are_found_in_the_front_matter_and_the_text_with_their_lines(@TempDir Path dir) throws IOException {
        CorpusIndex corpus = tinyCorpus(dir);
        Path guides = Files.createDirectories(dir.resolve("knowledge-base/regulations"));
        Files.writeString(guides.resolve("README.md"), "《不存在的法》第一条 is ignored\n");
        Files.writeString(guides.resolve("g.md"), """
                ---
                title: 示例指南
                summary: 概要
                citations:
                  - {law: 示例处罚法, article: 第二条, paragraph: 2}
                  - {law: 示例处罚法, article: 第七条}
                ---

                ## 一节
                正文提到《中华人民共和国示例处罚法》第一条，也提到《示例处罚法》第八十条。
                """);
        List<String> problems = new ArrayList<>();
        List<Citation> found = guideCitations(dir.resolve("knowledge-base"), problems);
        assertThat(problems).isEmpty();
        assertThat(found).extracting(Citation::line).containsExactly(5, 6, 10, 10);
        assertThat(found).extracting(c -> corpus.problem(c) == null).containsExactly(true, false, true, false);
        assertThat(found.get(1).file()).isEqualTo("knowledge-base/regulations/g.md");
    }

    @Test
    void every_citation_in_the_knowledge_base_resolves_to_a_real_article_of_the_corpus() {
        Path corpusDir = corpusDir();
        assumeTrue(Files.isDirectory(corpusDir), "corpus not found at " + corpusDir.toAbsolutePath()
                + " — set -Dportal.shared-dir=<shared folder> to run the citation check");
        CorpusIndex corpus = CorpusIndex.load(corpusDir);
        assertThat(corpus.isEmpty()).as("corpus at %s holds no documents", corpusDir).isFalse();

        List<Citation> found = new ArrayList<>();
        List<String> problems = unresolvedCitations(KNOWLEDGE_BASE, corpus, found);

        assertThat(found).as("citations found under %s", KNOWLEDGE_BASE.toAbsolutePath()).isNotEmpty();
        assertThat(problems)
                .as("%d of %d citations do not resolve:%n%s", problems.size(), found.size(), String.join("\n", problems))
                .isEmpty();
    }

    @Test
    void risk_points_exemptions_and_discretion_benchmarks_follow_the_documented_format() {
        assumeTrue(Files.isDirectory(KNOWLEDGE_BASE), "no knowledge-base folder in " + Path.of("").toAbsolutePath());
        ListsFormatChecker checker = new ListsFormatChecker();
        checker.checkAll(KNOWLEDGE_BASE.toAbsolutePath());
        assertThat(checker.problems)
                .as("%d format problems:%n%s", checker.problems.size(), String.join("\n", checker.problems))
                .isEmpty();
    }

    @Test
    void the_sample_lists_are_large_enough_and_cover_every_agency() {
        assumeTrue(Files.isDirectory(KNOWLEDGE_BASE), "no knowledge-base folder in " + Path.of("").toAbsolutePath());
        ListsFormatChecker checker = new ListsFormatChecker();
        checker.checkAll(KNOWLEDGE_BASE.toAbsolutePath());

        int riskPoints = checker.riskPointsPerAgency.values().stream().mapToInt(Integer::intValue).sum();
        int exemptions = checker.exemptionsPerAgency.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(riskPoints).as("risk points %s", checker.riskPointsPerAgency).isGreaterThanOrEqualTo(80);
        assertThat(exemptions).as("exemption items %s", checker.exemptionsPerAgency).isGreaterThanOrEqualTo(50);
        assertThat(checker.discretionPerAgency.keySet()).as("agencies with discretion benchmarks").hasSizeGreaterThanOrEqualTo(2);
        assertThat(checker.riskPointsPerAgency.keySet()).as("agencies with risk points").contains(FIVE_AGENCIES);
        assertThat(checker.exemptionsPerAgency.keySet()).as("agencies with exemption items").contains(FIVE_AGENCIES);
        assertThat(checker.cleanRecordItemsPerAgency.getOrDefault("sample-traffic-police", 0))
                .as("traffic items that only get a warning after a clean record").isGreaterThanOrEqualTo(4);
    }

    // --- the checker itself, on a tiny corpus and knowledge base written for the test ---

    private static CorpusIndex tinyCorpus(Path dir) throws IOException {
        Path law = Files.createDirectories(dir.resolve("corpus/行政法"));
        Files.writeString(law.resolve("示例处罚法(2021-01-22).md"), """
                # 中华人民共和国示例处罚法

                ## 第一章 总则

                第一条 为了示例，制定本法。
                第二条 第一款的内容。
                （一）一项；
                第二款的内容。
                第二条之一 新增的条文。
                """);
        Files.writeString(law.resolve("示例处罚法(2009-08-27).md"), """
                # 中华人民共和国示例处罚法

                第九条　旧版本才有的条文。
                """);
        return CorpusIndex.load(dir.resolve("corpus"));
    }

    @Test
    void citations_resolve_in_both_forms_ignoring_the_country_name_and_the_version(@TempDir Path dir) throws IOException {
        CorpusIndex corpus = tinyCorpus(dir);
        Path kb = Files.createDirectories(dir.resolve("knowledge-base/agencies"));
        Files.writeString(kb.resolve("a.yaml"), """
                legal_basis:
                  - 《中华人民共和国示例处罚法》第二条第二款
                  - 《示例处罚法》第九条
                basis:
                  - {law: 示例处罚法, article: 第二条之一}
                  - {law: 中华人民共和国示例处罚法, article: 第二条, paragraph: 2}
                """);
        List<Citation> found = new ArrayList<>();
        assertThat(unresolvedCitations(dir.resolve("knowledge-base"), corpus, found)).isEmpty();
        assertThat(found).extracting(Citation::article).containsExactly("第二条", "第九条", "第二条之一", "第二条");
    }

    @Test
    void every_unresolved_citation_is_listed_with_file_line_and_citation(@TempDir Path dir) throws IOException {
        CorpusIndex corpus = tinyCorpus(dir);
        Path kb = Files.createDirectories(dir.resolve("knowledge-base/risk-points"));
        Files.writeString(kb.resolve("b.yaml"), """
                # sample
                - basis_obligation:
                    - {law: 示例处罚法, article: 第三条}
                    - {law: 不存在的法, article: 第一条}
                  basis_penalty:
                    - {law: 示例处罚法, article: 第二条, paragraph: 3}
                    - {law: 示例处罚法, article: 三条}
                  note: 见《示例处罚法》第八十条
                """);
        List<String> problems = unresolvedCitations(dir.resolve("knowledge-base"), corpus, new ArrayList<>());
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).startsWith("knowledge-base/risk-points/b.yaml:3: {law: 示例处罚法, article: 第三条}");
        assertThat(problems.get(1)).startsWith("knowledge-base/risk-points/b.yaml:4:").contains("不存在的法");
        assertThat(problems.get(2)).contains(":6:").contains("no paragraph 3");
        assertThat(problems.get(3)).contains(":7:").contains("not of the form");
        assertThat(problems.get(4)).contains(":8:").contains("《示例处罚法》第八十条");
    }

    @Test
    void an_entry_breaking_the_format_is_reported_with_file_line_and_field(@TempDir Path dir) throws IOException {
        Path kb = Files.createDirectories(dir.resolve("knowledge-base/exemptions"));
        Files.writeString(kb.resolve("sample-traffic-police.yaml"), """
                # Sample content written for the portal.
                - id: Bad_Id
                  agency: sample-market-regulation
                  kind: 不予处罚
                  violation: 示例
                  basis_violation: [{law: 示例处罚法, article: 第一条}]
                  basis_penalty: [{law: 示例处罚法, article: 第一条}]
                  basis_exemption: [{law: 示例处罚法, article: 第一条}]
                  conditions:
                    - {type: first_violation, question: 是否首次？}
                    - {type: moon_phase, question: 是否满月？}
                  measure: [教育]
                  effective_from: 2024-02-30
                  sample: true
                """);
        ListsFormatChecker checker = new ListsFormatChecker();
        checker.checkAll(dir.resolve("knowledge-base"));
        assertThat(checker.problems).anyMatch(p -> p.startsWith("knowledge-base/exemptions/sample-traffic-police.yaml:2 [Bad_Id] id:"));
        assertThat(checker.problems).anyMatch(p -> p.contains(":3 [Bad_Id] agency:") && p.contains("does not match the file name"));
        assertThat(checker.problems).anyMatch(p -> p.contains("subkind: is required"));
        assertThat(checker.problems).anyMatch(p -> p.contains(":10 ") && p.contains("within_months: is required"));
        assertThat(checker.problems).anyMatch(p -> p.contains(":11 ") && p.contains("type:") && p.contains("moon_phase"));
        assertThat(checker.problems).anyMatch(p -> p.contains(":13 ") && p.contains("effective_from:"));
        assertThat(checker.problems).hasSize(6);
        assertThat(Map.copyOf(checker.exemptionsPerAgency)).containsEntry("sample-market-regulation", 1);
    }
    @Test
    void met_when_and_questions_asked_with_a_double_negative_are_checked_with_file_line_and_field(@TempDir Path dir)
            throws IOException {
        Path kb = Files.createDirectories(dir.resolve("knowledge-base/exemptions"));
        Files.writeString(kb.resolve("sample-traffic-police.yaml"), """
                # Sample content written for the portal.
                - id: tp-ex-test
                  agency: sample-traffic-police
                  kind: 从轻处罚
                  violation: 示例
                  basis_violation: [{law: 示例处罚法, article: 第一条}]
                  basis_penalty: [{law: 示例处罚法, article: 第一条}]
                  basis_exemption: [{law: 示例处罚法, article: 第一条}]
                  conditions:
                    - {type: no_harm, question: 这次停车是否造成了交通事故？, met_when: 否}
                    - {type: self_reported, question: 是否主动报告？, met_when: 是}
                    - {type: no_harm, question: 是否没有造成交通事故？}
                    - {type: harm_minor, question: 您没有造成损害吗？}
                    - {type: amount_below, amount: 500, unit: 元, what: 违法所得, question: 违法所得多少元？, met_when: 否}
                    - {type: no_harm, question: 是否造成了损失？, met_when: no}
                  measure: [教育]
                  effective_from: 2024-01-01
                  sample: true
                """);
        ListsFormatChecker checker = new ListsFormatChecker();
        checker.checkAll(dir.resolve("knowledge-base"));
        assertThat(checker.problems).anyMatch(p -> p.startsWith("knowledge-base/exemptions/sample-traffic-police.yaml:12 ")
                && p.contains("question: asks with a double negative (是否没有)") && p.contains("met_when: 否"));
        assertThat(checker.problems).anyMatch(p -> p.contains(":13 ") && p.contains("question: asks with a double negative"));
        assertThat(checker.problems).anyMatch(p -> p.contains(":14 ") && p.contains("met_when: is only for yes/no"));
        // an unquoted no (a boolean to a typed YAML reader) is not the answer 否
        assertThat(checker.problems).anyMatch(p -> p.contains(":15 ") && p.contains("met_when: must be 否"));
        assertThat(checker.problems).hasSize(4);
    }
}
