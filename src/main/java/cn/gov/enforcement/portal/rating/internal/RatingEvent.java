package cn.gov.enforcement.portal.rating.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A step a staff member took on a rating's contact details (corrected, erased): who, when and which fields; never
 * the details themselves.
 */
@Entity
@Table(name = "enforcement_rating_event")
public class RatingEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enforcement_rating_event_seq")
    @SequenceGenerator(name = "enforcement_rating_event_seq", sequenceName = "enforcement_rating_event_seq",
            allocationSize = 1)
    private Long id;

    @Column(name = "rating_id", nullable = false)
    private long ratingId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(nullable = false, length = 30)
    private String kind;

    /** The fields changed, comma-separated (contactName, contactPhone, contactEmail). */
    @Column(length = 100)
    private String fields;

    protected RatingEvent() {}

    public RatingEvent(long ratingId, Instant occurredAt, String username, String kind, String fields) {
        this.ratingId = ratingId;
        this.occurredAt = occurredAt;
        this.username = username;
        this.kind = kind;
        this.fields = fields;
    }

    public Long getId() { return id; }
    public long getRatingId() { return ratingId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getUsername() { return username; }
    public String getKind() { return kind; }
    public String getFields() { return fields; }
}
