package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    @TempDir
    Path dir;

    @Test
    void a_vector_put_is_found_by_its_text_and_survives_reopening() {
        Path file = dir.resolve("model.vectors");
        try (EmbeddingCache cache = EmbeddingCache.open(file, 3)) {
            cache.put("第三十三条", new float[] {0.1f, 0.2f, 0.3f});
            cache.put("第三十三条", new float[] {9f, 9f, 9f}); // the first vector stays
            assertThat(cache.get("第三十三条")).hasValueSatisfying(v -> assertThat(v).containsExactly(0.1f, 0.2f, 0.3f));
            assertThat(cache.get("第三十四条")).isEmpty();
        }
        try (EmbeddingCache cache = EmbeddingCache.open(file, 3)) {
            assertThat(cache.size()).isEqualTo(1);
            assertThat(cache.get("第三十三条")).hasValueSatisfying(v -> assertThat(v).containsExactly(0.1f, 0.2f, 0.3f));
        }
    }

    @Test
    void a_record_cut_short_by_a_crash_is_dropped_and_the_others_are_kept() throws IOException {
        Path file = dir.resolve("model.vectors");
        try (EmbeddingCache cache = EmbeddingCache.open(file, 2)) {
            cache.put("a", new float[] {1f, 2f});
            cache.put("b", new float[] {3f, 4f});
        }
        Files.write(file, new byte[] {1, 2, 3, 4, 5}, StandardOpenOption.APPEND);
        try (EmbeddingCache cache = EmbeddingCache.open(file, 2)) {
            assertThat(cache.size()).isEqualTo(2);
            assertThat(cache.get("b")).hasValueSatisfying(v -> assertThat(v).containsExactly(3f, 4f));
            cache.put("c", new float[] {5f, 6f});
        }
        try (EmbeddingCache cache = EmbeddingCache.open(file, 2)) {
            assertThat(cache.size()).isEqualTo(3);
            assertThat(cache.get("c")).hasValueSatisfying(v -> assertThat(v).containsExactly(5f, 6f));
        }
    }

    @Test
    void a_cache_written_for_other_dimensions_starts_afresh() {
        Path file = dir.resolve("model.vectors");
        try (EmbeddingCache cache = EmbeddingCache.open(file, 2)) {
            cache.put("a", new float[] {1f, 2f});
        }
        try (EmbeddingCache cache = EmbeddingCache.open(file, 3)) {
            assertThat(cache.size()).isZero();
            assertThat(cache.get("a")).isEmpty();
        }
    }

    @Test
    void two_writers_of_one_file_append_after_each_other_and_never_read_the_others_vector_as_their_own() {
        Path file = dir.resolve("model.vectors");
        try (EmbeddingCache first = EmbeddingCache.open(file, 2); EmbeddingCache second = EmbeddingCache.open(file, 2)) {
            // both opened the empty file; each appends without knowing of the other's record
            first.put("甲", new float[] {1f, 2f});
            second.put("乙", new float[] {3f, 4f});
            assertThat(first.get("甲")).hasValueSatisfying(v -> assertThat(v).containsExactly(1f, 2f));
            assertThat(second.get("乙")).hasValueSatisfying(v -> assertThat(v).containsExactly(3f, 4f));
            // the second took in the first's record when it wrote: it knows 甲 too
            assertThat(second.get("甲")).hasValueSatisfying(v -> assertThat(v).containsExactly(1f, 2f));
            first.put("丙", new float[] {5f, 6f});
            assertThat(first.get("乙")).hasValueSatisfying(v -> assertThat(v).containsExactly(3f, 4f));
        }
        try (EmbeddingCache cache = EmbeddingCache.open(file, 2)) {
            assertThat(cache.size()).isEqualTo(3);
            assertThat(cache.get("甲")).hasValueSatisfying(v -> assertThat(v).containsExactly(1f, 2f));
            assertThat(cache.get("乙")).hasValueSatisfying(v -> assertThat(v).containsExactly(3f, 4f));
            assertThat(cache.get("丙")).hasValueSatisfying(v -> assertThat(v).containsExactly(5f, 6f));
        }
    }

    @Test
    void a_record_that_holds_another_text_than_expected_is_a_miss() throws IOException {
        Path file = dir.resolve("model.vectors");
        try (EmbeddingCache cache = EmbeddingCache.open(file, 2)) {
            cache.put("甲", new float[] {1f, 2f});
            // the file is changed behind the cache: the record of 甲 now holds another text's hash
            try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(EmbeddingCache.key("乙").bytes()), 8);
            }
            assertThat(cache.get("甲")).isEmpty();
        }
    }
}
