package cn.gov.enforcement.portal.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.function.Predicate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a staff member whose account an administrator has disabled (or removed), or whose password
 * changed after the session signed in (an administrator's reset, or the person's own change in another session):
 * without this the session signed in before would go on until it times out. Each signed-in session's account is
 * looked up again at most every {@value #RECHECK_MS} ms; a page request is then sent to the sign-in with a notice, a
 * request from an open page finds its session gone and the page reloads to the sign-in, which gives the same notice.
 *
 * <p>That notice is carried by a cookie of the browser, {@value #COOKIE}: set while a signed-in session is used,
 * holding the reason once the portal ended the session, cleared by signing out. A page that needs an account, asked for
 * with a session that no longer exists and that cookie, goes to the sign-in saying why: the account was disabled, the
 * password changed, or else the sign-in timed out. The cookie holds no name and proves nothing; at worst it chooses
 * another notice. Not a bean: a filter bean would also be registered for every request outside the security chain.
 */
class DisabledAccountFilter extends OncePerRequestFilter {

    static final long RECHECK_MS = 10_000;
    static final String CHECKED_AT = DisabledAccountFilter.class.getName() + ".checkedAt";
    /** The browser's note that it has a staff session, or why the portal ended it. */
    static final String COOKIE = "portal-staff";
    static final String SIGNED_IN = "1";

    private final AccountService accounts;
    private final Predicate<HttpServletRequest> needsAccount;
    private final java.time.Clock clock;
    private final boolean secureCookie;

    /**
     * {@code needsAccount}: true for a request of a page that only signed-in staff may open; {@code secureCookie}: the
     * cookie is sent over HTTPS only, as the session cookie ({@code server.servlet.session.cookie.secure}, on in the
     * production profile); when false it is Secure only on a request the portal sees as HTTPS.
     */
    DisabledAccountFilter(AccountService accounts, Predicate<HttpServletRequest> needsAccount, java.time.Clock clock,
            boolean secureCookie) {
        this.accounts = accounts;
        this.needsAccount = needsAccount;
        this.clock = clock;
        this.secureCookie = secureCookie;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session == null) {
            if (endedSessionNotice(request, response)) {
                return;
            }
        } else if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.isAuthenticated() && authentication.getDetails() instanceof WebAuthenticationDetails) {
            if (!SIGNED_IN.equals(cookie(request))) {
                setCookie(request, response, SIGNED_IN, secureCookie);
            }
            long now = clock.millis();
            Object checked;
            try {
                checked = session.getAttribute(CHECKED_AT);
            } catch (IllegalStateException endedMeanwhile) {
                chain.doFilter(request, response);
                return;
            }
            if (!(checked instanceof Long at) || now - at >= RECHECK_MS) {
                java.time.Instant signedInAt = authentication.getDetails() instanceof SignInDetails d
                        ? d.signedInAt() : null;
                AccountService.SessionState state = accounts.sessionState(authentication.getName(), signedInAt);
                if (state != AccountService.SessionState.VALID) {
                    String reason = state == AccountService.SessionState.DISABLED ? "disabled" : "passwordChanged";
                    try {
                        SessionEndLog.endedBecause(session, reason);
                        session.invalidate();
                    } catch (IllegalStateException endedMeanwhile) {
                        // a concurrent request of the same session ended it first
                    }
                    SecurityContextHolder.clearContext();
                    if (isPage(request)) {
                        clearCookie(request, response, secureCookie);
                        response.sendRedirect(request.getContextPath() + "/login?" + reason);
                        return;
                    }
                    // an open page's request gets its "session expired" and reloads: the cookie tells it why
                    setCookie(request, response, reason, secureCookie);
                } else {
                    try {
                        session.setAttribute(CHECKED_AT, now);
                    } catch (IllegalStateException endedMeanwhile) {
                        // signed out by a concurrent request
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * A page asked for with a session the server no longer has, from a browser that had a staff session: a page that
     * needs an account goes to the sign-in with the reason (true: answered); any page forgets the cookie.
     */
    private boolean endedSessionNotice(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String noted = cookie(request);
        if (noted == null || request.getRequestedSessionId() == null || request.isRequestedSessionIdValid()
                || !isPage(request)) {
            return false;
        }
        clearCookie(request, response, secureCookie);
        if (!needsAccount.test(request)) {
            return false;
        }
        String reason = switch (noted) {
            case "disabled", "passwordChanged" -> noted;
            default -> "expired";
        };
        response.sendRedirect(request.getContextPath() + "/login?" + reason);
        return true;
    }

    /** A page opened in the browser, not one of the requests of an open page or a file. */
    private static boolean isPage(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && request.getParameter("v-r") == null;
    }

    private static String cookie(HttpServletRequest request) {
        Cookie cookie = org.springframework.web.util.WebUtils.getCookie(request, COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static void setCookie(HttpServletRequest request, HttpServletResponse response, String value,
            boolean secure) {
        response.addHeader("Set-Cookie", cookie(request, value, secure).build().toString());
    }

    /** Forgets the note: signed out, or the notice given. {@code secure} as for the filter. */
    static void clearCookie(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        if (cookie(request) != null) {
            response.addHeader("Set-Cookie", cookie(request, "", secure).maxAge(0).build().toString());
        }
    }

    /** The cookie as every answer sets it: HttpOnly, SameSite=Lax, Secure when configured or over HTTPS. */
    private static org.springframework.http.ResponseCookie.ResponseCookieBuilder cookie(HttpServletRequest request,
            String value, boolean secure) {
        return org.springframework.http.ResponseCookie.from(COOKIE, value)
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .httpOnly(true).secure(secure || request.isSecure()).sameSite("Lax");
    }
}
