package cn.gov.enforcement.portal.assistant;

import cn.gov.enforcement.portal.platform.WarmUp;
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
 * thread that uses them waits until that is done). One log line says how long it took ({@link WarmUp}).
 */
@Component
class SegmenterWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(SegmenterWarmUp.class);
    static final String THREAD_NAME = "segmenter-warm-up";

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        loadInBackground();
    }

    /** Starts the load on its own thread ({@link WarmUp}) and returns that thread. */
    Thread loadInBackground() {
        return WarmUp.inBackground(THREAD_NAME, LOG,
                "Word segmenter's dictionary ready for the self-check assistant after {} ms (loaded in the background)",
                "Word segmenter's dictionary not loaded in the background ({}); the first question loads it",
                // cutting one question into words loads the dictionary unless a question did so first
                () -> AssistantService.questionWords("执法人员来检查不出示证件"));
    }
}
