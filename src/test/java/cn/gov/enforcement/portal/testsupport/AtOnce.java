package cn.gov.enforcement.portal.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task on many threads that start at the same moment, for tests of what concurrent requests may pass. */
public final class AtOnce {

    /** A task told which of the threads runs it (0 to threads - 1). */
    @FunctionalInterface
    public interface Task<T> {
        T call(int index) throws Exception;
    }

    private AtOnce() {}

    /** The results of the task run once on each of {@code threads} threads released together, in thread order. */
    public static <T> List<T> run(int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    start.await();
                    return task.call(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : running) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many of the runs answered true. */
    public static int count(int threads, Task<Boolean> task) throws Exception {
        return (int) run(threads, task).stream().filter(Boolean::booleanValue).count();
    }

    /** The sum of the runs' answers. */
    public static int sum(int threads, Task<Integer> task) throws Exception {
        return run(threads, task).stream().mapToInt(Integer::intValue).sum();
    }
}
