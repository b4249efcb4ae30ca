package cn.gov.enforcement.portal.rating.internal;

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

/** One rating of an enforcement contact, with the agency's follow-up when it was a bad one. */
@Entity
@Table(name = "enforcement_rating")
public class Rating {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enforcement_rating_seq")
    @SequenceGenerator(name = "enforcement_rating_seq", sequenceName = "enforcement_rating_seq", allocationSize = 1)
    private Long id;

    @Column(length = 20)
    private String reference;

    @Column(name = "agency_id", nullable = false, length = 80)
    private String agencyId;

    @Column(length = 40)
    private String certificate;

    @Column(name = "contact_date", nullable = false)
    private LocalDate contactDate;

    @Column(nullable = false, length = 20)
    private String matter;

    @Column(nullable = false)
    private int score;

    /** At most 1000 characters; the column holds 2000, as many UTF-16 units as 1000 emoji take (H2 counts those). */
    @Column(length = 2000)
    private String comment;

    @Column(name = "wants_reply", nullable = false)
    private boolean wantsReply;

    @Column(name = "contact_name", length = 100)
    private String contactName;

    @Column(name = "contact_phone", length = 30)
    private String contactPhone;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(nullable = false, length = 10)
    private String language;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(name = "follow_up_due")
    private LocalDate followUpDue;

    @Column(name = "followed_up_by", length = 100)
    private String followedUpBy;

    @Column(name = "followed_up_at")
    private Instant followedUpAt;

    @Column(name = "follow_up_result", length = 20)
    private String followUpResult;

    /** At most 2000 characters; the column holds 4000 UTF-16 units, as {@link #comment}. */
    @Column(name = "follow_up_note", length = 4000)
    private String followUpNote;

    /** The token of the rendering of the form that sent the rating; null for ratings of trusted callers. */
    @Column(name = "submission_token", length = 64)
    private String submissionToken;

    @Version
    @Column(nullable = false)
    private int version;

    protected Rating() {}

    @SuppressWarnings("java:S107") // one column each, as the form has them
    public Rating(String agencyId, String certificate, LocalDate contactDate, String matter, int score, String comment,
            boolean wantsReply, String contactName, String contactPhone, String contactEmail, String language,
            Instant submittedAt, String status, LocalDate followUpDue) {
        this.agencyId = agencyId;
        this.certificate = certificate;
        this.contactDate = contactDate;
        this.matter = matter;
        this.score = score;
        this.comment = comment;
        this.wantsReply = wantsReply;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.contactEmail = contactEmail;
        this.language = language;
        this.submittedAt = submittedAt;
        this.status = status;
        this.followUpDue = followUpDue;
    }

    /** Marks the rating as sent by the rendering of the form with this token (see the unique constraint). */
    public void sentWith(String submissionToken) {
        this.submissionToken = submissionToken;
    }

    /** Replaces the person's contact details (null erases one), as they asked the agency to. */
    public void replaceContact(String name, String phone, String email) {
        this.contactName = name;
        this.contactPhone = phone;
        this.contactEmail = email;
    }

    public void assignReference(String reference) {
        this.reference = reference;
    }

    public void recordFollowUp(String by, Instant at, String result, String note, String newStatus) {
        this.followedUpBy = by;
        this.followedUpAt = at;
        this.followUpResult = result;
        this.followUpNote = note;
        this.status = newStatus;
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public String getAgencyId() { return agencyId; }
    public String getCertificate() { return certificate; }
    public LocalDate getContactDate() { return contactDate; }
    public String getMatter() { return matter; }
    public int getScore() { return score; }
    public String getComment() { return comment; }
    public boolean isWantsReply() { return wantsReply; }
    public String getContactName() { return contactName; }
    public String getContactPhone() { return contactPhone; }
    public String getContactEmail() { return contactEmail; }
    public String getLanguage() { return language; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getStatus() { return status; }
    public LocalDate getFollowUpDue() { return followUpDue; }
    public String getFollowedUpBy() { return followedUpBy; }
    public Instant getFollowedUpAt() { return followedUpAt; }
    public String getFollowUpResult() { return followUpResult; }
    public String getFollowUpNote() { return followUpNote; }
    public String getSubmissionToken() { return submissionToken; }
    public int getVersion() { return version; }
}
