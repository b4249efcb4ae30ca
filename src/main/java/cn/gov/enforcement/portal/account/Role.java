package cn.gov.enforcement.portal.account;

/** Staff roles. The public needs no account. */
public enum Role {
    /** Sees and manages every agency, users, the outbox and content problems. */
    ADMIN,
    /** Handles cases of the one agency they belong to. */
    OFFICER,
    /** Edits the published content of the one agency they belong to. */
    EDITOR;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean boundToAgency() {
        return this != ADMIN;
    }
}
