package cn.gov.enforcement.portal.platform;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the phrase tables of {@link ReaderScript} (HanLP's Simplified-to-Traditional table, 1.4 to 2.4 s, and the
 * small reverse one that {@link ReaderScript#writtenLanguage} also reads) once the portal is ready, on a low-priority
 * daemon thread, so that the first reader of a zh-TW page after a start does not wait for them. HanLP builds the
 * table anew at each start: it never caches a table whose source is one of its own {@code data/} files (its
 * {@code IOUtil.isResource}), as every file of the portable jar is. The portal does not wait for the load; a zh-TW page that arrives while it runs waits for it, as it did before
 * (the JVM initialises HanLP's dictionary class once, and every other thread that uses it waits until that is done).
 * One log line says how long it took. It replaces an unlogged loader of the Simplified-to-Traditional table alone
 * ({@code PlatformConfiguration}); the sibling of the assistant's {@code SegmenterWarmUp}, which loads other files of
 * the same library.
 */
@Component
class ReaderScriptWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderScriptWarmUp.class);
    static final String THREAD_NAME = "reader-script-warm-up";

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        loadInBackground();
    }

    /** Starts the load on its own thread ({@link WarmUp}) and returns that thread. */
    Thread loadInBackground() {
        return WarmUp.inBackground(THREAD_NAME, LOG,
                "Phrase table for zh-TW pages ready after {} ms (built in the background)",
                "Phrase table for zh-TW pages not built in the background ({}); the first zh-TW page builds it",
                // converting one phrase each way builds both tables unless a page did so first
                () -> {
                    ReaderScript.toTaiwan("执法人员出示执法证件");
                    ReaderScript.writtenLanguage(Locale.SIMPLIFIED_CHINESE, "執法人員");
                });
    }
}
