package cn.gov.enforcement.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.notification.slice.NotificationTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.orm.jpa.JpaTransactionManager;

/** The portal runs with JPA's transaction manager: the outbox row must share the caller's transaction. */
@SpringBootTest(classes = NotificationTestApplication.class, properties = {
        "spring.datasource.url=${notification.test.db-url:jdbc:h2:mem:notification-jpa;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${notification.test.db-user:sa}",
        "spring.datasource.password=${notification.test.db-password:}",
        "portal.data-dir=target/notification-test",
        "portal.notification.dispatch-enabled=false"})
@ImportAutoConfiguration(HibernateJpaAutoConfiguration.class)
class OutboxWithJpaTransactionsTest extends OutboxTestSupport {

    @Test
    void under_the_jpa_transaction_manager_a_rollback_removes_the_mail_and_duplicates_are_absorbed() {
        assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);

        inTransaction(() -> {
            outbox.enqueue(mail("jpa-1"));
            jdbc.sql("UPDATE notification_outbox SET subject = 'changed' WHERE dedup_key = 'jpa-1'").update();
            return null;
        });
        new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            outbox.enqueue(mail("jpa-2"));
            s.setRollbackOnly();
        });
        OutboxMessage again = inTransaction(() -> outbox.enqueue(mail("jpa-1")));

        assertThat(rows()).isEqualTo(1);
        assertThat(again.subject()).isEqualTo("changed");
    }
}
