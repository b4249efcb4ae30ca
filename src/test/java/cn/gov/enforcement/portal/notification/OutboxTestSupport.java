package cn.gov.enforcement.portal.notification;

import cn.gov.enforcement.portal.notification.slice.NotificationTestApplication;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import cn.gov.enforcement.portal.notification.internal.MailDispatcher;
import cn.gov.enforcement.portal.notification.internal.OutboxStore;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Shared helpers; each subclass declares its own {@code @SpringBootTest} properties. */
abstract class OutboxTestSupport {

    @Autowired
    Outbox outbox;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    OutboxStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("DELETE FROM notification_outbox").update();
        clock.set(NotificationTestApplication.START);
    }

    <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    OutboxMessage enqueueCommitted(OutgoingMail mail) {
        return inTransaction(() -> outbox.enqueue(mail));
    }

    static OutgoingMail mail(String key) {
        return OutgoingMail.text(key, "zhang.san@example.cn", "您的调解申请已受理", "张三，您好：\n您的调解申请已受理。",
                Locale.SIMPLIFIED_CHINESE);
    }

    /** Every line logged from now on (root logger) until {@link #stopCapturing}. */
    static ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captureLog() {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root().addAppender(logged);
        return logged;
    }

    static void stopCapturing(ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged) {
        root().detachAppender(logged);
    }

    private static ch.qos.logback.classic.Logger root() {
        return (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox").query(Long.class).single();
    }

    OutboxMessage reload(long id) {
        return store.findById(id).orElseThrow();
    }
}
