package cn.gov.enforcement.portal.notification.internal;

import jakarta.mail.MessagingException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Tells permanent delivery failures (an SMTP 5xx reply, a message that cannot even be built) from
 * transient ones (4xx replies, refused connections, timeouts, authentication problems an
 * administrator can fix). Looks through causes, {@link MessagingException#getNextException()} and
 * the per-message failures of a {@link MailSendException}.
 */
public final class SmtpFailures {

    private SmtpFailures() {
    }

    public static boolean isPermanent(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof MailParseException || t instanceof MailPreparationException) {
                return true;
            }
            int code = returnCode(t);
            if (code >= 500 && code < 600) {
                return true;
            }
        }
        return false;
    }

    /** The first SMTP reply code found in the failure, or -1. */
    public static int returnCode(Throwable t) {
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        return -1;
    }

    /** A short, single-line description for the outbox's last_error column. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t : chain(failure)) {
            String message = t.getMessage();
            String part = t.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
            if (text.indexOf(part) >= 0) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(part);
            if (text.length() > OutboxStore.MAX_ERROR_LENGTH) {
                break;
            }
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        java.util.List<Throwable> ordered = new java.util.ArrayList<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty() && ordered.size() < 50) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            ordered.add(t);
            if (t instanceof MailSendException mse) {
                todo.addAll(mse.getFailedMessages().values().stream().map(Throwable.class::cast).toList());
                for (Exception e : mse.getMessageExceptions()) {
                    todo.add(e);
                }
            }
            if (t instanceof MessagingException me && me.getNextException() != null) {
                todo.add(me.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return ordered;
    }
}
