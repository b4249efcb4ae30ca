package cn.gov.enforcement.portal.platform;

/**
 * A view that holds what the reader typed or opened. Switching the language reloads the page, which builds a new
 * view; just before that the header calls {@link #keepForLanguageSwitch()}, and the view keeps what it needs (in
 * the session) to show the same state again after the reload.
 */
public interface LanguageSwitchAware {

    /** Called just before the page reloads in another language. */
    void keepForLanguageSwitch();
}
