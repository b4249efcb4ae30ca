package cn.gov.enforcement.portal.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;

@Theme("portal")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        // no title here: ShellLanguage writes the site's name in the page's language, with the page's lang
        // the portal's own icon (a balance on the portal's blue), files in META-INF/resources; /favicon.ico is there
        // too for clients that ask for it without reading the page
        settings.addLink("icons/favicon.svg", java.util.Map.of("rel", "icon", "type", "image/svg+xml"));
        settings.addFavIcon("icon", "favicon.ico", "16x16 32x32 48x48");
        settings.addFavIcon("apple-touch-icon", "icons/icon-180.png", "180x180");
    }
}
