package cn.gov.enforcement.portal.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a staff member whose account an administrator has disabled (or removed): without this the
 * session signed in before would go on until it times out. Each signed-in session's account is looked up again at
 * most every {@value #RECHECK_MS} ms; a page request is then sent to the sign-in with a notice, a request from an open
 * page finds its session gone and the page reloads to the sign-in. Not a bean: a filter bean would also be registered
 * for every request outside the security chain.
 */
class DisabledAccountFilter extends OncePerRequestFilter {

    static final long RECHECK_MS = 10_000;
    static final String CHECKED_AT = DisabledAccountFilter.class.getName() + ".checkedAt";

    private final AccountService accounts;

    DisabledAccountFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.isAuthenticated() && authentication.getDetails() instanceof WebAuthenticationDetails) {
            long now = System.currentTimeMillis();
            Object checked;
            try {
                checked = session.getAttribute(CHECKED_AT);
            } catch (IllegalStateException endedMeanwhile) {
                chain.doFilter(request, response);
                return;
            }
            if (!(checked instanceof Long at) || now - at >= RECHECK_MS) {
                if (!accounts.mayStaySignedIn(authentication.getName())) {
                    try {
                        SessionEndLog.endedBecause(session, "disabled");
                        session.invalidate();
                    } catch (IllegalStateException endedMeanwhile) {
                        // a concurrent request of the same session ended it first
                    }
                    SecurityContextHolder.clearContext();
                    if ("GET".equals(request.getMethod()) && request.getParameter("v-r") == null) {
                        response.sendRedirect(request.getContextPath() + "/login?disabled");
                        return;
                    }
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
}
