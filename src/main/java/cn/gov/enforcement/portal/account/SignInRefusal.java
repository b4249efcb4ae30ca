package cn.gov.enforcement.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Why the sign-in form was refused, kept in the session for the sign-in page that follows ({@link LoginView}), with the
 * user name as typed so that the form shows it again. What it tells never reveals whether an account exists: a wrong
 * name or password is one answer; a name or an address locked by the throttle says how long, whoever the name is; a
 * disabled account is named only to someone who typed its right password.
 *
 * @param username the name as typed, at most 64 characters
 * @param kind what happened
 * @param minutes for a lock, the whole minutes it lasts (at least 1)
 */
record SignInRefusal(String username, Kind kind, long minutes) implements Serializable {

    /**
     * LOCKED: the name is locked (an administrator may lift it); ADDRESS_LOCKED: the client's address is, whatever the
     * name, and only waiting helps.
     */
    enum Kind { WRONG, LOCKED, ADDRESS_LOCKED, DISABLED }

    static final String ATTRIBUTE = SignInRefusal.class.getName();

    /** The failure handler of the sign-in form: notes the refusal and sends the browser back to the form. */
    static AuthenticationFailureHandler handler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            String typed = request.getParameter("username");
            typed = typed == null ? "" : typed.strip();
            if (typed.length() > 64) {
                typed = typed.substring(0, 64);
            }
            SignInRefusal refusal = failure instanceof ThrottledAuthenticationProvider.SignInLockedException locked
                    ? new SignInRefusal(typed, locked.addressLocked() ? Kind.ADDRESS_LOCKED : Kind.LOCKED,
                            locked.minutesLeft())
                    : failure instanceof DisabledException ? new SignInRefusal(typed, Kind.DISABLED, 0)
                    : new SignInRefusal(typed, Kind.WRONG, 0);
            request.getSession(true).setAttribute(ATTRIBUTE, refusal);
            redirect(request, response);
        };
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
