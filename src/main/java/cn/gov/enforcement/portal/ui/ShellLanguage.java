package cn.gov.enforcement.portal.ui;

import cn.gov.enforcement.portal.platform.LanguagePreference;
import cn.gov.enforcement.portal.platform.Translations;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Writes the page's language into the first HTML answer of every page: the {@code lang} of {@code <html>} and the
 * site's name in that language as the {@code <title>} (the language of {@code ?lang=}, else of the cookie, else
 * Simplified Chinese: {@link LanguagePreference#fromRequest}). Link previews and crawlers that run no script read
 * only this answer; in a browser the main layout then puts the page's own title before the site's name.
 */
@Component
class ShellLanguage implements VaadinServiceInitListener {

    private final Translations translations;

    ShellLanguage(Translations translations) {
        this.translations = translations;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::nameLanguage);
    }

    void nameLanguage(IndexHtmlResponse response) {
        Locale language = LanguagePreference.fromRequest(response.getVaadinRequest());
        var document = response.getDocument();
        document.selectFirst("html").attr("lang", LanguagePreference.tag(language));
        document.title(translations.get(language, "shell.name"));
    }
}
