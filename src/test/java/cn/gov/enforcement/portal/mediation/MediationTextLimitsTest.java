package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The limits of the texts typed into the mediation pages count characters as the forms and the messages say: an emoji
 * or a character outside the Basic Multilingual Plane (𠀀) is one, not the two UTF-16 units {@link String#length()}
 * counts. A text of exactly the limit in such characters is taken, one more is refused with the limit.
 */
class MediationTextLimitsTest {

    /** 𠀀 (U+20000), two UTF-16 units. */
    private static final String RARE = "\uD840\uDC00";
    private static final String EMOJI = "😀";

    /** The service with what {@link MediationService#check} needs: the settings and a clock; nothing is stored. */
    private final MediationService service = new MediationService(null, null, MediationSettings.defaults(),
            Clock.systemUTC(), null, null, null, null, null, null, null, null, null, null, null, null);

    private static MediationApplication withTexts(String name, String address, String otherName, String contact,
            String facts, String request, String times) {
        MediationApplication a = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        return new MediationApplication(a.category(), a.applicantKind(), name, a.idType(), a.idNumber(), a.phone(),
                a.email(), address, otherName, contact, facts, request, times, a.preferOnline(), a.consent(),
                a.submissionToken());
    }

    private List<FieldProblem> check(MediationApplication a) {
        return service.check(a);
    }

    @Test
    void an_application_whose_texts_are_each_exactly_their_limit_in_supplementary_characters_is_taken() {
        MediationApplication full = withTexts(RARE.repeat(MediationService.MAX_NAME), RARE.repeat(MediationService.MAX_ADDRESS),
                EMOJI.repeat(MediationService.MAX_NAME), RARE.repeat(MediationService.MAX_CONTACT),
                RARE.repeat(MediationService.MAX_FACTS), EMOJI.repeat(MediationService.MAX_REQUEST),
                RARE.repeat(MediationService.MAX_PREFERRED));
        assertThat(full.facts().length()).isEqualTo(2 * MediationService.MAX_FACTS);
        assertThat(check(full)).isEmpty();
    }

    @Test
    void one_supplementary_character_more_than_the_limit_is_refused_with_the_limit() {
        MediationApplication over = withTexts(RARE.repeat(MediationService.MAX_NAME + 1),
                RARE.repeat(MediationService.MAX_ADDRESS + 1), EMOJI.repeat(MediationService.MAX_NAME + 1),
                RARE.repeat(MediationService.MAX_CONTACT + 1), RARE.repeat(MediationService.MAX_FACTS + 1),
                EMOJI.repeat(MediationService.MAX_REQUEST + 1), RARE.repeat(MediationService.MAX_PREFERRED + 1));
        assertThat(check(over)).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MediationApplication.Fields.APPLICANT_NAME, TypedText.MAX_LENGTH),
                org.assertj.core.groups.Tuple.tuple(MediationApplication.Fields.ADDRESS, TypedText.MAX_LENGTH),
                org.assertj.core.groups.Tuple.tuple(MediationApplication.Fields.OTHER_PARTY_NAME, TypedText.MAX_LENGTH),
                org.assertj.core.groups.Tuple.tuple(MediationApplication.Fields.OTHER_PARTY_CONTACT, TypedText.MAX_LENGTH),
                org.assertj.core.groups.Tuple.tuple(MediationApplication.Fields.FACTS, TypedText.MAX_LENGTH),
                org.assertj.core.groups.Tuple.tuple(MediationApplication.Fields.REQUEST, TypedText.MAX_LENGTH),
                org.assertj.core.groups.Tuple.tuple(MediationApplication.Fields.PREFERRED_TIMES, TypedText.MAX_LENGTH));
        assertThat(check(over).get(4).args()).containsExactly(String.valueOf(MediationService.MAX_FACTS));
    }

    @Test
    void the_least_length_counts_characters_too() {
        // two rare characters make a name of two characters; one is too short, though it is two UTF-16 units
        MediationApplication a = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        assertThat(check(withTexts(RARE.repeat(2), a.address(), a.otherPartyName(), a.otherPartyContact(), a.facts(),
                a.request(), a.preferredTimes()))).isEmpty();
        assertThat(check(withTexts(RARE, a.address(), a.otherPartyName(), a.otherPartyContact(), a.facts(),
                a.request(), a.preferredTimes()))).extracting(FieldProblem::messageKey)
                .containsExactly("mediation.error.applicantName");
    }

    @Test
    void the_officers_and_the_letters_texts_count_characters() {
        record Limit(String field, int max, TypedText.Kind kind) {}
        for (Limit limit : List.of(new Limit("reason", MediationService.MAX_REASON, TypedText.Kind.TEXT),
                new Limit("message", MediationService.MAX_MESSAGE, TypedText.Kind.TEXT),
                new Limit("sessionPlace", MediationBackOffice.MAX_PLACE, TypedText.Kind.LINE),
                new Limit("terms", MediationBackOffice.MAX_TERMS, TypedText.Kind.TEXT),
                new Limit("facts", MediationLetters.MAX_FACTS, TypedText.Kind.TEXT))) {
            assertThat(TypedText.problem(limit.field(), RARE.repeat(limit.max()), limit.kind(), 1, limit.max(), "empty"))
                    .as(limit.field()).isEmpty();
            Optional<FieldProblem> over = TypedText.problem(limit.field(), RARE.repeat(limit.max() + 1), limit.kind(), 1,
                    limit.max(), "empty");
            assertThat(over).as(limit.field()).map(FieldProblem::messageKey).contains(TypedText.MAX_LENGTH);
            assertThat(over.orElseThrow().args()).containsExactly(String.valueOf(limit.max()));
        }
    }

    @Test
    void a_withdrawal_reason_of_the_limit_in_supplementary_characters_is_taken_one_more_is_refused() {
        assertThatCode(() -> MediationService.checkWithdrawalReason(RARE.repeat(MediationService.MAX_REASON)))
                .doesNotThrowAnyException();
        assertThatCode(() -> MediationService.checkWithdrawalReason(null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MediationService.checkWithdrawalReason(EMOJI.repeat(MediationService.MAX_REASON + 1)))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("mediation.error.tooLong"));
    }

    @Test
    void a_working_calendars_source_of_the_limit_in_supplementary_characters_is_not_too_long_one_more_is() {
        assertThat(WorkingCalendar.sourceTooLong(RARE.repeat(WorkingCalendar.SOURCE_MAX))).isFalse();
        assertThat(WorkingCalendar.sourceTooLong(RARE.repeat(WorkingCalendar.SOURCE_MAX + 1))).isTrue();
        assertThat(WorkingCalendar.sourceTooLong("")).isFalse();
    }
}
