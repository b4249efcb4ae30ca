package cn.gov.enforcement.portal.mediation;

/** A workflow step that the rules do not allow (for example accepting a withdrawn case). */
public class IllegalTransitionException extends RuntimeException {

    private final CaseStatus from;
    private final CaseStatus to;

    public IllegalTransitionException(CaseStatus from, CaseStatus to) {
        super("A mediation case cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }
}
