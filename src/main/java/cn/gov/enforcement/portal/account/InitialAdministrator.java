package cn.gov.enforcement.portal.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator on the first start: from {@code portal.account.initial-admin-*}
 * settings, or with a random password printed once to the log. There is never a fixed default password.
 */
@Component
@Order(0)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final AccountService accounts;
    private final AccountSettings settings;

    InitialAdministrator(AccountService accounts, AccountSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.ensureInitialAdministrator().ifPresent(password -> {
            if (password.isEmpty()) {
                log.info("Created the first administrator '{}' with the configured password.", settings.initialAdminUsername());
            } else {
                log.warn("""

                        ================================================================
                         First start: created administrator '{}' with password
                             {}
                         This password is shown only once. Sign in at /login and change it
                         at /account/password.
                        ================================================================""",
                        settings.initialAdminUsername(), password);
            }
        });
    }
}
