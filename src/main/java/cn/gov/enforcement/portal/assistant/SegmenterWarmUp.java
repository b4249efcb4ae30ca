package cn.gov.enforcement.portal.assistant;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the word segmenter's dictionary ({@link AssistantService#questionWords}: HanLP's core, bigram and custom
 * dictionaries, about 33 MB of heap) once the portal is ready, on a low-priority daemon thread, so that the first
 * question after a start does not wait for it. The portal does not wait for the load; a question that arrives while
 * it runs waits for it, as it did before (the JVM initialises HanLP's dictionary classes once, and every other
 * thread that uses them waits until that is done). One log line says how long it took.
 */
@Component
class SegmenterWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(SegmenterWarmUp.class);
    static final String THREAD_NAME = "segmenter-warm-up";

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        loadInBackground();
    }

    /**
     * Starts the load on its own thread and returns that thread (not from the listener itself: Spring publishes what
     * an event listener returns as a new event).
     */
    Thread loadInBackground() {
        Thread loader = new Thread(SegmenterWarmUp::load, THREAD_NAME);
        loader.setDaemon(true); // a stop during the load does not wait for it
        loader.setPriority(Thread.MIN_PRIORITY);
        loader.start();
        return loader;
    }

    /** Cuts one question into words, which loads the dictionary unless a question did so first. */
    static void load() {
        long start = System.nanoTime();
        try {
            AssistantService.questionWords("执法人员来检查不出示证件");
            LOG.info("Word segmenter's dictionary ready for the self-check assistant after {} ms (loaded in the background)",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (RuntimeException | LinkageError e) {
            // the first question then tries again, and fails or succeeds as it would have without this thread
            LOG.warn("Word segmenter's dictionary not loaded in the background ({}); the first question loads it",
                    e.toString());
        }
    }
}
