package cn.gov.enforcement.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.notification.slice.NotificationTestApplication;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The unique constraint as the last resort, when two transactions enqueue the same key at once. */
@SpringBootTest(classes = NotificationTestApplication.class, properties = {
        "spring.datasource.url=${notification.test.db-url:jdbc:h2:mem:notification-hold;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${notification.test.db-user:sa}",
        "spring.datasource.password=${notification.test.db-password:}",
        "portal.data-dir=target/notification-test",
        "portal.notification.dispatch-enabled=false"})
class OutboxConcurrentDedupTest extends OutboxTestSupport {

    @Test
    void a_concurrent_duplicate_returns_the_other_transactions_mail_and_leaves_the_callers_transaction_usable()
            throws Exception {
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<OutboxMessage> first = pool.submit(() -> inTransaction(() -> {
                OutboxMessage m = outbox.enqueue(mail("race-1"));
                firstInserted.countDown();
                await(secondStarted);
                sleep(300); // let the second transaction run into the unique constraint and wait for us
                return m;
            }));
            Future<OutboxMessage> second = pool.submit(() -> inTransaction(() -> {
                await(firstInserted);
                secondStarted.countDown();
                OutboxMessage duplicate = outbox.enqueue(mail("race-1"));
                outbox.enqueue(mail("race-2")); // the caller's transaction goes on
                return duplicate;
            }));

            OutboxMessage won = first.get(30, TimeUnit.SECONDS);
            OutboxMessage deduplicated = second.get(30, TimeUnit.SECONDS);
            assertThat(deduplicated.id()).isEqualTo(won.id());
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows()).isEqualTo(2);
        assertThat(store.findByDedupKey("race-2")).isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
