package cn.gov.enforcement.portal.mediation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message between the officer and the applicant of a case. */
@Entity
@Table(name = "mediation_message")
public class CaseMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mediation_message_seq")
    @SequenceGenerator(name = "mediation_message_seq", sequenceName = "mediation_message_seq", allocationSize = 1)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "from_applicant", nullable = false)
    private boolean fromApplicant;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected CaseMessage() {}

    public CaseMessage(Long caseId, boolean fromApplicant, String author, String body, Instant sentAt) {
        this.caseId = caseId;
        this.fromApplicant = fromApplicant;
        this.author = author;
        this.body = body;
        this.sentAt = sentAt;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public boolean fromApplicant() {
        return fromApplicant;
    }

    public String author() {
        return author;
    }

    public String body() {
        return body;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
