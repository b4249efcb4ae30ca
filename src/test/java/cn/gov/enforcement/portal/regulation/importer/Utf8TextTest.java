package cn.gov.enforcement.portal.regulation.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

    private static final String LAW = "# 示例法\n\n第一条 为了规范示例，制定本法。\n第二条 本法自公布之日起施行。\n";

    private final List<ImportProblem> problems = new ArrayList<>();

    @Test
    void utf8_text_is_read_as_it_is() {
        assertThat(Utf8Text.decode("a.md", LAW.getBytes(StandardCharsets.UTF_8), problems)).contains(LAW);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_gbk_file_is_told_to_be_saved_as_utf8() {
        assertThat(Utf8Text.decode("a.md", LAW.getBytes(Charset.forName("GBK")), problems)).isEmpty();
        assertThat(problems).extracting(ImportProblem::toString).containsExactly("ERROR a.md:0 regulation.import.notUtf8 []");
    }

    @Test
    void a_file_cut_in_the_middle_of_its_last_character_is_said_to_be_incomplete_at_its_last_line() {
        byte[] whole = LAW.strip().getBytes(StandardCharsets.UTF_8);
        // 行 of 施行 is three bytes: the file ends after its first
        byte[] cut = Arrays.copyOf(whole, whole.length - 5);
        assertThat(Utf8Text.decode("a.md", cut, problems)).isEmpty();
        assertThat(problems).extracting(ImportProblem::toString)
                .containsExactly("ERROR a.md:4 regulation.import.truncatedUtf8 []");
    }

    @Test
    void a_utf8_file_with_a_few_foreign_bytes_names_their_line() {
        String text = "# 示例法\n\n第一条 为了规范示例，制定本法。\n";
        byte[] head = text.getBytes(StandardCharsets.UTF_8);
        byte[] pasted = "第二条 本法施行。".getBytes(Charset.forName("GBK"));
        byte[] file = new byte[head.length + pasted.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(pasted, 0, file, head.length, pasted.length);
        assertThat(Utf8Text.decode("a.md", file, problems)).isEmpty();
        assertThat(problems).extracting(ImportProblem::toString)
                .containsExactly("ERROR a.md:4 regulation.import.badUtf8Bytes []");
    }
}
