package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * A view that holds what the reader typed or opened. Switching the language reloads the page, which builds a new
 * view; just before that the header calls {@link #keepForLanguageSwitch()}, and the view keeps what it needs (in
 * the session, {@link #keep}) to show the same state again after the reload ({@link #takeKept}, once).
 */
public interface LanguageSwitchAware {

    /** Called just before the page reloads in another language. */
    void keepForLanguageSwitch();

    /** Keeps {@code state} in the current session under {@code key} for the view built after the reload. */
    static void keep(String key, Object state) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(key, state);
        }
    }

    /**
     * What was kept under {@code key} when it is of {@code type}, taken out of the session: the reloaded view uses
     * it once, a later visit starts afresh.
     */
    static <T> Optional<T> takeKept(String key, Class<T> type) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || !type.isInstance(session.getAttribute(key))) {
            return Optional.empty();
        }
        T kept = type.cast(session.getAttribute(key));
        session.setAttribute(key, null);
        return Optional.of(kept);
    }
}
