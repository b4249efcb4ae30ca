package cn.gov.enforcement.portal.account;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Staff who signed in with a password someone else set (a new account's initial password, a reset, the generated
 * first administrator's) are sent to {@link PasswordView} from every page until they have chosen their own. Applies
 * to sessions signed in through the sign-in form, which is how every staff session starts.
 */
@Component
class PasswordChangeGate implements VaadinServiceInitListener {

    private final AccountService accounts;

    PasswordChangeGate(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            Class<?> target = enter.getNavigationTarget();
            if (target == PasswordView.class || target == LoginView.class) {
                return;
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            // a signed-in person (never an anonymous visitor, whatever name the anonymous token carries)
            if (authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()
                    && authentication.getDetails() instanceof WebAuthenticationDetails
                    && accounts.mustChangePassword(authentication.getName())) {
                enter.forwardTo(PasswordView.class);
            }
        }));
    }
}
