package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class InitialAdministratorTest {

    private final UserAccountRepository users = mock(UserAccountRepository.class);
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final CurrentUser nobody = mock(CurrentUser.class);

    private final EarlierUse nothingEarlier = earlierUse();

    private static AccountSettings settings(String configuredPassword) {
        return new AccountSettings("admin", configuredPassword, 5, Duration.ofMinutes(15), 12, null);
    }

    private AccountService service(String configuredPassword) {
        AccountSettings settings = settings(configuredPassword);
        return new AccountService(users, encoder, Clock.systemUTC(), settings, Optional.empty(), nobody,
                mock(AccountLog.class), new LoginThrottle(Clock.systemUTC(), settings));
    }

    @Test
    void without_a_configured_password_a_random_one_is_generated_and_only_its_hash_is_stored() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(false);
        Optional<String> password = service(null).ensureInitialAdministrator();
        assertThat(password).isPresent();
        assertThat(password.get()).hasSize(20);
        ArgumentCaptor<UserAccount> saved = ArgumentCaptor.forClass(UserAccount.class);
        verify(users).save(saved.capture());
        assertThat(saved.getValue().getUsername()).isEqualTo("admin");
        assertThat(saved.getValue().getRole()).isEqualTo(Role.ADMIN);
        assertThat(saved.getValue().getPasswordHash()).doesNotContain(password.get());
        assertThat(encoder.matches(password.get(), saved.getValue().getPasswordHash())).isTrue();
        assertThat(saved.getValue().mustChangePassword()).as("a printed password is replaced at the first sign-in").isTrue();
        // another first start gets another password: there is no fixed default
        assertThat(service(null).ensureInitialAdministrator().get()).isNotEqualTo(password.get());
    }

    @Test
    void a_configured_password_is_used_and_not_printed() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(false);
        assertThat(service("Configured-Secret-42").ensureInitialAdministrator()).contains("");
        ArgumentCaptor<UserAccount> saved = ArgumentCaptor.forClass(UserAccount.class);
        verify(users).save(saved.capture());
        assertThat(encoder.matches("Configured-Secret-42", saved.getValue().getPasswordHash())).isTrue();
        assertThat(saved.getValue().mustChangePassword()).as("the operator chose it").isFalse();
    }

    @Test
    void a_weak_configured_password_stops_the_start() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(false);
        assertThatThrownBy(() -> service("short").ensureInitialAdministrator())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("12");
        verify(users, never()).save(any());
    }

    @Test
    void a_generated_password_is_printed_on_the_console_and_never_written_to_the_log() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(false);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(InitialAdministrator.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        AccountSettings settings = new AccountSettings("admin", null, 5, Duration.ofMinutes(15), 12, null);
        AccountService accounts = mock(AccountService.class);
        when(accounts.ensureInitialAdministrator()).thenReturn(Optional.of("Generated-Secret-Xy7"));
        try {
            new InitialAdministrator(accounts, settings, nothingEarlier,
                    new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8)).run(null);
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("'admin'", "Generated-Secret-Xy7");
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains("'admin'", "generated password", "console")
                    .doesNotContain("Generated-Secret-Xy7");
            assertThat(event.getArgumentArray()).noneMatch(a -> String.valueOf(a).contains("Generated-Secret-Xy7"));
        });
    }

    /** Runs the initial administrator's start with the log captured; returns the console's text. */
    private String runLogging(AccountService accounts, AccountSettings settings, EarlierUse earlier,
            List<ILoggingEvent> logged) {
        Logger logger = (Logger) LoggerFactory.getLogger(InitialAdministrator.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try {
            new InitialAdministrator(accounts, settings, earlier, new PrintStream(console, true, StandardCharsets.UTF_8))
                    .run(null);
        } finally {
            logger.detachAppender(appender);
        }
        logged.addAll(appender.list);
        return console.toString(StandardCharsets.UTF_8);
    }

    private static EarlierUse earlierUse(EarlierUse.Found... found) {
        EarlierUse earlier = mock(EarlierUse.class);
        when(earlier.find()).thenReturn(List.of(found));
        return earlier;
    }

    private static final EarlierUse.Found CASES = new EarlierUse.Found(EarlierUse.TABLES.get(1), 12);
    private static final EarlierUse.Found ACCOUNTS = new EarlierUse.Found(EarlierUse.TABLES.get(0), 3);

    @Test
    void a_database_a_portal_has_used_gets_no_generated_administrator_but_a_warning_saying_what_to_do() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(false);
        AccountService accounts = spy(service(null));
        List<ILoggingEvent> logged = new ArrayList<>();

        String console = runLogging(accounts, settings(null), earlierUse(ACCOUNTS, CASES), logged);

        verify(accounts, never()).ensureInitialAdministrator();
        verify(users, never()).save(any());
        assertThat(console).as("no password printed").isEmpty();
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("No administrator created")
                    .contains("3 staff accounts (portal_user), 12 mediation cases (mediation_case)")
                    .contains("not a first start").contains("restore a complete backup")
                    .contains("--portal.account.initial-admin-password=").contains("PORTAL_ADMIN_PASSWORD")
                    .contains("'admin'");
        });
    }

    @Test
    void with_a_configured_password_the_administrator_is_created_on_such_a_database_with_a_warning() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(false);
        List<ILoggingEvent> logged = new ArrayList<>();

        String console = runLogging(service("Configured-Secret-42"), settings("Configured-Secret-42"),
                earlierUse(CASES), logged);

        ArgumentCaptor<UserAccount> saved = ArgumentCaptor.forClass(UserAccount.class);
        verify(users).save(saved.capture());
        assertThat(saved.getValue().getRole()).isEqualTo(Role.ADMIN);
        assertThat(console).isEmpty();
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("Created administrator 'admin' with the configured "
                    + "password").contains("12 mediation cases (mediation_case)").contains("restore a complete backup")
                    .doesNotContain("Configured-Secret-42");
        });
    }

    @Test
    void a_database_no_portal_has_used_is_a_first_start() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(false);
        List<ILoggingEvent> logged = new ArrayList<>();

        String console = runLogging(service(null), settings(null), earlierUse(), logged);

        verify(users).save(any());
        assertThat(console).contains("First start: created administrator 'admin'");
        assertThat(logged).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("First start");
    }

    @Test
    void the_database_is_not_looked_at_when_an_administrator_exists() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(true);
        EarlierUse earlier = earlierUse(CASES);

        String console = runLogging(service(null), settings(null), earlier, new ArrayList<>());

        verify(earlier, never()).find();
        verify(users, never()).save(any());
        assertThat(console).isEmpty();
    }

    @Test
    void nothing_happens_when_an_administrator_exists() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(true);
        assertThat(service(null).ensureInitialAdministrator()).isEmpty();
        verify(users, never()).save(any());
    }
}
