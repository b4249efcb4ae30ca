package cn.gov.enforcement.portal.account;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import jakarta.annotation.security.RolesAllowed;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts. Only administrators manage accounts; everyone signed in may change their own password. */
@Service
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AccountSettings settings;
    private final Optional<AgencyCatalog> agencies;
    private final CurrentUser currentUser;
    private final AccountLog log;
    private final LoginThrottle throttle;

    AccountService(UserAccountRepository users, PasswordEncoder encoder, Clock clock, AccountSettings settings,
            Optional<AgencyCatalog> agencies, CurrentUser currentUser, AccountLog log, LoginThrottle throttle) {
        this.log = log;
        this.throttle = throttle;
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.settings = settings;
        this.agencies = agencies;
        this.currentUser = currentUser;
    }

    /** What an administrator enters to create a staff account; the notification e-mail is optional. */
    public record NewUser(String username, String displayName, Role role, String agencyId, String email) {

        public NewUser(String username, String displayName, Role role, String agencyId) {
            this(username, displayName, role, agencyId, null);
        }
    }

    /** The created account and its one-time password, shown once to the administrator. */
    public record CreatedUser(UserSummary user, String initialPassword) {}

    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<UserSummary> list() {
        return users.findAllByOrderByUsernameAsc().stream().map(UserAccount::summary).toList();
    }

    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<AgencyCatalog.AgencyRef> agencies() {
        return agencies.map(AgencyCatalog::all).orElse(List.of());
    }

    /**
     * The enabled officers of one agency, for assigning work within it (for example a mediator). An
     * officer may ask only for their own agency, an administrator for any.
     */
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Transactional(readOnly = true)
    public List<UserSummary> officersOf(String agencyId) {
        currentUser.requireAgency(agencyId);
        return users.findAllByOrderByUsernameAsc().stream()
                .filter(u -> u.getRole() == Role.OFFICER && u.isEnabled() && agencyId.equals(u.getAgencyId()))
                .map(u -> u.summary().withoutEmail())
                .toList();
    }

    /**
     * The name of the staff member with this user name, for saying who did something on a record (a follow-up, a
     * step): any account, enabled or not; empty when there is no such account. An officer or editor learns only the
     * names of their own agency's accounts and of administrators, who act on every agency's records.
     */
    @RolesAllowed({"OFFICER", "EDITOR", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<String> staffName(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return users.findByUsernameIgnoreCase(username)
                .filter(u -> u.getRole() == Role.ADMIN || currentUser.canAccessAgency(u.getAgencyId()))
                .map(UserAccount::getDisplayName)
                .filter(name -> !name.isBlank());
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public CreatedUser create(NewUser input) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = input.username() == null ? "" : input.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "account.error.username"));
        } else if (users.findByUsernameIgnoreCase(username).isPresent()) {
            problems.add(new FieldProblem("username", "account.error.usernameTaken"));
        }
        String displayName = checkedDisplayName(input.displayName(), problems);
        String email = checkedEmail(input.email(), problems);
        if (input.role() == null) {
            problems.add(new FieldProblem("role", "account.error.role"));
        } else if (input.role().boundToAgency()) {
            if (input.agencyId() == null || input.agencyId().isBlank()) {
                problems.add(new FieldProblem("agencyId", "account.error.agencyRequired"));
            } else if (agencies.isPresent() && !agencies.get().exists(input.agencyId())) {
                problems.add(new FieldProblem("agencyId", "account.error.agencyUnknown"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        String password = randomPassword(Math.max(16, settings.passwordMinLength()));
        UserAccount account = new UserAccount(username, displayName, encoder.encode(password), true, input.role(),
                input.role().boundToAgency() ? input.agencyId().trim() : null, now());
        if (email != null) {
            account.changeEmail(email, now());
        }
        users.save(account);
        log.record(AccountAction.CREATED, username, actor(), null,
                account.getAgencyId() == null ? input.role().name() : input.role().name() + " " + account.getAgencyId());
        return new CreatedUser(account.summary(), password);
    }

    /**
     * An administrator corrects a staff member's name or notification e-mail (blank removes it). Both are checked
     * before anything changes.
     *
     * @throws ValidationFailure naming the fields that are wrong
     */
    @RolesAllowed("ADMIN")
    @Transactional
    public UserSummary update(long userId, String displayName, String email) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ValidationFailure.of("id", "account.error.notFound"));
        List<FieldProblem> problems = new ArrayList<>();
        String name = checkedDisplayName(displayName, problems);
        String address = checkedEmail(email, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        List<String> changed = new ArrayList<>();
        if (!name.equals(account.getDisplayName())) {
            changed.add("displayName");
            account.changeDisplayName(name, now());
        }
        if (!java.util.Objects.equals(address, account.getEmail())) {
            changed.add("email");
            account.changeEmail(address, now());
        }
        if (!changed.isEmpty()) {
            log.record(AccountAction.EDITED, account.getUsername(), actor(), null, String.join(" ", changed));
        }
        return account.summary();
    }

    /** Sets a new random password and returns it once. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String resetPassword(long userId) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ValidationFailure.of("id", "account.error.notFound"));
        String password = randomPassword(Math.max(16, settings.passwordMinLength()));
        account.changePassword(encoder.encode(password), true, passwordChangeTime());
        log.record(AccountAction.PASSWORD_RESET, account.getUsername(), actor(), null, null);
        return password;
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ValidationFailure.of("id", "account.error.notFound"));
        if (!enabled && currentUser.username().map(account.getUsername()::equalsIgnoreCase).orElse(false)) {
            throw ValidationFailure.of("enabled", "account.error.disableSelf");
        }
        if (account.isEnabled() != enabled) {
            account.setEnabled(enabled, now());
            log.record(enabled ? AccountAction.ENABLED : AccountAction.DISABLED, account.getUsername(), actor(), null, null);
        }
    }

    /**
     * The accounts whose sign-in is refused at the moment because of failed attempts with their user name, each with
     * the moment the refusal ends. Failures counted against a client address are not included: they block that
     * address, whatever the name.
     */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public Map<Long, OffsetDateTime> signInLocks() {
        OffsetDateTime now = now();
        Map<Long, OffsetDateTime> locks = new HashMap<>();
        for (UserAccount account : users.findAll()) {
            Duration left = throttle.lockedFor(account.getUsername());
            if (!left.isZero()) {
                locks.put(account.getId(), now.plus(left));
            }
        }
        return locks;
    }

    /**
     * Lets the account sign in again at once after failed attempts locked it (the person called and proved who they
     * are, say). Written to the account log; an account that is not locked is left alone and nothing is written.
     */
    @RolesAllowed("ADMIN")
    @Transactional
    public void releaseSignInLock(long userId) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ValidationFailure.of("id", "account.error.notFound"));
        if (!throttle.lockedFor(account.getUsername()).isZero()) {
            log.record(AccountAction.SIGN_IN_UNLOCKED, account.getUsername(), actor(), null, null);
            throttle.release(account.getUsername());
        }
    }

    /** Changes the signed-in user's own password after checking the current one. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword, String repeated) {
        String username = currentUser.username().orElseThrow();
        UserAccount account = users.findByUsernameIgnoreCase(username).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (currentPassword == null || !encoder.matches(currentPassword, account.getPasswordHash())) {
            problems.add(new FieldProblem("current", "account.error.currentPassword"));
        }
        problems.addAll(passwordProblems(newPassword, username, "password"));
        if (newPassword != null && !newPassword.equals(repeated)) {
            problems.add(new FieldProblem("repeat", "account.error.repeat"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        if (encoder.matches(newPassword, account.getPasswordHash())) {
            throw ValidationFailure.of("password", "account.error.passwordUnchanged");
        }
        OffsetDateTime changed = passwordChangeTime();
        account.changePassword(encoder.encode(newPassword), false, changed);
        log.record(AccountAction.PASSWORD_CHANGED, account.getUsername(), username, null, null);
        // the person's other sessions end; this one goes on, as if signed in with the new password just now
        org.springframework.security.core.context.SecurityContext context =
                org.springframework.security.core.context.SecurityContextHolder.getContext();
        if (context.getAuthentication() instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                signedIn && signedIn.getDetails() instanceof SignInDetails details) {
            context.setAuthentication(SignInDetails.signedInAt(signedIn, details.getRemoteAddress(),
                    details.getSessionId(), changed.toInstant()));
        }
    }

    /**
     * True while the signed-in user still has a password someone else set (an initial or reset password, or the
     * generated first administrator's): the portal then asks for a new one before anything else.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean mustChangeOwnPassword() {
        return currentUser.username().map(this::mustChangePassword).orElse(false);
    }

    /**
     * A successful sign-in of this account from that client address: written to the account log and noted on the
     * account (for finding accounts nobody uses), in one transaction.
     */
    @Transactional
    void signedIn(String username, String clientAddress, java.util.Locale language) {
        log.record(AccountAction.SIGNED_IN, username, null, clientAddress, null);
        String tag = language == null ? null : cn.gov.enforcement.portal.platform.LanguagePreference.tag(language);
        users.findByUsernameIgnoreCase(username).ifPresent(account -> account.signedIn(now(), tag));
    }

    /**
     * The language of a staff member's own mails: the one they last signed in with (the page's language then, as the
     * language switch or {@code ?lang=} chose it), Simplified Chinese before their first sign-in or for an unknown
     * name. Mails to an agency's address are not a person's and stay in Simplified Chinese.
     */
    @Transactional(readOnly = true)
    public java.util.Locale mailLanguage(String username) {
        if (username == null || username.isBlank()) {
            return cn.gov.enforcement.portal.platform.Translations.ZH_CN;
        }
        return users.findByUsernameIgnoreCase(username).map(UserAccount::getMailLanguage)
                .map(tag -> cn.gov.enforcement.portal.platform.Translations.supported(java.util.Locale.forLanguageTag(tag)))
                .orElse(cn.gov.enforcement.portal.platform.Translations.ZH_CN);
    }

    /** Whether a session of this account signed in at {@code signedInAt} may go on. */
    enum SessionState { VALID, DISABLED, PASSWORD_CHANGED }

    /**
     * {@link SessionState#DISABLED} when the account no longer exists or an administrator has disabled it,
     * {@link SessionState#PASSWORD_CHANGED} when its password changed after {@code signedInAt} (null: not known, not
     * checked): the session ends.
     */
    @Transactional(readOnly = true)
    SessionState sessionState(String username, java.time.Instant signedInAt) {
        Optional<UserAccount> account = users.findByUsernameIgnoreCase(username);
        if (account.isEmpty() || !account.get().isEnabled()) {
            return SessionState.DISABLED;
        }
        OffsetDateTime changed = account.get().getPasswordChangedAt();
        return signedInAt != null && changed != null && changed.toInstant().isAfter(signedInAt)
                ? SessionState.PASSWORD_CHANGED : SessionState.VALID;
    }

    /** The same for any user name, for the navigation gate; false for an unknown name. */
    @Transactional(readOnly = true)
    boolean mustChangePassword(String username) {
        return users.findByUsernameIgnoreCase(username).map(UserAccount::mustChangePassword).orElse(false);
    }

    /** The signed-in user's own notification address, if they gave one. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<String> ownEmail() {
        return currentUser.username().flatMap(users::findByUsernameIgnoreCase).map(UserAccount::getEmail);
    }

    /**
     * Sets (or, when blank, removes) the signed-in user's own address for notices about their work.
     *
     * @throws ValidationFailure when it is not one plain e-mail address
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnEmail(String email) {
        List<FieldProblem> problems = new ArrayList<>();
        String value = checkedEmail(email, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        UserAccount account = users.findByUsernameIgnoreCase(currentUser.username().orElseThrow()).orElseThrow();
        if (!java.util.Objects.equals(value, account.getEmail())) {
            account.changeEmail(value, now());
            log.record(AccountAction.EMAIL_CHANGED, account.getUsername(), account.getUsername(), null,
                    value == null ? "removed" : "set");
        }
    }

    /**
     * A person's name as stored: trimmed; a problem on {@code displayName} when empty or over 100 characters, or when
     * it holds a control, format or separator character (it is shown as mediator, signer and in timelines, and goes
     * into mails: see {@link TextChecks#isSingleLine}).
     */
    private static String checkedDisplayName(String displayName, List<FieldProblem> problems) {
        String value = displayName == null ? "" : displayName.trim();
        if (value.isEmpty() || value.length() > 100) {
            problems.add(new FieldProblem("displayName", "account.error.displayName"));
        } else if (!TextChecks.isSingleLine(value)) {
            problems.add(new FieldProblem("displayName", TextChecks.SINGLE_LINE));
        }
        return value;
    }

    /** A notification address as stored: stripped, null when blank; a problem on {@code email} when malformed. */
    private static String checkedEmail(String email, List<FieldProblem> problems) {
        String value = email == null ? "" : email.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!cn.gov.enforcement.portal.notification.Outbox.isValidAddress(value)) {
            problems.add(new FieldProblem("email", "account.error.email"));
            return null;
        }
        return value;
    }

    /**
     * Where notices about a staff member's work go: their own address when they gave one and their account is
     * enabled. For the portal's services only (mail about a case assigned to them); nothing shows it.
     */
    @Transactional(readOnly = true)
    public Optional<String> notificationEmail(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return users.findByUsernameIgnoreCase(username).filter(UserAccount::isEnabled).map(UserAccount::getEmail);
    }

    List<FieldProblem> passwordProblems(String password, String username, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.length() < settings.passwordMinLength()) {
            problems.add(new FieldProblem(field, "account.error.passwordLength", settings.passwordMinLength()));
        } else if (password.length() > 128) {
            problems.add(new FieldProblem(field, "account.error.passwordTooLong"));
        } else if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            problems.add(new FieldProblem(field, "account.error.passwordContainsName"));
        } else {
            PasswordRules.problem(password).ifPresent(key -> problems.add(new FieldProblem(field, key)));
        }
        return problems;
    }

    /** Whether an administrator account exists (disabled ones too: none is ever removed). */
    @Transactional(readOnly = true)
    boolean administratorExists() {
        return users.existsByRole(Role.ADMIN);
    }

    /** Creates the first administrator when none exists; returns the generated password, if one was generated. */
    @Transactional
    Optional<String> ensureInitialAdministrator() {
        if (users.existsByRole(Role.ADMIN)) {
            return Optional.empty();
        }
        String configured = settings.initialAdminPassword();
        boolean generate = configured == null || configured.isBlank();
        String password = generate ? randomPassword(20) : configured;
        if (!generate && !passwordProblems(password, settings.initialAdminUsername(), "password").isEmpty()) {
            throw new IllegalStateException("portal.account.initial-admin-password must have at least "
                    + settings.passwordMinLength() + " characters and must not contain the user name, be one character "
                    + "repeated, be made of runs of letters, digits or keys (abcdef, 123456, qwerty), have fewer than "
                    + PasswordRules.MIN_DISTINCT + " different characters or be a common password (password, qwerty, "
                    + "woaini, with or without digits after it)");
        }
        // a generated password was printed on the console, so it is replaced at the first sign-in; a configured one is the
        // operator's choice
        // named in the portal's own language; the administrator may rename the account
        users.save(new UserAccount(settings.initialAdminUsername(), "系统管理员", encoder.encode(password), generate,
                Role.ADMIN, null, now()));
        log.record(AccountAction.INITIAL_ADMIN_CREATED, settings.initialAdminUsername(), null, null,
                generate ? "generated" : "configured");
        return generate ? Optional.of(password) : Optional.of("");
    }

    static String randomPassword(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The signed-in administrator (or person) doing the change. */
    private String actor() {
        return currentUser.username().orElse(null);
    }

    /** Now to the millisecond, so that the time read back from the database is the same instant on every database. */
    private OffsetDateTime passwordChangeTime() {
        return now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
