package cn.gov.enforcement.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.enforcement.portal.notification.ui.OutboxView;
import cn.gov.enforcement.portal.platform.Translations;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin outbox view, rendered by Karibu with a stubbed administration service (no Spring). */
class OutboxViewTest {

    private final OutboxAdministration administration = mock(OutboxAdministration.class);
    private final OutboxMessage failed = new OutboxMessage(7L, "ack-7", "zhang.san@example.cn", "Your application",
            "Plain text body", "<p>html</p>", Locale.ENGLISH, MailStatus.FAILED, 1,
            Instant.parse("2026-03-02T01:00:00Z"), Instant.parse("2026-03-02T01:00:00Z"), null, null,
            "SMTPAddressFailedException: 550 5.1.1 mailbox unavailable");
    private final OutboxMessage sent = new OutboxMessage(8L, "ack-8", "li.si@example.cn", "Reminder", "Body", null,
            Locale.ENGLISH, MailStatus.SENT, 1, Instant.parse("2026-03-02T02:00:00Z"),
            Instant.parse("2026-03-02T02:00:00Z"), null, Instant.parse("2026-03-02T02:00:05Z"), null);

    /** The portal's clock: times show in its zone, not the server's. */
    private static final java.time.Clock CHINA = java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        System.setProperty("vaadin.i18n.provider", Translations.class.getName());
        try {
            MockVaadin.setup(new Routes());
        } catch (IllegalStateException incompatible) {
            // Karibu-Testing 2.6.x refuses Vaadin 24; the pom must pin a Karibu release built for Vaadin 24
            Assumptions.abort("Skipped: the Karibu-Testing version in pom.xml does not support this Vaadin version ("
                    + incompatible.getMessage() + "); run with -Dkaribu.version=2.5.0");
        }
        UI.getCurrent().setLocale(Locale.ENGLISH);
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus s : MailStatus.values()) {
            counts.put(s, 0L);
        }
        counts.put(MailStatus.FAILED, 1L);
        when(administration.mode()).thenReturn("hold");
        when(administration.countByStatus()).thenReturn(counts);
        when(administration.count(isNull())).thenReturn(2L);
        when(administration.list(isNull(), anyInt(), anyInt())).thenAnswer(call -> page(List.of(sent, failed),
                call.getArgument(1), call.getArgument(2)));
        when(administration.count(MailStatus.FAILED)).thenReturn(1L);
        when(administration.list(eq(MailStatus.FAILED), anyInt(), anyInt())).thenAnswer(call -> page(List.of(failed),
                call.getArgument(1), call.getArgument(2)));
        when(administration.find(7L)).thenReturn(Optional.of(failed));
        when(administration.retry(7L)).thenReturn(true);
    }

    private static List<OutboxMessage> page(List<OutboxMessage> all, int offset, int limit) {
        return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        System.clearProperty("vaadin.i18n.provider");
    }

    @Test
    void the_view_lists_mails_with_translated_statuses_and_filters_by_status() {
        OutboxView view = new OutboxView(administration, CHINA);
        UI.getCurrent().add(view);

        assertThat(view.getPageTitle()).isEqualTo("Mail outbox");
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("outbox-mode")).getText())
                .startsWith("No mail server is configured");
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("outbox-summary")).getText())
                .isEqualTo("0 waiting, 1 failed, 0 with unknown outcome.");

        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> grid = LocatorJ._get(Grid.class, spec -> spec.withId("outbox-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid, 1)).contains("zhang.san@example.cn", "Your application", "Failed",
                "The mail server refused the recipient address; its reply: 550 5.1.1 mailbox unavailable");
        // 01:00 UTC is 09:00 in Beijing, whatever the server's zone
        assertThat(String.join(" | ", GridKt._getFormattedRow(grid, 1))).contains("Mar 2, 2026, 9:00:00");

        @SuppressWarnings("unchecked")
        Select<MailStatus> filter = LocatorJ._get(Select.class, spec -> spec.withId("outbox-status-filter"));
        filter.setValue(MailStatus.FAILED);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("zhang.san@example.cn");
        verify(administration).list(eq(MailStatus.FAILED), anyInt(), anyInt());
    }

    @Test
    void the_detail_dialog_shows_the_body_and_sends_a_failed_mail_again() {
        OutboxView view = new OutboxView(administration, CHINA);
        UI.getCurrent().add(view);
        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> grid = LocatorJ._get(Grid.class, spec -> spec.withId("outbox-grid"));

        ((Button) GridKt._getCellComponent(grid, 1, "details")).click();
        assertThat(LocatorJ._find(com.vaadin.flow.component.dialog.Dialog.class)).hasSize(1);
        assertThat(LocatorJ._find(Pre.class)).extracting(Pre::getText).contains("Plain text body", "<p>html</p>");

        LocatorJ._get(Button.class, spec -> spec.withId("outbox-retry")).click();
        verify(administration).retry(7L);
        NotificationsKt.expectNotifications("The mail is back in the queue.");
        verify(administration, org.mockito.Mockito.atLeast(2)).countByStatus();
    }

    @Test
    void on_a_narrow_window_each_mail_is_a_card_with_its_details_button_until_it_widens() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        OutboxView view = new OutboxView(administration, CHINA);
        UI.getCurrent().add(view);
        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> grid = LocatorJ._get(Grid.class, spec -> spec.withId("outbox-grid"));
        List<String> wide = cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid);
        assertThat(wide).as("wide until the browser says otherwise").hasSize(8).contains("subject", "status", "details");

        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(view, true);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).containsExactly("message");
        assertThat(grid.getColumnByKey("message").getHeaderText()).isEqualTo("邮件");
        com.vaadin.flow.component.Component card = GridKt._getCellComponent(grid, 1, "message");
        assertThat(card.getElement().getTextRecursively()).contains("Your application", "zhang.san@example.cn",
                "发送失败", "尝试次数：1", "创建时间：", "最近错误：邮件服务器拒收收件人地址，服务器答复：550 5.1.1 mailbox unavailable", "详情");
        assertThat(card.getElement().getTextRecursively()).doesNotContain("SMTPAddressFailedException");
        LocatorJ._get(card, Button.class).click();
        assertThat(LocatorJ._find(Pre.class)).as("the card's button opens its mail").extracting(Pre::getText)
                .contains("Plain text body");
        LocatorJ._get(com.vaadin.flow.component.dialog.Dialog.class).close();

        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(view, false);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).isEqualTo(wide);
    }

    private static final String REFUSED = "MailSendException: Mail server connection failed. Failed messages: "
            + "org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: 127.0.0.1, 2599; timeout 30000; "
            + "nested exception is: java.net.ConnectException: Connection refused <- MailConnectException: Couldn't connect "
            + "to host, port: 127.0.0.1, 2599; timeout 30000 <- ConnectException: Connection refused";

    @Test
    void when_every_recent_attempt_failed_the_banner_warns_and_errors_are_explained_in_the_readers_language() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        OutboxMessage waiting = new OutboxMessage(9L, "rating-received:PJ-2026-000001", "wang.wu@example.cn", "评议已收到",
                "正文", null, Locale.SIMPLIFIED_CHINESE, MailStatus.PENDING, 2, Instant.parse("2026-03-02T03:00:00Z"),
                Instant.parse("2026-03-02T03:01:00Z"), null, null, REFUSED);
        when(administration.list(isNull(), anyInt(), anyInt())).thenAnswer(call -> page(List.of(waiting, sent),
                call.getArgument(1), call.getArgument(2)));
        when(administration.find(9L)).thenReturn(Optional.of(waiting));
        when(administration.mode()).thenReturn("smtp");
        when(administration.trouble()).thenReturn(Optional.of(
                new DeliveryTrouble(3, REFUSED, Instant.parse("2026-03-02T03:00:00Z"))));

        OutboxView view = new OutboxView(administration, CHINA);
        UI.getCurrent().add(view);

        String banner = LocatorJ._get(Paragraph.class, spec -> spec.withId("outbox-mode")).getText();
        assertThat(banner).doesNotContain("待发送的邮件会自动发出")
                .contains("连续 3 次发送失败：无法连接邮件服务器 127.0.0.1:2599", "spring.mail.*", "2026年3月2日 上午11:00:00")
                .doesNotContain("MailSendException");
        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> grid = LocatorJ._get(Grid.class, spec -> spec.withId("outbox-grid"));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("无法连接邮件服务器 127.0.0.1:2599：对方拒绝连接或地址不可达")
                .noneMatch(cell -> cell.contains("MailSendException"));

        ((Button) GridKt._getCellComponent(grid, 0, "details")).click();
        assertThat(LocatorJ._get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("outbox-raw-error")).getText())
                .as("the raw text stays available in the details").isEqualTo(REFUSED);
        LocatorJ._get(com.vaadin.flow.component.dialog.Dialog.class).close();

        // it works again: the banner says so at the next refresh
        when(administration.trouble()).thenReturn(Optional.empty());
        @SuppressWarnings("unchecked")
        Select<MailStatus> filter = LocatorJ._get(Select.class, spec -> spec.withId("outbox-status-filter"));
        filter.setValue(MailStatus.FAILED);
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("outbox-mode")).getText())
                .isEqualTo("邮件服务器已配置，待发送的邮件会自动发出。");
    }

    @Test
    void in_english_the_warning_counts_the_attempts() {
        when(administration.mode()).thenReturn("smtp");
        when(administration.trouble()).thenReturn(Optional.of(
                new DeliveryTrouble(1, "MailSendException: failed <- SMTPSendFailedException: 554 rejected",
                        Instant.parse("2026-03-02T03:00:00Z"))));
        UI.getCurrent().add(new OutboxView(administration, CHINA));
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("outbox-mode")).getText())
                .startsWith("A mail server is configured, but the one attempt to send since")
                .contains("failed: The mail server refused the message; its reply: 554 rejected.");
    }
}
