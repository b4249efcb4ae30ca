package cn.gov.enforcement.portal.notification.internal;

import jakarta.mail.MessagingException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** What went wrong, in words an administrator can act on; the view translates {@code notification.outbox.error.<kind>}. */
    public enum Kind {
        /** The mail server's host or port cannot be reached: nothing listens, the host is unknown or unroutable. */
        CONNECT,
        /** The mail server did not answer in time (connect or read timeout). */
        TIMEOUT,
        /** The mail server refused the user name or password. */
        AUTHENTICATION,
        /** The mail server refused a recipient address (its reply is the detail). */
        RECIPIENT,
        /** The mail server refused the sender address (its reply is the detail). */
        SENDER,
        /** The mail server refused the message itself (its reply is the detail). */
        MESSAGE,
        /** The encrypted connection (SSL/STARTTLS) could not be set up. */
        TLS,
        /** The dispatcher stopped between handing the mail over and recording the outcome. */
        UNKNOWN_OUTCOME,
        /** Anything else: the raw text says more. */
        OTHER
    }

    /**
     * A failure in words: its kind and, when there is one, its detail ({@code host:port} for {@link Kind#CONNECT} and
     * {@link Kind#TIMEOUT}, the server's reply for a refusal); {@code raw} is the stored text it was read from.
     */
    public record Explanation(Kind kind, String detail, String raw) {
    }

    private static final Pattern HOST_PORT = Pattern.compile("connect to host, port: ([^,;\\s]+), (\\d+)");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    /**
     * Reads a stored {@link #describe} text (the outbox's last_error) back as an {@link Explanation}: the class names
     * and messages it holds tell the common failures apart. Null for no error.
     */
    public static Explanation explain(String lastError) {
        if (lastError == null || lastError.isBlank()) {
            return null;
        }
        String raw = lastError.strip();
        if (raw.startsWith(MailDispatcher.LEASE_EXPIRED)) {
            return new Explanation(Kind.UNKNOWN_OUTCOME, null, raw);
        }
        if (raw.contains("AuthenticationFailedException") || raw.contains("MailAuthenticationException")) {
            return new Explanation(Kind.AUTHENTICATION, null, raw);
        }
        String reply = reply(raw, "SMTPAddressFailedException");
        if (reply != null) {
            return new Explanation(Kind.RECIPIENT, reply, raw);
        }
        reply = reply(raw, "SMTPSenderFailedException");
        if (reply != null) {
            return new Explanation(Kind.SENDER, reply, raw);
        }
        reply = reply(raw, "SMTPSendFailedException");
        if (reply != null) {
            return new Explanation(Kind.MESSAGE, reply, raw);
        }
        Matcher hostPort = HOST_PORT.matcher(raw);
        String server = hostPort.find() ? hostPort.group(1) + ":" + hostPort.group(2) : null;
        if (raw.contains("SSLHandshakeException") || raw.contains("SSLException") || raw.contains("STARTTLS")) {
            return new Explanation(Kind.TLS, server, raw);
        }
        if (raw.contains("SocketTimeoutException") || raw.contains("timed out")) {
            return new Explanation(Kind.TIMEOUT, server, raw);
        }
        if (server != null || raw.contains("ConnectException") || raw.contains("UnknownHostException")
                || raw.contains("NoRouteToHostException")) {
            return new Explanation(Kind.CONNECT, server, raw);
        }
        return new Explanation(Kind.OTHER, null, raw);
    }

    /** The failure as {@link #explain} reads it. */
    public static Explanation explain(Throwable failure) {
        return explain(describe(failure));
    }

    /**
     * The server's reply after {@code "<exception>: "} when it starts with an SMTP code ({@code 550 5.1.1 …}), up to the
     * next exception of the chain; null when there is none.
     */
    private static String reply(String raw, String exception) {
        Matcher m = Pattern.compile(Pattern.quote(exception) + ": ([2-5]\\d\\d\\b.*?)(?: <- |$)").matcher(raw);
        return m.find() ? m.group(1).strip() : null;
    }

    /** The text with every mail address replaced by {@code <address>}: for the log, which must not hold them. */
    public static String withoutAddresses(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("<address>");
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
