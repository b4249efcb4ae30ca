package cn.gov.enforcement.portal.account;

import java.io.PrintStream;
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
 */
@Component
@Order(0)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final AccountService accounts;
    private final AccountSettings settings;
    private final PrintStream console;

    @org.springframework.beans.factory.annotation.Autowired
    InitialAdministrator(AccountService accounts, AccountSettings settings) {
        this(accounts, settings, System.out);
    }

    /** With the stream the password is printed to (tests). */
    InitialAdministrator(AccountService accounts, AccountSettings settings, PrintStream console) {
        this.accounts = accounts;
        this.settings = settings;
        this.console = console;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.ensureInitialAdministrator().ifPresent(password -> {
            if (password.isEmpty()) {
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
}
