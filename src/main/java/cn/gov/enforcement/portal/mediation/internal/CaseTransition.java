package cn.gov.enforcement.portal.mediation.internal;

import cn.gov.enforcement.portal.mediation.CaseStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded step of a case: from which state to which, who, when and why. */
@Entity
@Table(name = "mediation_transition")
public class CaseTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mediation_transition_seq")
    @SequenceGenerator(name = "mediation_transition_seq", sequenceName = "mediation_transition_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false)
    private MediationCase mediationCase;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 30)
    private CaseStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 30)
    private CaseStatus to;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(length = 4000)
    private String reason;

    /**
     * For steps that keep the state: {@link #EXTENDED}, {@link #MEDIATOR} or {@link #RESCHEDULED}; {@code null} for
     * state changes.
     */
    @Column(length = 20)
    private String kind;

    /** The session time a scheduling or a move of the session set; {@code null} for other steps (and older ones). */
    @Column(name = "session_at")
    private Instant sessionAt;

    public static final String EXTENDED = "EXTENDED";
    public static final String MEDIATOR = "MEDIATOR";
    /** The scheduled session moved to a new time or place; the reason holds the new place or link, with its time. */
    public static final String RESCHEDULED = "RESCHEDULED";

    protected CaseTransition() {}

    CaseTransition(MediationCase mediationCase, CaseStatus from, CaseStatus to, String actor, Instant occurredAt, String reason) {
        this.mediationCase = mediationCase;
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.reason = reason;
    }

    CaseTransition(MediationCase mediationCase, CaseStatus status, String kind, String actor, Instant occurredAt, String reason) {
        this(mediationCase, status, status, actor, occurredAt, reason);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }

    public String actor() {
        return actor;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String reason() {
        return reason;
    }

    public Instant sessionAt() {
        return sessionAt;
    }

    void sessionAt(Instant at) {
        this.sessionAt = at;
    }
}
