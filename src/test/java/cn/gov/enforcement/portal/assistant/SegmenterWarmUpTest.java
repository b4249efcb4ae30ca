package cn.gov.enforcement.portal.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/** The segmenter's dictionary is loaded once the portal is ready, on a thread of its own that the start does not wait for. */
class SegmenterWarmUpTest {

    @Test
    void the_dictionary_loads_on_a_low_priority_daemon_thread_once_the_portal_is_ready_and_one_line_says_how_long()
            throws Exception {
        EventListener listener = SegmenterWarmUp.class.getDeclaredMethod("onReady")
                .getAnnotation(EventListener.class);
        assertThat(listener).as("called when the portal is ready").isNotNull();
        assertThat(listener.value()).containsExactly(ApplicationReadyEvent.class);
        assertThat(SegmenterWarmUp.class.getDeclaredMethod("onReady").getReturnType())
                .as("returns nothing, which Spring would publish as an event").isEqualTo(void.class);

        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(SegmenterWarmUp.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            Thread loader = new SegmenterWarmUp().loadInBackground();
            assertThat(loader).isNotSameAs(Thread.currentThread());
            assertThat(loader.isDaemon()).isTrue();
            assertThat(loader.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            loader.join(120_000);
            assertThat(loader.isAlive()).isFalse();
        } finally {
            log.detachAppender(logged);
        }
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getThreadName()).isEqualTo(SegmenterWarmUp.THREAD_NAME);
            assertThat(line.getFormattedMessage())
                    .matches("Word segmenter's dictionary ready for the self-check assistant after \\d+ ms .*");
        });
        // and the segmenter is ready for questions
        assertThat(AssistantService.questionWords("执法人员来检查")).isNotEmpty();
    }
}
