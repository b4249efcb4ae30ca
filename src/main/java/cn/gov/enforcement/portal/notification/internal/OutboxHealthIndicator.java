package cn.gov.enforcement.portal.notification.internal;

import cn.gov.enforcement.portal.notification.MailStatus;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code outbox}: UP with the delivery mode ({@code smtp} or {@code hold}) and
 * the number of pending and failed messages; DOWN only when the outbox table cannot be read.
 * Failed mails do not make the portal unhealthy: they are for an administrator to look at.
 */
@Component
public class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxStore store;
    private final MailDispatcher dispatcher;

    public OutboxHealthIndicator(OutboxStore store, MailDispatcher dispatcher) {
        super("Outbox health check failed");
        this.store = store;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<MailStatus, Long> counts = store.countByStatus();
        builder.up()
                .withDetail("mode", dispatcher.mode())
                .withDetail("pending", counts.get(MailStatus.PENDING))
                .withDetail("sending", counts.get(MailStatus.SENDING))
                .withDetail("failed", counts.get(MailStatus.FAILED))
                .withDetail("failedUnknown", counts.get(MailStatus.FAILED_UNKNOWN));
    }
}
