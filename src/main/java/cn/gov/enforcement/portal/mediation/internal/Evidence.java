package cn.gov.enforcement.portal.mediation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An evidence file: uploaded in the wizard under the application's submission token and attached
 * to the case when the application is submitted. The bytes live in the evidence directory under
 * {@link #storedName()}, a generated name that never comes from the user.
 */
@Entity
@Table(name = "mediation_evidence")
public class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mediation_evidence_seq")
    @SequenceGenerator(name = "mediation_evidence_seq", sequenceName = "mediation_evidence_seq", allocationSize = 1)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "submission_token", nullable = false, length = 64)
    private String submissionToken;

    @Column(name = "stored_name", nullable = false, length = 80)
    private String storedName;

    @Column(name = "original_name", nullable = false, length = 200)
    private String originalName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected Evidence() {}

    public Evidence(String submissionToken, String storedName, String originalName, String contentType, long size,
            Instant uploadedAt) {
        this.submissionToken = submissionToken;
        this.storedName = storedName;
        this.originalName = originalName;
        this.contentType = contentType;
        this.size = size;
        this.uploadedAt = uploadedAt;
    }

    public void attachTo(Long caseId) {
        this.caseId = caseId;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public String submissionToken() {
        return submissionToken;
    }

    public String storedName() {
        return storedName;
    }

    public String originalName() {
        return originalName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
