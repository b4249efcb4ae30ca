package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class EntryPagesTest {

    static class MissingEntry extends RuntimeException {}

    @Test
    void a_look_up_that_finds_the_entry_is_found_and_one_that_answers_false_is_not() {
        assertThat(EntryPages.found(() -> true, MissingEntry.class)).isTrue();
        assertThat(EntryPages.found(() -> false, MissingEntry.class)).isFalse();
    }

    @Test
    void another_agencys_entry_and_the_modules_not_found_answer_are_not_found() {
        assertThat(EntryPages.found(() -> {
            throw new AccessDeniedException("another agency's");
        }, MissingEntry.class)).isFalse();
        assertThat(EntryPages.found(() -> {
            throw new MissingEntry();
        }, MissingEntry.class)).isFalse();
    }

    @Test
    void any_other_failure_is_not_taken_for_a_missing_entry() {
        assertThatThrownBy(() -> EntryPages.found(() -> {
            throw new IllegalStateException("database away");
        }, MissingEntry.class)).isInstanceOf(IllegalStateException.class);
    }
}
