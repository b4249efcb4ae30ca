package cn.gov.enforcement.portal.mediation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a mediation case and the transitions the workflow allows. WITHDRAWN is reachable
 * from every open state; NOT_ACCEPTED, OTHER_PARTY_DECLINED, WITHDRAWN and CLOSED are final.
 */
public enum CaseStatus {
    SUBMITTED,
    ACCEPTED,
    NOT_ACCEPTED,
    OTHER_PARTY_INVITED,
    OTHER_PARTY_AGREED,
    OTHER_PARTY_DECLINED,
    SESSION_SCHEDULED,
    AGREEMENT_REACHED,
    FAILED,
    CLOSED,
    WITHDRAWN;

    /** True while the case is still being handled (the applicant may withdraw it). */
    public boolean isOpen() {
        return switch (this) {
            case SUBMITTED, ACCEPTED, OTHER_PARTY_INVITED, OTHER_PARTY_AGREED, SESSION_SCHEDULED -> true;
            default -> false;
        };
    }

    /** True for the states in which the mediation deadline runs (after acceptance, before the outcome). */
    public boolean inMediation() {
        return switch (this) {
            case ACCEPTED, OTHER_PARTY_INVITED, OTHER_PARTY_AGREED, SESSION_SCHEDULED -> true;
            default -> false;
        };
    }

    /** True for the states with a running deadline: the acceptance decision, then the mediation itself. */
    public boolean deadlineRuns() {
        return this == SUBMITTED || inMediation();
    }

    /** The outcome of mediation (agreement reached, mediation failed): the case waits to be closed. */
    public boolean isOutcome() {
        return this == AGREEMENT_REACHED || this == FAILED;
    }

    /** The statuses {@link #isOutcome()} holds for. */
    public static java.util.EnumSet<CaseStatus> outcomes() {
        return java.util.EnumSet.of(AGREEMENT_REACHED, FAILED);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** The states that have the property, for a query over cases in them (e.g. {@code where(CaseStatus::inMediation)}). */
    public static EnumSet<CaseStatus> where(java.util.function.Predicate<CaseStatus> property) {
        EnumSet<CaseStatus> states = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus s : values()) {
            if (property.test(s)) {
                states.add(s);
            }
        }
        return states;
    }

    /** The states this state may move to. */
    public Set<CaseStatus> next() {
        Set<CaseStatus> next = switch (this) {
            case SUBMITTED -> EnumSet.of(ACCEPTED, NOT_ACCEPTED);
            case ACCEPTED -> EnumSet.of(OTHER_PARTY_INVITED);
            case OTHER_PARTY_INVITED -> EnumSet.of(OTHER_PARTY_AGREED, OTHER_PARTY_DECLINED);
            // the session may never come about (the parties fall out before it): mediation fails with a reason
            case OTHER_PARTY_AGREED -> EnumSet.of(SESSION_SCHEDULED, FAILED);
            case SESSION_SCHEDULED -> EnumSet.of(AGREEMENT_REACHED, FAILED);
            case AGREEMENT_REACHED, FAILED -> EnumSet.of(CLOSED);
            default -> EnumSet.noneOf(CaseStatus.class);
        };
        if (isOpen()) {
            next.add(WITHDRAWN);
        }
        return next;
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** True when entering this state needs a reason (and the guidance onward that goes with it). */
    public boolean needsReason() {
        return this == NOT_ACCEPTED || this == OTHER_PARTY_DECLINED || this == FAILED;
    }

    public String messageKey() {
        return "mediation.status." + name();
    }
}
