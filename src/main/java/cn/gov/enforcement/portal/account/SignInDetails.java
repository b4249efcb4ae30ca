package cn.gov.enforcement.portal.account;

import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The details of a signed-in session: the client address (as Spring's web details) and the moment its password was
 * last proved, the sign-in or the person's own password change in this session. A password changed after that moment
 * ends the session ({@link DisabledAccountFilter}).
 */
final class SignInDetails extends WebAuthenticationDetails {

    private static final long serialVersionUID = 1L;

    private final Instant signedInAt;

    SignInDetails(String remoteAddress, String sessionId, Instant signedInAt) {
        super(remoteAddress, sessionId);
        this.signedInAt = signedInAt;
    }

    Instant signedInAt() {
        return signedInAt;
    }

    /** The same signed-in person with the details of a sign-in at {@code at}, the rest unchanged. */
    static Authentication signedInAt(Authentication authentication, String remoteAddress, String sessionId, Instant at) {
        UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(
                authentication.getPrincipal(), authentication.getCredentials(), authentication.getAuthorities());
        renewed.setDetails(new SignInDetails(remoteAddress, sessionId, at));
        return renewed;
    }
}
