/**
 * The transactional mail outbox and its delivery. Other modules call {@link
 * cn.gov.enforcement.portal.notification.Outbox#enqueue} inside the transaction that causes a mail;
 * a scheduled dispatcher delivers it over SMTP when {@code spring.mail.host} is configured, with
 * retries and exponential backoff, at most once. Without SMTP the mails stay PENDING in the
 * outbox, where administrators can see them ({@code admin/outbox}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package cn.gov.enforcement.portal.notification;
