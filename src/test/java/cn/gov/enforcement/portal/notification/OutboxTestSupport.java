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

    long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox").query(Long.class).single();
    }

    OutboxMessage reload(long id) {
        return store.findById(id).orElseThrow();
    }
}
