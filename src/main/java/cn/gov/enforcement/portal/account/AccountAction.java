package cn.gov.enforcement.portal.account;

/** What an entry of the account log records. */
public enum AccountAction {
    /** The first administrator, created on the first start. */
    INITIAL_ADMIN_CREATED,
    CREATED,
    /** An administrator changed the name or the notification e-mail; the detail names the fields. */
    EDITED,
    PASSWORD_RESET,
    ENABLED,
    DISABLED,
    /** The person changed their own password. */
    PASSWORD_CHANGED,
    /** The person changed or removed their own notification e-mail. */
    EMAIL_CHANGED,
    SIGNED_IN,
    /** The person signed out with the header's button. */
    SIGNED_OUT,
    /**
     * A signed-in session ended without signing out: the detail says whether it timed out (the browser was closed or
     * left idle), the server stopped, or the portal ended it because the account was disabled.
     */
    SESSION_ENDED,
    /** Wrong user name or password, or a disabled account; the detail says which of the last two. */
    SIGN_IN_FAILED,
    /** Refused without checking the password while the sign-in throttle was closed. */
    SIGN_IN_BLOCKED,
    /** An administrator lifted the lock that failed attempts put on the account's sign-in. */
    SIGN_IN_UNLOCKED;

    public String messageKey() {
        return "account.log.action." + name();
    }
}
