package cn.gov.enforcement.portal.mediation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A saved, unfinished application: the form encrypted as a whole, found by the digest of its resume code. */
@Entity
@Table(name = "mediation_draft")
public class Draft {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mediation_draft_seq")
    @SequenceGenerator(name = "mediation_draft_seq", sequenceName = "mediation_draft_seq", allocationSize = 1)
    private Long id;

    @Column(name = "code_digest", nullable = false, length = 64, unique = true)
    private String codeDigest;

    @Column(nullable = false, length = 48000)
    private String payload;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected Draft() {}

    public Draft(String codeDigest, String payload, Instant now, Instant expiresAt) {
        this.codeDigest = codeDigest;
        update(payload, now, expiresAt);
    }

    public void update(String payload, Instant now, Instant expiresAt) {
        this.payload = payload;
        this.updatedAt = now;
        this.expiresAt = expiresAt;
    }

    public Long id() {
        return id;
    }

    public String payload() {
        return payload;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
