package cn.gov.enforcement.portal.testsupport;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two writers at the same moment, in a chosen order, on H2 and on PostgreSQL: the first writer's transaction is held
 * open, with its row locks, until the second writer, in another thread, waits for one of them.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /**
     * Runs {@code first} in a transaction of the calling thread and, before that commits, {@code second} in another
     * thread (signed in as the caller); commits once {@code second} waits for one of the transaction's locks, or has
     * ended without needing any, and then waits (up to 60 s) for {@code second}'s outcome.
     *
     * @return what {@code second} returned
     * @throws Exception what {@code second} threw
     */
    public static <T> T secondWaitsForFirst(PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
            Runnable first, Callable<T> second) throws Exception {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<T> started = new TransactionTemplate(transactionManager).execute(tx -> {
                first.run();
                Future<T> f = other.submit(() -> {
                    if (caller != null) {
                        SecurityContextHolder.setContext(new SecurityContextImpl(caller));
                    }
                    try {
                        return second.call();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                });
                awaitWaitingForMe(jdbc, f);
                return f;
            });
            return started.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * Waits (up to 30 s) until another session waits for a lock held by the current transaction's session, or until
     * {@code other} has ended. Call inside the transaction holding the locks: {@code jdbc} then runs on its connection.
     */
    private static void awaitWaitingForMe(JdbcTemplate jdbc, Future<?> other) {
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
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
