package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.testsupport.ContentProblemTexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plain-language guides of knowledge-base/regulations and the rules of their format. */
class GuideParserTest {

    private static final Path GUIDES = Path.of("knowledge-base", "regulations");

    private static Optional<LegalDocument> parse(String content, List<ContentProblem> problems) {
        return GuideParser.parse("knowledge-base/regulations/x.md", content, problems);
    }

    @Test
    void every_guide_in_the_knowledge_base_is_valid_and_becomes_a_guide_document() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(GUIDES)) {
            files = list.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            List<ContentProblem> problems = new ArrayList<>();
            String label = "knowledge-base/regulations/" + file.getFileName();
            Optional<LegalDocument> guide = GuideParser.parse(label, Files.readString(file, StandardCharsets.UTF_8),
                    problems);
            assertThat(problems).as(label).isEmpty();
            assertThat(guide).as(label).hasValueSatisfying(d -> {
                assertThat(d.level()).isEqualTo(LegalLevel.GUIDE);
                assertThat(d.status()).isEqualTo(DocumentStatus.CURRENT);
                assertThat(d.source()).isEqualTo(label);
                assertThat(d.articles()).hasSizeGreaterThanOrEqualTo(4);
                assertThat(d.articles().get(0).headingPath()).isEmpty();
                assertThat(d.articles().get(d.articles().size() - 1).headingPath())
                        .containsExactly(GuideParser.BASIS_HEADING);
                assertThat(d.articles()).allSatisfy(a -> assertThat(a.numbered()).isFalse());
            });
        }
    }

    @Test
    void a_guide_has_a_summary_sections_with_paragraphs_and_items_and_its_citations_last() {
        List<ContentProblem> problems = new ArrayList<>();
        LegalDocument guide = parse("""
                ---
                title: 示例指南
                summary: 一段概要。
                citations:
                  - {law: 中华人民共和国行政处罚法, article: 第三十三条, paragraph: 2}
                  - {law: 行政处罚法, article: 第三十二条}
                updated: 2026-11-21
                ---

                ## 第一节
                第一段第一行
                第一段第二行

                - 要点一
                - 要点二

                ## 第二节
                正文。
                """, problems).orElseThrow();
        assertThat(problems).isEmpty();
        assertThat(guide.title()).isEqualTo("示例指南");
        assertThat(guide.versionDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 21));
        assertThat(guide.articles()).hasSize(4);
        assertThat(guide.articles().get(0).text()).isEqualTo("一段概要。");
        assertThat(guide.articles().get(1).headingPath()).containsExactly("第一节");
        assertThat(guide.articles().get(1).paragraphs()).extracting(Paragraph::text)
                .containsExactly("第一段第一行\n第一段第二行", "・要点一\n・要点二");
        assertThat(guide.articles().get(3).text())
                .isEqualTo("《中华人民共和国行政处罚法》第三十三条第二款\n《行政处罚法》第三十二条");
    }

    @Test
    void problems_name_the_file_the_line_and_the_field() {
        List<ContentProblem> problems = new ArrayList<>();
        assertThat(parse("## 没有前置信息\n正文\n", problems)).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));

        problems.clear();
        assertThat(parse("""
                ---
                summary: 概要
                citations:
                  - {law: 行政处罚法, article: 三十三条}
                ---
                开头的散文
                ## 一节
                正文
                """, problems)).isEmpty();
        assertThat(problems).extracting(ContentProblem::field).contains("title", "citations[0].article");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("before the first");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("citations[0].article");
            assertThat(p.line()).isEqualTo(3);
        });

        problems.clear();
        assertThat(parse("---\ntitle: 甲\nsummary: 乙\ncitations: []\n---\n", problems)).isEmpty();
        assertThat(problems).extracting(ContentProblem::field).contains("citations");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("at least one \"## \" section"));

        problems.clear();
        assertThat(parse("---\ntitle: 甲\n", problems)).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("never closed"));
    }

    @Test
    void every_problem_of_a_guide_has_its_message_in_all_three_languages() {
        List<ContentProblem> problems = new ArrayList<>();
        parse("## 没有前置信息\n正文\n", problems);
        parse("---\ntitle: 甲\n", problems);
        parse("---\ntitle: [unclosed\n---\n## 一节\n正文\n", problems);
        parse("---\n- 列表\n---\n## 一节\n正文\n", problems);
        parse("""
                ---
                title: 甲
                citations:
                  - {law: 行政处罚法, article: 三十三条}
                  - {law: 行政处罚法}
                  - {law: 行政处罚法, article: 第三十三条, paragraph: 0}
                updated: 明天
                ---
                开头的散文
                ### 三级标题
                ## 空的一节
                ## 一节
                正文
                """, problems);
        parse("---\ntitle: " + "长".repeat(201) + "\nsummary: 乙\ncitations: []\n---\n", problems);
        assertThat(ContentProblemTexts.assertShownInEveryLanguage(problems)).containsExactlyInAnyOrder(
                "regulation.guide.problem.noFrontMatter", "regulation.guide.problem.unclosed",
                "regulation.guide.problem.invalidYaml", "regulation.guide.problem.notMapping",
                "regulation.guide.problem.date", "regulation.guide.problem.headingLevel",
                "regulation.guide.problem.textBeforeHeading", "regulation.guide.problem.noSection",
                "regulation.guide.problem.emptySection", "regulation.guide.problem.tooLong",
                "regulation.guide.problem.noCitation", "regulation.guide.problem.citationIncomplete",
                "regulation.guide.problem.articleFormat", "regulation.guide.problem.paragraph",
                "knowledge.problem.required");
        assertThat(problems).extracting(ContentProblem::describe)
                .contains("knowledge-base/regulations/x.md:11: the section \"空的一节\" has no text");
    }
}
