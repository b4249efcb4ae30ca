package cn.gov.enforcement.portal.regulation.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.Article;
import cn.gov.enforcement.portal.regulation.ArticleNumber;
import cn.gov.enforcement.portal.regulation.HistoryEvent;
import cn.gov.enforcement.portal.regulation.LegalDocument;
import cn.gov.enforcement.portal.regulation.LegalLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LawRefBook quirks, on small hand-written files. */
class LawRefBookParserTest {

    private final LawRefBookParser parser = new LawRefBookParser();
    private final List<ImportProblem> problems = new ArrayList<>();

    private LegalDocument parse(String relative, String text) {
        return parser.parse(relative, text, problems).orElseThrow(() -> new AssertionError(problems.toString()));
    }

    /** A plain-text government document, parsed as the import parses a .txt file. */
    private LegalDocument parsePlain(String source, String text) {
        return new PlainTextParser().parse(source, text, problems)
                .orElseThrow(() -> new AssertionError(problems.toString()));
    }

    @Test
    void a_file_with_a_title_and_no_articles_is_refused_with_an_error_naming_it() {
        assertThat(parser.parse("只有标题.md", "# 只有标题\n\n<!-- INFO END -->\n", problems)).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("只有标题.md");
            assertThat(p.severity()).isEqualTo(ImportProblem.Severity.ERROR);
            assertThat(p.messageKey()).isEqualTo("regulation.import.noArticles");
        });
    }

    @Test
    void an_unreadable_number_a_gap_and_a_number_out_of_sequence_are_warned_with_file_and_line() {
        LegalDocument doc = parse("行政法/编号测试法(2021-01-22).md", """
                # 编号测试法

                <!-- INFO END -->

                第一条 第一条的内容。

                第三条 跳过了第二条。

                第三条之一 之一条。

                第四条 第四条的内容。

                第五百万条 很大的编号。

                第二条 顺序颠倒。

                附件

                第一条 附件重新编号，不是错误。
                """);
        assertThat(doc.articles()).extracting(Article::number)
                .containsExactly("第一条", "第三条", "第三条之一", "第四条", "第二条", "第一条");
        // the unreadable line stays text of the article before, as before, but not without a word
        assertThat(doc.article("第四条").orElseThrow().text()).contains("第五百万条 很大的编号。");
        assertThat(problems).extracting(p -> p.severity() + " " + p.line() + " " + p.messageKey() + " " + p.args())
                .containsExactly(
                        "WARNING 7 regulation.import.articleGap [第三条, 第一条]",
                        "WARNING 13 regulation.import.badArticleNumber [第五百万条 很大的编号。]",
                        "WARNING 15 regulation.import.articleOutOfSequence [第二条, 第四条]",
                        // the annex's 第一条 starts again: only the repeated number is told, as before
                        "WARNING 19 regulation.import.duplicateArticle [第一条]");
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("行政法/编号测试法(2021-01-22).md"));
    }

    @Test
    void articles_in_sequence_with_their_zhi_articles_give_no_warning() {
        parse("行政法/编号测试法(2021-01-22).md", """
                # 编号测试法

                <!-- INFO END -->

                第一条 一。

                第二条 二。

                第二条之一 二之一。

                第二条之二 二之二。

                第三条 三。
                """);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_regular_file_gives_title_history_headings_articles_paragraphs_and_items() {
        LegalDocument doc = parse("行政法/示例法(2021-01-22).md", """
                # 中华人民共和国示例法

                2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议通过

                2021年7月15日 施行

                <!-- INFO END -->

                ## 第一章 总则

                第一条 为了示例，制定本法。

                第二条 处罚的种类：

                （一）警告；

                （二）罚款。

                前款规定适用于本法。

                ### 第一节 细则

                第二条之一　全角空格之后的条文。

                第三条没有空格的条文。
                """);
        assertThat(doc.title()).isEqualTo("中华人民共和国示例法");
        assertThat(doc.level()).isEqualTo(LegalLevel.LAW);
        assertThat(doc.issuer()).isEqualTo("全国人民代表大会常务委员会");
        assertThat(doc.versionDate()).isEqualTo(LocalDate.of(2021, 1, 22));
        assertThat(doc.history()).extracting(HistoryEvent::kind)
                .containsExactly(HistoryEvent.Kind.PASSED, HistoryEvent.Kind.IN_FORCE);
        assertThat(doc.articles()).extracting(Article::number)
                .containsExactly("第一条", "第二条", "第二条之一", "第三条");
        Article two = doc.article("第二条").orElseThrow();
        assertThat(two.paragraphs()).hasSize(2);
        assertThat(two.paragraphs().get(0).items()).extracting(i -> i.number() + "|" + i.ordinal() + "|" + i.text())
                .containsExactly("（一）|1|警告；", "（二）|2|罚款。");
        assertThat(two.paragraphs().get(1).text()).isEqualTo("前款规定适用于本法。");
        assertThat(doc.article("第二条之一").orElseThrow().ordinal()).isEqualTo(new ArticleNumber(2, 1));
        assertThat(doc.article("第二条之一").orElseThrow().headingPath()).containsExactly("第一章 总则", "第一节 细则");
        assertThat(doc.article("第三条").orElseThrow().text()).isEqualTo("没有空格的条文。");
        assertThat(doc.fullText()).startsWith("第一条 为了示例，制定本法。\n\n第二条 处罚的种类：\n（一）警告；\n（二）罚款。\n前款");
        assertThat(problems).isEmpty();
    }

    @Test
    void front_matter_subtitle_comments_and_a_missing_info_end_are_handled() {
        LegalDocument doc = parse("民法典/合同编.md", """
                ---
                weight: 3
                ---
                # 中华人民共和国民法典 <!-- the code -->

                # 合同编

                2020年5月28日 第十三届全国人民代表大会第三次会议通过

                <!-- a comment
                over two lines -->
                ## 第一分编 通则

                第四百六十三条 本编调整因合同产生的民事关系。
                """);
        assertThat(doc.title()).isEqualTo("中华人民共和国民法典");
        assertThat(doc.subtitle()).isEqualTo("合同编");
        assertThat(doc.issuer()).isEqualTo("全国人民代表大会");
        assertThat(doc.versionDate()).isEqualTo(LocalDate.of(2020, 5, 28));
        assertThat(doc.articles()).singleElement().satisfies(a -> {
            assertThat(a.number()).isEqualTo("第四百六十三条");
            assertThat(a.headingPath()).containsExactly("第一分编 通则");
        });
    }

    @Test
    void a_citation_at_the_start_of_a_paragraph_does_not_start_an_article() {
        LegalDocument doc = parse("行政法/示例法(2020-01-01).md", """
                # 示例法

                <!-- INFO END -->

                第一条 本法所称的规定，见下款。

                第三十一条的规定不适用于本条。
                """);
        assertThat(doc.numberedArticles()).singleElement().satisfies(a -> assertThat(a.paragraphs()).hasSize(2));
    }

    @Test
    void a_space_typed_before_tiao_still_starts_the_article_written_without_it() {
        // 刑事诉讼法 (2018) writes "第一百二十八 条侦查人员…": it was merged into the article before
        LegalDocument doc = parse("行政法/示例法(2020-01-01).md", """
                # 示例法

                <!-- INFO END -->

                第一条 一。

                第二 条二。

                第三条 三。
                """);
        assertThat(doc.numberedArticles()).extracting(a -> a.number())
                .containsExactly("第一条", "第二条", "第三条");
        assertThat(doc.numberedArticles().get(1).paragraphs().get(0).fullText()).isEqualTo("二。");
        assertThat(problems).isEmpty();
    }

    @Test
    void a_document_without_articles_keeps_its_text_as_pseudo_articles_and_tables_stay_whole() {
        LegalDocument doc = parse("其他/某标准(2014-01-01).md", """
                # 某标准

                <!-- INFO END -->

                引言段落。

                ## 1 范围

                | 等级 | 说明 |
                | --- | --- |
                | 一级 | 最重 |

                5.1.1 条目文字。
                """);
        assertThat(doc.level()).isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
        assertThat(doc.numberedArticles()).isEmpty();
        assertThat(doc.articles()).hasSize(2);
        assertThat(doc.articles().get(0).text()).isEqualTo("引言段落。");
        Article scope = doc.articles().get(1);
        assertThat(scope.headingPath()).containsExactly("1 范围");
        assertThat(scope.paragraphs()).hasSize(2);
        assertThat(scope.paragraphs().get(0).text()).isEqualTo("| 等级 | 说明 |\n| --- | --- |\n| 一级 | 最重 |");
    }

    @Test
    void the_level_folder_is_found_below_a_wrapper_folder_of_an_upload() {
        String text = "# 示例法\n\n2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议通过\n\n<!-- INFO END -->\n\n第一条 文字\n";
        assertThat(parse("LawRefBook-main/Laws/行政法/示例法(2021-01-22).md", text).level()).isEqualTo(LegalLevel.LAW);
        assertThat(parse("Laws/行政法规/示例法(2021-01-22).md", text).level())
                .isEqualTo(LegalLevel.ADMINISTRATIVE_REGULATION);
        LegalDocument local = parse("corpus/DLC/北京地方法规/地方性法规/北京/示例法(2021-01-22).md", text);
        assertThat(local.level()).isEqualTo(LegalLevel.LOCAL_REGULATION);
        assertThat(local.region()).isEqualTo("北京市");
        // no layout folder anywhere: a normative document, as before, of a region it does not name (not 全国)
        assertThat(parse("上传/示例法(2021-01-22).md", text).level()).isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
        assertThat(parse("上传/示例法(2021-01-22).md", text).region()).isEmpty();
        assertThat(parse("示例法(2021-01-22).md", text).region()).isEmpty();
        // the corpus's national folders stay national, 其他 too
        assertThat(parse("行政法/示例法(2021-01-22).md", text).region()).isEqualTo(LegalDocument.NATIONAL);
        assertThat(parse("其他/示例法(2021-01-22).md", text).region()).isEqualTo(LegalDocument.NATIONAL);
        // a region folder by its short name is stored by the province's full name
        assertThat(parse("DLC/河南地方法规/地方性法规/河南/示例法(2021-01-22).md", text).region()).isEqualTo("河南省");
        assertThat(parse("DLC/广西地方法规/地方性法规/广西/示例法(2021-01-22).md", text).region()).isEqualTo("广西壮族自治区");
        assertThat(LawRefBookParser.isSkipped("LawRefBook-main/案例/某案.md")).isTrue();
        assertThat(LawRefBookParser.isSkipped("LawRefBook-main/行政法/示例法.md")).isFalse();
    }

    @Test
    void malformed_files_are_reported_with_file_and_line_and_the_others_go_on(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("行政法规"));
        Files.createDirectories(root.resolve("DLC/北京地方法规/地方性法规/北京"));
        Files.createDirectories(root.resolve("案例"));
        Files.writeString(root.resolve("行政法规/空文件(2020-01-01).md"), "");
        Files.writeString(root.resolve("行政法规/坏注释(2020-01-01).md"), "# 坏注释\n\n<!-- never closed\n\n第一条 文字\n");
        Files.writeString(root.resolve("行政法规/无标题(2020-01-01).md"), "第一条 文字\n");
        // "# " with nothing after it is reported at its own line, the one the message asks to mend
        Files.writeString(root.resolve("行政法规/空标题(2020-01-01).md"), "\n# \n\n第一条 文字\n");
        Files.write(root.resolve("行政法规/乱码(2020-01-01).md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        Files.writeString(root.resolve("行政法规/_index.md"), "---\ntitle: x\n---\n");
        Files.writeString(root.resolve("案例/某案.md"), "# 某案\n\n文字\n");
        Files.writeString(root.resolve("行政法规/好条例(2020-01-01).md"),
                "# 好条例\n\n2020年1月1日 国务院令第1号公布\n\n<!-- INFO END -->\n\n第一条 文字\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("DLC/北京地方法规/地方性法规/北京/北京市某条例(2019-07-26).md"),
                "# 北京市某条例\n\n2019年7月26日 北京市第十五届人民代表大会常务委员会第十四次会议通过\n\n"
                        + "<!-- INFO END -->\n\n第一条 文字\n");

        ImportResult result = parser.parseCorpus(root);

        assertThat(result.documents()).extracting(LegalDocument::title).containsExactlyInAnyOrder("好条例", "北京市某条例");
        LegalDocument local = result.documents().stream().filter(d -> d.title().equals("北京市某条例")).findFirst()
                .orElseThrow();
        assertThat(local.level()).isEqualTo(LegalLevel.LOCAL_REGULATION);
        assertThat(local.region()).isEqualTo("北京市");
        assertThat(local.issuer()).isEqualTo("北京市人民代表大会常务委员会");
        assertThat(result.skippedFiles()).isEqualTo(2);
        assertThat(result.errors()).extracting(p -> p.file() + ":" + p.line() + " " + p.messageKey())
                .containsExactlyInAnyOrder(
                        "行政法规/空文件(2020-01-01).md:0 regulation.import.empty",
                        "行政法规/坏注释(2020-01-01).md:3 regulation.import.unclosedComment",
                        "行政法规/无标题(2020-01-01).md:1 regulation.import.noTitle",
                        "行政法规/空标题(2020-01-01).md:2 regulation.import.noTitle",
                        "行政法规/乱码(2020-01-01).md:0 regulation.import.notUtf8");
    }

    @Test
    void chapters_and_sections_nest_by_what_they_are_not_by_how_deep_they_are_written() {
        // some corpus files write 章 as ### and 节 as ##, or mix depths within one file
        LegalDocument doc = parse("地方性法规/上海/示例条例(2017-01-20).md", """
                # 上海市示例条例

                <!-- INFO END -->

                ### 第一章 总则

                第一条 总则条文。

                ### 第二章 经营

                ## 第一节 准入

                第二条 准入条文。

                ## 第二节 摊贩

                第三条 摊贩条文。

                ### 第三章 法律责任

                第四条 责任条文。

                #### 说明

                第五条 说明之下的条文。

                ## 附件

                第六条 附件之下的条文。
                """);
        assertThat(doc.article("第一条").orElseThrow().headingPath()).containsExactly("第一章 总则");
        assertThat(doc.article("第二条").orElseThrow().headingPath()).containsExactly("第二章 经营", "第一节 准入");
        assertThat(doc.article("第三条").orElseThrow().headingPath()).containsExactly("第二章 经营", "第二节 摊贩");
        // the next chapter ends the section before it, though the section was written shallower
        assertThat(doc.article("第四条").orElseThrow().headingPath()).containsExactly("第三章 法律责任");
        // a heading of no structural kind nests when written deeper than the structure, else replaces it
        assertThat(doc.article("第五条").orElseThrow().headingPath()).containsExactly("第三章 法律责任", "说明");
        assertThat(doc.article("第六条").orElseThrow().headingPath()).containsExactly("附件");
    }

    @Test
    void plain_text_chapters_keep_their_sections_below_them() {
        LegalDocument doc = parsePlain("示例办法.txt", """
                示例市行政执法示例办法

                第一章 总则
                第一条 总则条文。
                第二章 程序
                第一節 受理
                第二条 受理条文。
                第二节 办理
                第三条 办理条文。
                第三章 附则
                第四条 附则条文。
                """);
        assertThat(doc.article("第一条").orElseThrow().headingPath()).containsExactly("第一章 总则");
        assertThat(doc.article("第二条").orElseThrow().headingPath()).containsExactly("第二章 程序", "第一節 受理");
        assertThat(doc.article("第三条").orElseThrow().headingPath()).containsExactly("第二章 程序", "第二节 办理");
        assertThat(doc.article("第四条").orElseThrow().headingPath()).containsExactly("第三章 附则");
    }

    @Test
    void the_in_force_date_comes_from_the_history_lines_else_from_the_sentence_that_says_when_the_document_applies() {
        LegalDocument closing = parse("测试法/示例法(2021-01-22).md", """
                # 示例法

                2021年1月22日 测试会议修订

                <!-- INFO END -->

                第一条 《另一部法》自2030年1月1日起施行的，依照其规定。
                第二条 本法自2021年7月15日起施行。
                """);
        assertThat(closing.history()).filteredOn(e -> e.kind() == HistoryEvent.Kind.IN_FORCE)
                .extracting(HistoryEvent::date).containsExactly(LocalDate.of(2021, 7, 15));
        // the history's own line wins
        LegalDocument header = parse("测试法/示例法(2021-01-22).md", """
                # 示例法

                2021年1月22日 测试会议修订
                2021年9月1日 起施行

                <!-- INFO END -->

                第一条 本法自2021年7月15日起施行。
                """);
        assertThat(header.history()).filteredOn(e -> e.kind() == HistoryEvent.Kind.IN_FORCE)
                .extracting(HistoryEvent::date).containsExactly(LocalDate.of(2021, 9, 1));
        // a date before the version's: the first version's date kept in an amended text, not taken
        LegalDocument amended = parse("测试法/示例条例(2017-06-27).md", """
                # 示例条例

                2017年6月27日 测试会议修正

                <!-- INFO END -->

                第一条 示例。
                第二条 本条例自1990年10月1日起施行。
                """);
        assertThat(amended.history()).noneMatch(e -> e.kind() == HistoryEvent.Kind.IN_FORCE);
        // only a sentence about the document itself: another law's date is not this one's
        LegalDocument other = parse("测试法/示例办法(2021-01-22).md", """
                # 示例办法

                2021年1月22日 测试会议通过

                <!-- INFO END -->

                第一条 《另一部法》自2030年1月1日起施行的，依照其规定。
                第二条 本办法自公布之日起施行。
                """);
        assertThat(other.history()).noneMatch(e -> e.kind() == HistoryEvent.Kind.IN_FORCE);
    }

    @Test
    void an_annex_of_a_plain_text_document_is_a_heading_its_articles_stand_under() {
        LegalDocument doc = parsePlain("示例办法.txt", """
                示例市螺旋桨登记办法

                第一条 为了规范登记，制定本办法。
                第二条 本办法自发布之日起施行。
                附件：示例登记细则
                第一条 登记由所在地机关办理。
                附件材料应当齐全。
                """);
        assertThat(doc.articles().get(0).headingPath()).isEmpty();
        Article annexed = doc.articles().stream().filter(a -> a.text().startsWith("登记由所在地")).findFirst().orElseThrow();
        assertThat(annexed.headingPath()).containsExactly("附件：示例登记细则");
        // a sentence that merely starts with 附件 stays text
        assertThat(annexed.text()).contains("附件材料应当齐全。");
        assertThat(doc.article("第二条").orElseThrow().text()).doesNotContain("附件");
    }

    @Test
    void the_structures_headings_are_told_from_other_headings() {
        assertThat(DocumentBuilder.structuralKey("第一编 总则")).isLessThan(DocumentBuilder.structuralKey("第二分编 典型合同"));
        assertThat(DocumentBuilder.structuralKey("第二分编 典型合同")).isLessThan(DocumentBuilder.structuralKey("第十三章 保证合同"));
        assertThat(DocumentBuilder.structuralKey("第十三章  保证合同")).isLessThan(DocumentBuilder.structuralKey("第一节 一般规定"));
        assertThat(DocumentBuilder.structuralKey("第一節 一般規定")).isEqualTo(DocumentBuilder.structuralKey("第一节 一般规定"));
        assertThat(DocumentBuilder.structuralKey("第12章 附则")).isEqualTo(DocumentBuilder.structuralKey("第一章 总则"));
        for (String other : new String[] {"附则", "附件", "1 范围", "第一条 总则", "第三款", "中华人民共和国示例法"}) {
            assertThat(DocumentBuilder.structuralKey(other)).as(other).isEqualTo(-1);
        }
    }
}
