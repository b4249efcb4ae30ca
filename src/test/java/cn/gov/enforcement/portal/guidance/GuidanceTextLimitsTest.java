package cn.gov.enforcement.portal.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits of a guidance's texts count characters as the form and the messages say: an emoji or a character outside
 * the Basic Multilingual Plane (𠀀) is one, not the two UTF-16 units {@link String#length()} counts. A text of exactly
 * the limit in such characters is taken, one more is refused.
 */
class GuidanceTextLimitsTest {

    /** 𠀀 (U+20000), two UTF-16 units. */
    private static final String RARE = "\uD840\uDC00";
    private static final String EMOJI = "😀";

    private static List<String> party(String name) {
        List<FieldProblem> problems = new ArrayList<>();
        GuidanceService.checkPartyName(name, problems);
        return problems.stream().map(FieldProblem::messageKey).toList();
    }

    private static List<String> texts(String subject, String findings, String advice, String basis) {
        List<FieldProblem> problems = new ArrayList<>();
        GuidanceService.checkTexts(subject, findings, advice, basis, problems);
        return problems.stream().map(FieldProblem::messageKey).toList();
    }

    private static List<String> visitNote(String text) {
        List<FieldProblem> problems = new ArrayList<>();
        GuidanceService.checkVisitNote(text, problems);
        return problems.stream().map(FieldProblem::messageKey).toList();
    }

    private static List<String> replyNote(PartyReply reply, String text) {
        List<FieldProblem> problems = new ArrayList<>();
        GuidanceService.checkReplyNote(reply, text, problems);
        return problems.stream().map(FieldProblem::messageKey).toList();
    }

    @Test
    void a_party_name_of_the_limit_in_supplementary_characters_is_taken_one_more_is_refused() {
        assertThat(party(RARE.repeat(GuidanceService.MAX_NAME))).isEmpty();
        assertThat(party(RARE.repeat(GuidanceService.MAX_NAME + 1))).containsExactly("guidance.error.partyName");
        // two rare characters are a name of two characters, one is too short though it is two UTF-16 units
        assertThat(party(RARE.repeat(GuidanceService.MIN_NAME))).isEmpty();
        assertThat(party(RARE.repeat(GuidanceService.MIN_NAME - 1))).containsExactly("guidance.error.partyName");
    }

    @Test
    void subject_findings_advice_and_basis_of_the_limit_are_taken_one_more_is_refused() {
        assertThat(texts(RARE.repeat(GuidanceService.MAX_SUBJECT), RARE.repeat(GuidanceService.MAX_TEXT),
                EMOJI.repeat(GuidanceService.MAX_TEXT), RARE.repeat(GuidanceService.MAX_BASIS))).isEmpty();
        assertThat(texts(RARE.repeat(GuidanceService.MAX_SUBJECT + 1), RARE.repeat(GuidanceService.MAX_TEXT + 1),
                EMOJI.repeat(GuidanceService.MAX_TEXT + 1), RARE.repeat(GuidanceService.MAX_BASIS + 1)))
                .containsExactly("guidance.error.subject", "guidance.error.findings", "guidance.error.advice",
                        "guidance.error.basis");
        // the least length counts characters too: ten emoji are findings of ten characters, nine are too few
        String subject = "食品经营";
        assertThat(texts(subject, EMOJI.repeat(GuidanceService.MIN_TEXT), EMOJI.repeat(GuidanceService.MIN_TEXT), null))
                .isEmpty();
        assertThat(texts(subject, EMOJI.repeat(GuidanceService.MIN_TEXT - 1), EMOJI.repeat(GuidanceService.MIN_TEXT),
                null)).containsExactly("guidance.error.findings");
    }

    @Test
    void a_visit_note_of_the_limit_is_taken_one_more_is_refused() {
        assertThat(visitNote(RARE.repeat(GuidanceService.MAX_TEXT))).isEmpty();
        assertThat(visitNote(RARE.repeat(GuidanceService.MAX_TEXT + 1))).containsExactly("guidance.error.visitNote");
    }

    @Test
    void a_void_reason_of_the_limit_is_taken_one_more_is_refused() {
        assertThatCode(() -> GuidanceService.checkVoidReason(RARE.repeat(GuidanceService.MAX_BASIS)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> GuidanceService.checkVoidReason(RARE.repeat(GuidanceService.MAX_BASIS + 1)))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("guidance.error.voidReason"));
    }

    @Test
    void a_reply_note_of_the_limit_is_taken_one_more_is_refused() {
        PartyReply question = java.util.Arrays.stream(PartyReply.values()).filter(PartyReply::needsNote).findFirst()
                .orElseThrow();
        assertThat(replyNote(question, RARE.repeat(GuidanceService.MAX_REPLY_NOTE))).isEmpty();
        assertThat(replyNote(question, RARE.repeat(GuidanceService.MAX_REPLY_NOTE + 1)))
                .containsExactly("guidance.error.replyNoteLong");
        // a question needs five characters: five emoji are five
        assertThat(replyNote(question, EMOJI.repeat(GuidanceService.MIN_QUESTION))).isEmpty();
        assertThat(replyNote(question, EMOJI.repeat(GuidanceService.MIN_QUESTION - 1)))
                .containsExactly("guidance.error.question");
    }
}
