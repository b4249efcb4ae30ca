package cn.gov.enforcement.portal.account;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator on the first start: from {@code portal.account.initial-admin-*}
 * settings, or with a random password printed once on the console (standard output). There is never a fixed default
 * password. The generated password is never written to the log ({@code portal.log} is kept, copied and sent around
 * for far longer than the password may be known); the log says only that one was generated and where it was shown.
 *
 * <p>A database without an administrator that already holds what only a portal in use writes ({@link EarlierUse}: a
 * restore that went wrong, a wrong backup) is not a first start: no password is generated for it, and a WARN names
 * what was found and what to do (restore a complete backup, or set the initial password deliberately). With a
 * configured password the administrator is created, and the WARN says on what.
 */
@Component
@Order(0)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final AccountService accounts;
    private final AccountSettings settings;
    private final EarlierUse earlierUse;
    private final PrintStream console;

    @org.springframework.beans.factory.annotation.Autowired
    InitialAdministrator(AccountService accounts, AccountSettings settings, EarlierUse earlierUse) {
        this(accounts, settings, earlierUse, System.out);
    }

    /** With the stream the password is printed to (tests). */
    InitialAdministrator(AccountService accounts, AccountSettings settings, EarlierUse earlierUse,
            PrintStream console) {
        this.accounts = accounts;
        this.settings = settings;
        this.earlierUse = earlierUse;
        this.console = console;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.administratorExists()) {
            return;
        }
        List<EarlierUse.Found> found = earlierUse.find();
        String configured = settings.initialAdminPassword();
        if (!found.isEmpty() && (configured == null || configured.isBlank())) {
            log.warn("No administrator created: the database has no administrator account, but it holds what only a "
                    + "portal in use writes: {}. This is not a first start: the database was restored incompletely or "
                    + "from the wrong backup. Stop the portal and restore a complete backup (see \"Backup and "
                    + "restore\" in README.md); or, to go on with this database, set the administrator's password "
                    + "deliberately (--portal.account.initial-admin-password=..., PORTAL_ADMIN_PASSWORD with the prod "
                    + "profile) and "
                    + "start again: administrator '{}' is then created with it. Until then nobody can sign in as an "
                    + "administrator; the public pages are served.", describe(found), settings.initialAdminUsername());
            return;
        }
        accounts.ensureInitialAdministrator().ifPresent(password -> {
            if (!found.isEmpty()) {
                log.warn("Created administrator '{}' with the configured password (portal.account.initial-admin-"
                        + "password) in a database that had no administrator account but holds what only a portal in "
                        + "use writes: {}. If this is not the database meant to be used (a restore that went wrong), "
                        + "stop the portal and restore a complete backup (see \"Backup and restore\" in README.md).",
                        settings.initialAdminUsername(), describe(found));
            } else if (password.isEmpty()) {
                log.info("Created the first administrator '{}' with the configured password.", settings.initialAdminUsername());
            } else {
                console.println("""

                        ================================================================
                         First start: created administrator '%s' with password
                             %s
                         This password is shown only once, here on the console; it is not
                         in the log file. Sign in at /login and replace it there.
                        ================================================================
                        """.formatted(settings.initialAdminUsername(), password));
                console.flush();
                log.warn("First start: created administrator '{}' with a generated password, printed once on the "
                        + "console (standard output: the terminal, nohup.out or the service's journal) and not written "
                        + "to this log. Sign in at /login and replace it there.", settings.initialAdminUsername());
            }
        });
    }

    private static String describe(List<EarlierUse.Found> found) {
        return found.stream().map(EarlierUse.Found::toString).collect(Collectors.joining(", "));
    }
}
