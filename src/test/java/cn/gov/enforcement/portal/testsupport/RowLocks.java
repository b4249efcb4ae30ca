package cn.gov.enforcement.portal.testsupport;

import java.util.Locale;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row locks in tests of two writers at the same moment, on H2 and on PostgreSQL: the test holds a transaction open
 * (its locks with it) and waits until the other writer, started in another thread, waits for one of them.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /**
     * Waits (up to 30 s) until another session waits for a lock held by the current transaction's session, or until
     * {@code other} has ended (it did not need any of those locks). Call inside the transaction holding the locks:
     * {@code jdbc} then runs on its connection.
     */
    public static void awaitWaitingForMe(JdbcTemplate jdbc, Future<?> other) throws InterruptedException {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        String waiting = product.toLowerCase(Locale.ROOT).contains("postgres")
                ? "select count(*) from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))"
                : "select count(*) from information_schema.sessions where blocker_id = session_id()";
        long deadline = System.currentTimeMillis() + 30_000;
        while (!other.isDone()) {
            Integer n = jdbc.queryForObject(waiting, Integer.class);
            if (n != null && n > 0) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out waiting until the other writer waits for this transaction's locks");
            }
            Thread.sleep(20);
        }
    }
}
