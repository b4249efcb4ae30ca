package cn.gov.enforcement.portal.mediation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One view of (or download from) a case file by a staff member. */
@Entity
@Table(name = "mediation_audit")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mediation_audit_seq")
    @SequenceGenerator(name = "mediation_audit_seq", sequenceName = "mediation_audit_seq", allocationSize = 1)
    private Long id;

    @Column(name = "case_number", nullable = false, length = 20)
    private String caseNumber;

    @Column(name = "agency_id", nullable = false, length = 80)
    private String agencyId;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected AuditEntry() {}

    public AuditEntry(String caseNumber, String agencyId, String username, String action, Instant occurredAt) {
        this.caseNumber = caseNumber;
        this.agencyId = agencyId;
        this.username = username;
        this.action = action;
        this.occurredAt = occurredAt;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String agencyId() {
        return agencyId;
    }

    public String username() {
        return username;
    }

    public String action() {
        return action;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
