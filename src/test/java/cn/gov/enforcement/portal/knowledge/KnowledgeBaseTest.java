package cn.gov.enforcement.portal.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.testsupport.ContentProblemTexts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class KnowledgeBaseTest {

    @TempDir
    Path dir;

    private static KnowledgeBase knowledgeBase(Path dir, boolean strict, KnowledgeLoader loader) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("loader", loader);
        return new KnowledgeBase(new KnowledgeSettings(dir, strict, null), beans.getBeanProvider(KnowledgeLoader.class));
    }

    /** A loader of {@code folder} that fails with {@code failure}. */
    private static KnowledgeLoader failing(String folder, RuntimeException failure) {
        return new KnowledgeLoader() {
            @Override
            public String folder() {
                return folder;
            }

            @Override
            public LoadReport load(KnowledgeBase kb) {
                throw failure;
            }
        };
    }

    private static KnowledgeLoader loaderWithProblems(List<ContentProblem> problems) {
        return new KnowledgeLoader() {
            @Override
            public String folder() {
                return "things";
            }

            @Override
            public LoadReport load(KnowledgeBase kb) {
                return new LoadReport("things", kb.files("things").size(), problems.isEmpty() ? 0 : 1, 0, problems);
            }
        };
    }

    @Test
    void files_are_read_sorted_with_labels_and_sha256_hashes() throws Exception {
        Files.createDirectories(dir.resolve("things"));
        Files.writeString(dir.resolve("things/b.yaml"), "b: 1\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("things/a.yml"), "a: 1\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("things/notes.md"), "ignored", StandardCharsets.UTF_8);
        List<KnowledgeFile> files = knowledgeBase(dir, false, loaderWithProblems(List.of())).files("things");
        assertThat(files).extracting(KnowledgeFile::label)
                .containsExactly("knowledge-base/things/a.yml", "knowledge-base/things/b.yaml");
        assertThat(files.get(1).sha256())
                .isEqualTo(KnowledgeFile.sha256("b: 1\n".getBytes(StandardCharsets.UTF_8))).hasSize(64);
    }

    @Test
    void a_start_without_loading_runs_no_loader_and_a_normal_start_runs_them() {
        List<String> loaded = new java.util.ArrayList<>();
        KnowledgeLoader loader = new KnowledgeLoader() {
            @Override
            public String folder() {
                return "things";
            }

            @Override
            public LoadReport load(KnowledgeBase kb) {
                loaded.add(folder());
                return new LoadReport("things", 0, 0, 0, List.of());
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("loader", loader);
        KnowledgeBase skipping = new KnowledgeBase(new KnowledgeSettings(dir, true, false),
                beans.getBeanProvider(KnowledgeLoader.class));
        skipping.start();
        assertThat(skipping.isRunning()).isTrue();
        assertThat(loaded).isEmpty();
        assertThat(skipping.lastReports()).isEmpty();
        // unset means load (the default)
        KnowledgeBase loading = new KnowledgeBase(new KnowledgeSettings(dir, true, null),
                beans.getBeanProvider(KnowledgeLoader.class));
        loading.start();
        assertThat(loaded).containsExactly("things");
    }

    @Test
    void strict_mode_refuses_to_start_when_a_file_has_a_problem() {
        KnowledgeBase kb = knowledgeBase(dir, true,
                loaderWithProblems(List.of(new ContentProblem("knowledge-base/things/x.yaml", 12, "officers[1].certificate",
                        "agency.problem.certificateTwice", 0))));
        assertThatThrownBy(kb::loadAtStartup).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("knowledge-base/things/x.yaml:12 field officers[1].certificate: "
                        + "duplicate certificate number, already used by officers[0]");
    }

    @Test
    void lenient_mode_starts_and_keeps_the_problems_for_administrators() {
        ContentProblem problem = new ContentProblem("knowledge-base/things/x.yaml", 3, "name", "knowledge.problem.required");
        KnowledgeBase kb = knowledgeBase(dir, false, loaderWithProblems(List.of(problem)));
        kb.loadAtStartup();
        assertThat(kb.problems()).containsExactly(problem);
        assertThat(kb.lastReports()).singleElement().satisfies(r -> assertThat(r.skipped()).isEqualTo(1));
    }

    @Test
    void a_failing_loader_becomes_a_problem_instead_of_stopping_the_others() {
        KnowledgeBase kb = knowledgeBase(dir, false, failing("broken", new IllegalStateException("database down")));
        kb.loadAll();
        assertThat(kb.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("loading failed: database down");
            assertThat(p.describe()).isEqualTo("knowledge-base/broken:0: loading failed: database down");
        });
        ContentProblemTexts.assertShownInEveryLanguage(kb.problems());
    }

    @Test
    void a_search_node_that_does_not_answer_is_said_so_and_not_blamed_on_the_files() {
        KnowledgeBase kb = knowledgeBase(dir, false, failing("regulations", new IllegalStateException("guides not indexed",
                new cn.gov.enforcement.portal.search.SearchIndexException(
                        "Cannot create a new version of search index regulation-articles: Connection refused"))));
        kb.loadAll();
        assertThat(kb.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("knowledge.problem.searchUnavailable");
            assertThat(p.message()).contains("the files themselves are fine").doesNotContain("Connection refused");
        });
        ContentProblemTexts.assertShownInEveryLanguage(kb.problems());
    }
}
