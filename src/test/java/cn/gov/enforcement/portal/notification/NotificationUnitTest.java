package cn.gov.enforcement.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.notification.internal.SmtpFailures;
import cn.gov.enforcement.portal.platform.Translations;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mail.MailSendException;

class NotificationUnitTest {

    @Test
    void backoff_doubles_from_the_initial_wait_and_stops_at_the_maximum() {
        NotificationSettings settings = new NotificationSettings(null, null, null, null, null, null, null, null, null, null);
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.backoffAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void settings_have_the_documented_defaults() {
        NotificationSettings settings = new NotificationSettings(null, null, null, null, null, null, null, null, null, null);
        assertThat(settings.from()).isEqualTo("noreply@portal.invalid");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.maxAttempts()).isEqualTo(8);
        assertThat(settings.maxBackoff()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.sendingLease()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.dispatchEnabled()).isTrue();
    }

    @Test
    void an_invalid_sender_address_is_refused_at_startup() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NotificationSettings("not an address <", null, null, null,
                null, null, null, null, null, null)).hasMessageContaining("portal.notification.from");
        assertThat(new NotificationSettings("执法服务平台 <noreply@example.cn>", null, null, null, null, null, null, null, null, null)
                .from()).isEqualTo("执法服务平台 <noreply@example.cn>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zhang.san@example.cn", "a+b@mail.gov.cn", "x_y@sub.example.com",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.cn"})
    void plain_addresses_are_accepted(String address) {
        assertThat(Outbox.isValidAddress(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zhangsan", "zhangsan@", "@example.cn", "a@localhost", "a@b.cn, c@d.cn",
            "张三 <a@b.cn>", "a b@c.cn", "a@b.cn\r\nBcc: c@d.cn", "a@.cn", "a@b.", "a@example.c",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.cn"})
    void invalid_addresses_are_refused(String address) {
        assertThat(Outbox.isValidAddress(address)).isFalse();
    }

    @Test
    void a_5xx_reply_nested_in_a_mail_send_exception_is_permanent() throws Exception {
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(new InternetAddress("a@b.cn"), "RCPT TO", 550,
                "550 5.1.1 mailbox unavailable");
        SendFailedException invalid = new SendFailedException("Invalid Addresses", rcpt);
        MailSendException wrapped = new MailSendException(Map.of(new Object(), invalid));
        assertThat(SmtpFailures.isPermanent(wrapped)).isTrue();
        assertThat(SmtpFailures.describe(wrapped)).contains("550 5.1.1 mailbox unavailable");

        SMTPSendFailedException data = new SMTPSendFailedException("DATA", 554, "554 rejected as spam", null, null, null, null);
        assertThat(SmtpFailures.isPermanent(new MailSendException("failed", data))).isTrue();
    }

    @Test
    void a_4xx_reply_or_a_connection_problem_is_transient() throws Exception {
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(new InternetAddress("a@b.cn"), "RCPT TO", 451,
                "451 4.3.0 try later");
        assertThat(SmtpFailures.isPermanent(new MailSendException(Map.of(new Object(),
                new SendFailedException("Invalid Addresses", rcpt))))).isFalse();
        assertThat(SmtpFailures.isPermanent(new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host", new java.net.ConnectException("Connection refused")))))
                .isFalse();
    }

    @Test
    void the_common_failures_are_explained_with_the_server_address_or_reply() throws Exception {
        // what Spring and Angus throw when nothing listens on the configured port
        MessagingException refused = new org.eclipse.angus.mail.util.MailConnectException(
                new org.eclipse.angus.mail.util.SocketConnectException("Using socket factory class",
                        new java.net.ConnectException("Connection refused"), "127.0.0.1", 2599, 30000));
        SmtpFailures.Explanation connect = SmtpFailures.explain(new MailSendException("Mail server connection failed", refused));
        assertThat(connect.kind()).isEqualTo(SmtpFailures.Kind.CONNECT);
        assertThat(connect.detail()).isEqualTo("127.0.0.1:2599");
        assertThat(connect.raw()).contains("MailConnectException", "Connection refused");

        MessagingException slow = new org.eclipse.angus.mail.util.MailConnectException(
                new org.eclipse.angus.mail.util.SocketConnectException("Using socket factory class",
                        new java.net.SocketTimeoutException("Connect timed out"), "smtp.example.cn", 25, 30000));
        assertThat(SmtpFailures.explain(new MailSendException("Mail server connection failed", slow)))
                .extracting(SmtpFailures.Explanation::kind, SmtpFailures.Explanation::detail)
                .containsExactly(SmtpFailures.Kind.TIMEOUT, "smtp.example.cn:25");
        assertThat(SmtpFailures.explain(new MailSendException("failed", new MessagingException("Exception reading response",
                new java.net.SocketTimeoutException("Read timed out")))).kind()).isEqualTo(SmtpFailures.Kind.TIMEOUT);

        assertThat(SmtpFailures.explain(new org.springframework.mail.MailAuthenticationException(
                new jakarta.mail.AuthenticationFailedException("535 5.7.8 Authentication credentials invalid"))).kind())
                .isEqualTo(SmtpFailures.Kind.AUTHENTICATION);

        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(new InternetAddress("a@b.cn"), "RCPT TO", 550,
                "550 5.1.1 mailbox unavailable");
        assertThat(SmtpFailures.explain(new MailSendException(Map.of(new Object(),
                new SendFailedException("Invalid Addresses", rcpt)))))
                .extracting(SmtpFailures.Explanation::kind, SmtpFailures.Explanation::detail)
                .containsExactly(SmtpFailures.Kind.RECIPIENT, "550 5.1.1 mailbox unavailable");

        SMTPSendFailedException data = new SMTPSendFailedException("DATA", 554, "554 rejected\n", null, null, null, null);
        assertThat(SmtpFailures.explain(new MailSendException("failed", data)))
                .extracting(SmtpFailures.Explanation::kind, SmtpFailures.Explanation::detail)
                .containsExactly(SmtpFailures.Kind.MESSAGE, "554 rejected");
        assertThat(SmtpFailures.explain(new MailSendException("failed", new org.eclipse.angus.mail.smtp.SMTPSenderFailedException(
                new InternetAddress("noreply@example.cn"), "MAIL FROM", 553, "553 5.7.1 sender not allowed"))))
                .extracting(SmtpFailures.Explanation::kind, SmtpFailures.Explanation::detail)
                .containsExactly(SmtpFailures.Kind.SENDER, "553 5.7.1 sender not allowed");

        assertThat(SmtpFailures.explain(new MailSendException("failed", new MessagingException("Could not convert socket to TLS",
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed")))).kind()).isEqualTo(SmtpFailures.Kind.TLS);
        assertThat(SmtpFailures.explain(new IllegalStateException("something else")).kind()).isEqualTo(SmtpFailures.Kind.OTHER);
        assertThat(SmtpFailures.explain((String) null)).isNull();
    }

    @Test
    void addresses_are_masked_for_the_log() {
        assertThat(SmtpFailures.withoutAddresses("550 5.1.1 <jiandu@scjg.sample.gov.cn>: Recipient address rejected; to a.b@c.cn"))
                .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected; to <address>")
                .doesNotContain("@");
    }

    @Test
    void the_notification_bundles_have_the_same_keys_in_every_language() {
        Map<Locale, Properties> bundles = Translations.readBundles().get("notification");
        assertThat(bundles).containsOnlyKeys(Translations.LOCALES);
        Properties zhCn = bundles.get(Translations.ZH_CN);
        assertThat(zhCn).containsKeys("menu.admin.outbox", "menu.admin.outbox.desc");
        for (MailStatus status : MailStatus.values()) {
            assertThat(zhCn).containsKey("notification.status." + status.name());
        }
        for (Locale locale : Translations.LOCALES) {
            assertThat(bundles.get(locale).keySet()).as(locale.toString()).isEqualTo(zhCn.keySet());
            bundles.get(locale).forEach((k, v) -> assertThat((String) v).as(k + " in " + locale).isNotBlank());
        }
    }
}
