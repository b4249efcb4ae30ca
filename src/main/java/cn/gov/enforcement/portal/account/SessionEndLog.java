package cn.gov.enforcement.portal.account;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Writes {@link AccountAction#SESSION_ENDED} when a signed-in staff session ends without signing out: it timed out
 * (the browser was closed, or left without the portal open, for longer than the session timeout) or the server
 * stopped. A sign-out marks its session first, so that its end is not written twice. Spring Boot registers the bean
 * as a servlet listener.
 */
@Component
class SessionEndLog implements HttpSessionListener, ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

    /** Session attribute set by the sign-out, before the session is invalidated. */
    static final String SIGNED_OUT = SessionEndLog.class.getName() + ".signedOut";
    /** Session attribute naming why the portal ended the session itself. */
    static final String REASON = SessionEndLog.class.getName() + ".reason";

    /** Session attribute set once the session's end is written, so that it is not written twice. */
    static final String RECORDED = SessionEndLog.class.getName() + ".recorded";

    private static final Logger LOG = LoggerFactory.getLogger(SessionEndLog.class);

    private final AccountLog log;
    private volatile boolean stopping;
    /** The live sessions, so that a stopping server writes their end while the database is still open. */
    private final Set<HttpSession> live = ConcurrentHashMap.newKeySet();
    /** The portal's context: another one closing (a child context) is not the server stopping. */
    private volatile ApplicationContext context;

    SessionEndLog(AccountLog log) {
        this.log = log;
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    /** Marks a session whose end is a sign-out, written to the log by the sign-out itself. */
    static void signingOut(HttpSession session) {
        if (session != null) {
            session.setAttribute(SIGNED_OUT, Boolean.TRUE);
        }
    }

    /** Marks a session the portal ends itself, with the reason written as the entry's detail (e.g. disabled). */
    static void endedBecause(HttpSession session, String reason) {
        session.setAttribute(REASON, reason);
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        live.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        live.remove(event.getSession());
        record(event.getSession());
    }

    /** Writes the end of {@code session} when a signed-in person's session ends without a sign-out, once. */
    private void record(HttpSession session) {
        Authentication authentication;
        Object reason;
        try {
            synchronized (session) {
                // the shutdown and a timeout at the same moment: the first to mark the session writes its end
                if (session.getAttribute(SIGNED_OUT) != null || session.getAttribute(RECORDED) != null
                        || !(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                                instanceof SecurityContext context)) {
                    return;
                }
                authentication = context.getAuthentication();
                // sessions of people who signed in with the form; anonymous visitors are not in the account log
                if (!(authentication instanceof UsernamePasswordAuthenticationToken) || !authentication.isAuthenticated()) {
                    return;
                }
                reason = session.getAttribute(REASON);
                session.setAttribute(RECORDED, Boolean.TRUE);
            }
        } catch (IllegalStateException e) {
            return; // invalidated meanwhile: its end is written by the invalidation
        }
        try {
            log.record(AccountAction.SESSION_ENDED, authentication.getName(), null, null,
                    reason instanceof String r ? r : stopping ? "serverStopped" : "timeout");
        } catch (RuntimeException e) {
            // the end of a session must never fail; a log entry that cannot be written is reported here
            LOG.warn("Account log: the end of a session could not be recorded: {}", e.toString());
        }
    }

    /**
     * The server stops: the sessions signed in now end with it. Their ends are written here, first thing in the
     * shutdown, since the web server expires its sessions only after the database has been closed.
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (context != null && event.getApplicationContext() != context) {
            return; // a child context closing (none today) is not the server stopping
        }
        stopping = true;
        for (HttpSession session : List.copyOf(live)) {
            record(session);
        }
    }
}
