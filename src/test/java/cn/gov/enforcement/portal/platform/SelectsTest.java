package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SelectsTest {

    private static String listBoxName(Select<?> select) {
        Element box = Selects.listBox(select.getElement()).orElseThrow();
        return box.getAttribute("aria-label");
    }

    @Test
    void the_list_box_of_a_select_is_named_after_its_label_and_follows_it() {
        Select<String> select = Selects.create();
        assertThat(listBoxName(select)).as("no label yet").isNull();
        select.setLabel("执法主体");
        assertThat(listBoxName(select)).isEqualTo("执法主体");
        select.setLabel("Agency");
        assertThat(listBoxName(select)).isEqualTo("Agency");
        select.setItems("a", "b");
        assertThat(listBoxName(select)).as("items do not replace the list box").isEqualTo("Agency");
    }

    @Test
    void an_accessible_name_wins_over_the_label() {
        Select<String> select = Selects.create();
        select.setAriaLabel("语言 / Language");
        assertThat(listBoxName(select)).isEqualTo("语言 / Language");
        select.setLabel("语言");
        assertThat(listBoxName(select)).isEqualTo("语言 / Language");
        select.setAriaLabel(null);
        assertThat(listBoxName(select)).isEqualTo("语言");
    }

    @Test
    void every_select_of_the_portal_is_made_by_selects() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> direct;
        try (Stream<Path> files = Files.walk(sources)) {
            direct = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("cn/gov/enforcement/portal/platform/Selects.java")))
                    .filter(p -> {
                        try {
                            String text = Files.readString(p);
                            return text.contains("new Select<") || text.contains("new Select(")
                                    || text.contains("extends Select<");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(p -> sources.relativize(p).toString()).toList();
        }
        assertThat(direct).as("selects made without Selects.create(), their list box unnamed").isEmpty();
    }
}
