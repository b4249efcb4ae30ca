package cn.gov.enforcement.portal.lists;

import java.util.List;

/**
 * Answers the eligibility check refuses, with one problem per question (missing, not yes/no, not a
 * number, out of range), so that a form can mark each question with its own message. The exception's
 * own message key and arguments are those of the first problem, for callers that show one message.
 */
public class EligibilityAnswersException extends ListsInputException {

    private final transient List<Problem> problems;

    public EligibilityAnswersException(List<Problem> problems) {
        super(problems.get(0).messageKey(), problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    /** The problems in question order. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One refused answer.
     *
     * @param index the question's 0-based index (the message names it 1-based)
     * @param messageKey the translation key of the message
     * @param args the message's arguments
     */
    public record Problem(int index, String messageKey, Object... args) {}
}
