package cn.gov.enforcement.portal.notification;

import java.time.Instant;

/**
 * The mail server has failed every delivery attempt since {@code since} (or since this instance started sending):
 * {@code failedAttempts} attempts in a row, the last with {@code lastError} (the outbox's raw error text). A refused
 * recipient address does not count: the server answered, only that address is wrong.
 */
public record DeliveryTrouble(int failedAttempts, String lastError, Instant since) {
}
