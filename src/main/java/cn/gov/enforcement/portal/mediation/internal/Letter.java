package cn.gov.enforcement.portal.mediation.internal;

import cn.gov.enforcement.portal.mediation.DisputeCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A notice-and-guidance letter (告知引导书) an officer sent a party, with the code that pre-fills the application.
 *
 * <p>The texts people type are limited in characters (an emoji or 𠀀 counts once); their columns hold twice the limit,
 * as many UTF-16 units as such characters take (H2 counts those; V35).
 */
@Entity
@Table(name = "mediation_letter")
public class Letter {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mediation_letter_seq")
    @SequenceGenerator(name = "mediation_letter_seq", sequenceName = "mediation_letter_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 20, unique = true)
    private String code;

    @Column(name = "agency_id", nullable = false, length = 80)
    private String agencyId;

    @Column(nullable = false, length = 100)
    private String officer;

    @Column(nullable = false, length = 30)
    private String situation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private DisputeCategory category;

    @Column(name = "party_name", nullable = false, length = 200)
    private String partyName;

    @Column(name = "party_email", length = 254)
    private String partyEmail;

    @Column(name = "party_language", nullable = false, length = 10)
    private String partyLanguage;

    @Column(name = "other_party_name", nullable = false, length = 200)
    private String otherPartyName;

    @Column(nullable = false, length = 4000)
    private String facts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected Letter() {}

    public Letter(String code, String agencyId, String officer, String situation, DisputeCategory category,
            String partyName, String partyEmail, String partyLanguage, String otherPartyName, String facts,
            Instant createdAt, Instant expiresAt) {
        this.code = code;
        this.agencyId = agencyId;
        this.officer = officer;
        this.situation = situation;
        this.category = category;
        this.partyName = partyName;
        this.partyEmail = partyEmail;
        this.partyLanguage = partyLanguage;
        this.otherPartyName = otherPartyName;
        this.facts = facts;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String code() {
        return code;
    }

    public String agencyId() {
        return agencyId;
    }

    public String officer() {
        return officer;
    }

    public String situation() {
        return situation;
    }

    public DisputeCategory category() {
        return category;
    }

    public String partyName() {
        return partyName;
    }

    public String partyEmail() {
        return partyEmail;
    }

    public String partyLanguage() {
        return partyLanguage;
    }

    public String otherPartyName() {
        return otherPartyName;
    }

    public String facts() {
        return facts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
