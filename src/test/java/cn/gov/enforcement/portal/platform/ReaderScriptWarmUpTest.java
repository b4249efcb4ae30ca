package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The zh-TW phrase table is built once the portal is ready, on a thread of its own that the start does not wait for. */
class ReaderScriptWarmUpTest {

    @Test
    void the_phrase_table_is_built_on_a_low_priority_daemon_thread_once_the_portal_is_ready_and_one_line_says_how_long()
            throws Exception {
        assertThat(ReaderScriptWarmUp.class.getAnnotation(Component.class)).as("a bean, so Spring calls it").isNotNull();
        EventListener listener = ReaderScriptWarmUp.class.getDeclaredMethod("onReady")
                .getAnnotation(EventListener.class);
        assertThat(listener).as("called when the portal is ready").isNotNull();
        assertThat(listener.value()).containsExactly(ApplicationReadyEvent.class);
        assertThat(ReaderScriptWarmUp.class.getDeclaredMethod("onReady").getReturnType())
                .as("returns nothing, which Spring would publish as an event").isEqualTo(void.class);

        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ReaderScriptWarmUp.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            Thread loader = new ReaderScriptWarmUp().loadInBackground();
            assertThat(loader).isNotSameAs(Thread.currentThread());
            assertThat(loader.isDaemon()).isTrue();
            assertThat(loader.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            loader.join(120_000);
            assertThat(loader.isAlive()).isFalse();
        } finally {
            log.detachAppender(logged);
        }
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getThreadName()).isEqualTo(ReaderScriptWarmUp.THREAD_NAME);
            assertThat(line.getFormattedMessage())
                    .matches("Phrase table for zh-TW pages ready after \\d+ ms .*");
        });
        // and the table is ready for zh-TW pages
        assertThat(ReaderScript.toTaiwan("执法人员出示执法证件")).isEqualTo("執法人員出示執法證件");
    }
}
