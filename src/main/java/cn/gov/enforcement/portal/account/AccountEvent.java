package cn.gov.enforcement.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One entry of the account log; never changed once written. */
@Entity
@Table(name = "account_event")
class AccountEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AccountAction action;

    @Column(nullable = false, length = 64)
    private String username;

    /** The name in lower case, what the log is filtered by (indexed with the time). */
    @Column(name = "username_key", nullable = false, length = 64)
    private String usernameKey;

    @Column(length = 64)
    private String actor;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(length = 200)
    private String detail;

    protected AccountEvent() {}

    AccountEvent(OffsetDateTime occurredAt, AccountAction action, String username, String actor, String clientAddress,
            String detail) {
        this.occurredAt = occurredAt;
        this.action = action;
        this.username = username;
        this.usernameKey = key(username);
        this.actor = actor;
        this.clientAddress = clientAddress;
        this.detail = detail;
    }

    /** What a name is filtered by: lower case, so a person is found whatever case they typed. */
    static String key(String username) {
        String key = username.toLowerCase(java.util.Locale.ROOT);
        // lower case can be longer (İ becomes i and a combining dot): the column holds 64, as left(lower(name), 64)
        return key.length() > 64 ? key.substring(0, 64) : key;
    }

    AccountLogEntry entry() {
        return new AccountLogEntry(occurredAt.toInstant(), action, username, actor, clientAddress, detail);
    }
}
