package cn.gov.enforcement.portal.platform;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A slow first use done ahead of time: a dictionary or table loaded on a low-priority daemon thread once the portal is
 * ready, so that the first reader does not wait for it. The portal does not wait for the thread, and a stop during the
 * load does not either; a reader who arrives while it runs waits for the load, as they would have without it (the JVM
 * initialises a class once, and every other thread that uses it waits until that is done). One log line says how long
 * it took, or, when it failed, that the first use will try again. Used by the self-check's segmenter and the zh-TW
 * pages' phrase table ({@code SegmenterWarmUp}, {@link ReaderScriptWarmUp}).
 */
public final class WarmUp {

    private WarmUp() {
    }

    /**
     * Starts {@code load} on a thread of its own and returns that thread (a listener of Spring's ready event must not
     * return it: Spring publishes what a listener returns as a new event).
     *
     * @param ready the log line when done, with {@code {}} for the milliseconds it took
     * @param failed the warning when the load threw, with {@code {}} for what it threw
     */
    public static Thread inBackground(String threadName, Logger log, String ready, String failed, Runnable load) {
        Thread loader = new Thread(() -> {
            long start = System.nanoTime();
            try {
                load.run();
                log.info(ready, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } catch (RuntimeException | LinkageError e) {
                // the first use then tries again, and fails or succeeds as it would have without this thread
                log.warn(failed, e.toString());
            }
        }, threadName);
        loader.setDaemon(true);
        loader.setPriority(Thread.MIN_PRIORITY);
        loader.start();
        return loader;
    }
}
