package cn.gov.enforcement.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

@Entity
@Table(name = "portal_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "agency_id", length = 100)
    private String agencyId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(length = 254)
    private String email;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** The language of the last sign-in (a language tag), for the person's own mails; null before the first. */
    @Column(name = "mail_language", length = 16)
    private String mailLanguage;

    @Column(name = "last_sign_in_at")
    private OffsetDateTime lastSignInAt;

    /** When the password last changed: sessions signed in before then end. Null when never changed. */
    @Column(name = "password_changed_at")
    private OffsetDateTime passwordChangedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected UserAccount() {}

    /** {@code mustChangePassword}: the password was set by someone else and is replaced at the first sign-in. */
    UserAccount(String username, String displayName, String passwordHash, boolean mustChangePassword, Role role,
            String agencyId, OffsetDateTime now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
        this.role = role;
        this.agencyId = role.boundToAgency() ? agencyId : null;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Long getId() { return id; }
    String getUsername() { return username; }
    String getDisplayName() { return displayName; }
    String getPasswordHash() { return passwordHash; }
    Role getRole() { return role; }
    String getAgencyId() { return agencyId; }
    boolean isEnabled() { return enabled; }
    String getEmail() { return email; }
    OffsetDateTime getCreatedAt() { return createdAt; }
    OffsetDateTime getUpdatedAt() { return updatedAt; }

    boolean mustChangePassword() { return mustChangePassword; }
    OffsetDateTime getPasswordChangedAt() { return passwordChangedAt; }

    /** A successful sign-in in that language (a tag); does not count as a change of the account. */
    void signedIn(OffsetDateTime at, String language) {
        this.lastSignInAt = at;
        if (language != null) {
            this.mailLanguage = language;
        }
    }

    String getMailLanguage() { return mailLanguage; }

    /**
     * A new password hash; {@code setBySomeoneElse} (an initial or reset password) makes the person replace it at
     * their next sign-in, their own change clears that. Sessions signed in before {@code now} end.
     */
    void changePassword(String hash, boolean setBySomeoneElse, OffsetDateTime now) {
        this.passwordHash = hash;
        this.mustChangePassword = setBySomeoneElse;
        this.passwordChangedAt = now;
        this.updatedAt = now;
    }

    void changeDisplayName(String displayName, OffsetDateTime now) {
        this.displayName = displayName;
        this.updatedAt = now;
    }

    void changeEmail(String email, OffsetDateTime now) {
        this.email = email;
        this.updatedAt = now;
    }

    void setEnabled(boolean enabled, OffsetDateTime now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    UserSummary summary() {
        return new UserSummary(id, username, displayName, role, agencyId, enabled, createdAt, email, lastSignInAt);
    }
}
