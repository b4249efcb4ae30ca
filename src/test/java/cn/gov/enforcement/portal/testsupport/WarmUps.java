package cn.gov.enforcement.portal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Checks of a warm-up bean ({@code platform.WarmUp}): a load started once the portal is ready, on a thread of its own. */
public final class WarmUps {

    private WarmUps() {
    }

    /**
     * Asserts that {@code warmUp} is a bean whose {@code onReady} listens for {@link ApplicationReadyEvent} and returns
     * nothing (Spring would publish what it returns as an event), and that {@code start} runs the load on a
     * low-priority daemon thread other than the caller's, named {@code threadName}, which ends within two minutes
     * having logged one line on {@code warmUp}'s logger that matches {@code message}.
     */
    public static void assertLoadsInBackgroundOnceReady(Class<?> warmUp, Supplier<Thread> start, String threadName,
            String message) throws Exception {
        assertThat(warmUp.getAnnotation(Component.class)).as("a bean, so Spring calls it").isNotNull();
        EventListener listener = warmUp.getDeclaredMethod("onReady").getAnnotation(EventListener.class);
        assertThat(listener).as("called when the portal is ready").isNotNull();
        assertThat(listener.value()).containsExactly(ApplicationReadyEvent.class);
        assertThat(warmUp.getDeclaredMethod("onReady").getReturnType())
                .as("returns nothing, which Spring would publish as an event").isEqualTo(void.class);

        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(warmUp);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            Thread loader = start.get();
            assertThat(loader).isNotSameAs(Thread.currentThread());
            assertThat(loader.isDaemon()).isTrue();
            assertThat(loader.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            loader.join(120_000);
            assertThat(loader.isAlive()).isFalse();
        } finally {
            log.detachAppender(logged);
        }
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getThreadName()).isEqualTo(threadName);
            assertThat(line.getFormattedMessage()).matches(message);
        });
    }
}
