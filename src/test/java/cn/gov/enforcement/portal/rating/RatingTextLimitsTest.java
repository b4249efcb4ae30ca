package cn.gov.enforcement.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits of a rating's texts count characters as the form and the messages say: an emoji or a character outside
 * the Basic Multilingual Plane (𠀀) is one, not the two UTF-16 units {@link String#length()} counts.
 */
class RatingTextLimitsTest {

    /** 𠀀 (U+20000), two UTF-16 units. */
    private static final String RARE = "\uD840\uDC00";
    private static final String EMOJI = "😀";

    private static List<FieldProblem> comment(String text, Score score) {
        List<FieldProblem> problems = new ArrayList<>();
        RatingService.checkComment(text, score, problems);
        return problems;
    }

    private static List<FieldProblem> note(String text) {
        List<FieldProblem> problems = new ArrayList<>();
        RatingService.checkNote(text, problems);
        return problems;
    }

    private static List<FieldProblem> name(String text) {
        List<FieldProblem> problems = new ArrayList<>();
        RatingService.checkContact(text, null, null, problems);
        return problems;
    }

    @Test
    void a_comment_of_exactly_the_limit_in_supplementary_characters_is_taken_one_more_is_refused() {
        String full = RARE.repeat(RatingService.MAX_COMMENT);
        assertThat(full.length()).isEqualTo(2 * RatingService.MAX_COMMENT);
        assertThat(comment(full, Score.SATISFIED)).isEmpty();
        assertThat(comment(EMOJI.repeat(RatingService.MAX_COMMENT), Score.SATISFIED)).isEmpty();
        assertThat(comment(full + RARE, Score.SATISFIED)).extracting(FieldProblem::messageKey)
                .containsExactly("rating.error.commentLong");
        // a bad score needs five characters: five emoji are five, not ten, and four are too few
        assertThat(comment(EMOJI.repeat(RatingService.MIN_BAD_COMMENT), Score.VERY_DISSATISFIED)).isEmpty();
        assertThat(comment(EMOJI.repeat(RatingService.MIN_BAD_COMMENT - 1), Score.VERY_DISSATISFIED))
                .extracting(FieldProblem::messageKey).containsExactly("rating.error.commentNeeded");
    }

    @Test
    void a_contact_name_and_a_follow_up_note_of_exactly_the_limit_in_supplementary_characters_are_taken() {
        assertThat(name(RARE.repeat(RatingService.MAX_NAME))).isEmpty();
        assertThat(name(RARE.repeat(RatingService.MAX_NAME + 1))).extracting(FieldProblem::messageKey)
                .containsExactly("rating.error.nameLong");
        assertThat(note(RARE.repeat(RatingService.MAX_NOTE))).isEmpty();
        assertThat(note(RARE.repeat(RatingService.MAX_NOTE + 1))).extracting(FieldProblem::messageKey)
                .containsExactly("rating.error.noteLong");
        assertThat(note(EMOJI.repeat(RatingService.MIN_NOTE - 1))).extracting(FieldProblem::messageKey)
                .containsExactly("rating.error.noteShort");
    }

    @Test
    void the_forms_fields_take_the_limit_in_supplementary_characters() {
        // a browser's maxlength counts UTF-16 units: the field must not cut a text the server takes
        assertThat(TextChecks.browserMaxLength(RatingService.MAX_COMMENT))
                .isGreaterThanOrEqualTo(RARE.repeat(RatingService.MAX_COMMENT).length());
        assertThat(TextChecks.characters(RARE + "a" + EMOJI)).isEqualTo(3);
        assertThat(TextChecks.characters(null)).isZero();
    }
}
