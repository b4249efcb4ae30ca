package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class InitialAdministratorTest {

    private final UserAccountRepository users = mock(UserAccountRepository.class);
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final CurrentUser nobody = mock(CurrentUser.class);

    private AccountService service(String configuredPassword) {
        AccountSettings settings = new AccountSettings("admin", configuredPassword, 5, Duration.ofMinutes(15), 12, null);
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
            new InitialAdministrator(accounts, settings,
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

    @Test
    void nothing_happens_when_an_administrator_exists() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(true);
        assertThat(service(null).ensureInitialAdministrator()).isEmpty();
        verify(users, never()).save(any());
    }
}
