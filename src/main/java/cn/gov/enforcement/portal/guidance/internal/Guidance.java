package cn.gov.enforcement.portal.guidance.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One written administrative guidance (行政指导书), the party's reply and the agency's return visit.
 *
 * <p>The texts people type are limited in characters (an emoji or 𠀀 counts once); their columns hold twice the limit,
 * as many UTF-16 units as such characters take (H2 counts those; V35).
 */
@Entity
@Table(name = "guidance_document")
public class Guidance {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "guidance_document_seq")
    @SequenceGenerator(name = "guidance_document_seq", sequenceName = "guidance_document_seq", allocationSize = 1)
    private Long id;

    @Column(length = 20)
    private String number;

    @Column(name = "agency_id", nullable = false, length = 80)
    private String agencyId;

    @Column(nullable = false, length = 100)
    private String officer;

    /** The certificate numbers of the officers who gave the guidance, comma-separated. */
    @Column(nullable = false, length = 200)
    private String certificates;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(name = "party_name", nullable = false, length = 200)
    private String partyName;

    @Column(name = "party_email", length = 254)
    private String partyEmail;

    @Column(name = "party_language", nullable = false, length = 10)
    private String partyLanguage;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(nullable = false, length = 4000)
    private String findings;

    @Column(nullable = false, length = 4000)
    private String advice;

    @Column(length = 1000)
    private String basis;

    @Column(name = "respond_by")
    private LocalDate respondBy;

    @Column(name = "visit_due")
    private LocalDate visitDue;

    @Column(name = "access_code_hash", nullable = false, length = 120)
    private String accessCodeHash;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(length = 20)
    private String reply;

    @Column(name = "reply_note", length = 2000)
    private String replyNote;

    @Column(name = "replied_at")
    private Instant repliedAt;

    @Column(name = "visit_outcome", length = 20)
    private String visitOutcome;

    @Column(name = "visit_note", length = 4000)
    private String visitNote;

    @Column(name = "visited_by", length = 100)
    private String visitedBy;

    @Column(name = "visited_at")
    private Instant visitedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by", length = 100)
    private String voidedBy;

    @Column(name = "void_reason", length = 1000)
    private String voidReason;

    @Version
    private int version;

    protected Guidance() {}

    public Guidance(String agencyId, String officer, String certificates, String kind, String partyName, String partyEmail,
            String partyLanguage, String subject, String findings, String advice, String basis, LocalDate respondBy,
            LocalDate visitDue, String accessCodeHash, Instant issuedAt) {
        this.agencyId = agencyId;
        this.officer = officer;
        this.certificates = certificates;
        this.kind = kind;
        this.partyName = partyName;
        this.partyEmail = partyEmail;
        this.partyLanguage = partyLanguage;
        this.subject = subject;
        this.findings = findings;
        this.advice = advice;
        this.basis = basis;
        this.respondBy = respondBy;
        this.visitDue = visitDue;
        this.accessCodeHash = accessCodeHash;
        this.issuedAt = issuedAt;
    }

    /** The number, given once the row has its id. */
    public void assignNumber(String number) {
        this.number = number;
    }

    public void replaceAccessCode(String hash) {
        this.accessCodeHash = hash;
    }

    public void recordReply(String reply, String note, Instant at) {
        this.reply = reply;
        this.replyNote = note;
        this.repliedAt = at;
    }

    public void recordVisit(String outcome, String note, String by, Instant at) {
        this.visitOutcome = outcome;
        this.visitNote = note;
        this.visitedBy = by;
        this.visitedAt = at;
    }

    public void voidWith(String reason, String by, Instant at) {
        this.voidReason = reason;
        this.voidedBy = by;
        this.voidedAt = at;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getAgencyId() { return agencyId; }
    public String getOfficer() { return officer; }
    public String getCertificates() { return certificates; }
    public String getKind() { return kind; }
    public String getPartyName() { return partyName; }
    public String getPartyEmail() { return partyEmail; }
    public String getPartyLanguage() { return partyLanguage; }
    public String getSubject() { return subject; }
    public String getFindings() { return findings; }
    public String getAdvice() { return advice; }
    public String getBasis() { return basis; }
    public LocalDate getRespondBy() { return respondBy; }
    public LocalDate getVisitDue() { return visitDue; }
    public String getAccessCodeHash() { return accessCodeHash; }
    public Instant getIssuedAt() { return issuedAt; }
    public String getReply() { return reply; }
    public String getReplyNote() { return replyNote; }
    public Instant getRepliedAt() { return repliedAt; }
    public String getVisitOutcome() { return visitOutcome; }
    public String getVisitNote() { return visitNote; }
    public String getVisitedBy() { return visitedBy; }
    public Instant getVisitedAt() { return visitedAt; }
    public Instant getVoidedAt() { return voidedAt; }
    public String getVoidedBy() { return voidedBy; }
    public String getVoidReason() { return voidReason; }
}
