package cn.gov.enforcement.portal.ui;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.LanguagePreference;
import cn.gov.enforcement.portal.platform.Translations;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Locale;

/**
 * The frame around every page: a header with the portal's name, the language switch and the
 * sign-in link; the navigation (built from the views a reader may open, so nothing is listed
 * that does not exist or is not allowed); the main landmark; and a footer.
 *
 * <p>On a phone or a tablet the navigation is folded behind a menu button in the header (a disclosure button with
 * aria-expanded and aria-controls; folded, the links are hidden from every reader, unfolded they follow the
 * button in the tab order); from 901 px on the button is hidden and the navigation always shown. Signed in, the
 * account's line (who, the agency's record, the password, sign-out) folds and unfolds with the navigation there, so a
 * phone's header keeps to two rows (the name; the language switch and the button). Vaadin's
 * connection indicator gets its texts in the page's language. Every page's title ends with the site's name
 * (appended here, not typed into each view's title key).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final Main main = new Main();
    private final Nav nav = new Nav();
    private final NativeButton navToggle = new NativeButton();
    private boolean navOpen;
    private final transient AuthenticationContext authentication;

    public MainLayout(AuthenticationContext authentication, java.util.List<cn.gov.enforcement.portal.platform.SampleContent> samples,
            cn.gov.enforcement.portal.platform.SiteSettings site) {
        this.authentication = authentication;
        addClassName("portal-shell");

        Anchor skip = new Anchor("#main-content", getTranslation("shell.skip"));
        skip.addClassName("skip-link");
        // Vaadin resolves "#main-content" against the site's root, so the browser (and the router) would go to the
        // home page from any other page: the link moves the focus to the main content itself and stays on the page
        skip.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " const main = document.getElementById('main-content');"
                + " if (main) { main.focus(); main.scrollIntoView(); } })");

        Header header = new Header();
        header.addClassName("portal-header");
        RouterLink brand = new RouterLink();
        brand.setRoute(HomeView.class);
        brand.addClassName("portal-brand");
        Span emblem = new Span("法");
        emblem.addClassName("portal-emblem");
        emblem.getElement().setAttribute("aria-hidden", "true");
        brand.add(emblem, new Span(getTranslation("shell.name")));

        Div tools = new Div();
        tools.addClassName("portal-tools");
        tools.add(languageSwitch());
        Component account = accountArea();
        boolean signedIn = authentication.getPrincipalName().isPresent();

        navToggle.setId("portal-nav-toggle");
        navToggle.addClassName("portal-nav-toggle");
        navToggle.getElement().setAttribute("type", "button");
        // signed in, the account's links (who is signed in, the agency's record, the password, sign-out) fold with the
        // navigation on a phone or a tablet, so the header keeps to two rows there
        navToggle.getElement().setAttribute("aria-controls",
                signedIn ? "portal-account portal-nav" : "portal-nav");
        Span burger = new Span("☰");
        burger.getElement().setAttribute("aria-hidden", "true");
        // one label in both states: aria-expanded tells whether the navigation is shown
        navToggle.add(burger, new Span(getTranslation("shell.nav.open")));
        navToggle.addClickListener(e -> setNavigationOpen(!navOpen));
        // Escape folds the unfolded menu and gives the focus back to its button (on a phone, where it unfolds)
        getElement().addEventListener("keydown", e -> {
            if (navOpen) {
                setNavigationOpen(false);
                navToggle.focus();
            }
        }).setFilter("event.key === 'Escape' && element.classList.contains('portal-nav-open')");
        if (signedIn) {
            // after the button, so that the unfolded account links and navigation follow it in the tab order (on a
            // wide screen the button is hidden and the account links follow the language switch as before)
            header.add(brand, tools, navToggle, account);
        } else {
            // signed out, the sign-in link stays beside the language switch, before the button
            tools.add(account);
            header.add(brand, tools, navToggle);
        }

        nav.setId("portal-nav");
        nav.addClassName("portal-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("shell.nav.label"));
        setNavigationOpen(false);

        main.setId("main-content");
        main.addClassName("portal-main");
        main.getElement().setAttribute("tabindex", "-1");

        Footer footer = footer(samples, site);

        add(skip, header, nav, main, footer);
    }

    /**
     * The footer: that the portal shows sample data (only while some module shows samples), what the portal is for,
     * the operator and the site's registrations as configured ({@code portal.site.*}), and the privacy notice.
     */
    private Footer footer(java.util.List<cn.gov.enforcement.portal.platform.SampleContent> samples,
            cn.gov.enforcement.portal.platform.SiteSettings site) {
        Footer footer = new Footer();
        footer.addClassName("portal-footer");
        if (samples.stream().anyMatch(cn.gov.enforcement.portal.platform.SampleContent::showsSamples)) {
            Paragraph sample = new Paragraph(getTranslation("shell.footer.sample"));
            sample.setId("footer-sample");
            footer.add(sample);
        }
        footer.add(new Paragraph(getTranslation("shell.footer.about")));
        java.util.List<com.vaadin.flow.component.Component> operator = new java.util.ArrayList<>();
        if (site.sponsor() != null) {
            operator.add(new Span(getTranslation("shell.footer.sponsor", site.sponsor())));
        }
        if (site.contact() != null) {
            operator.add(new Span(getTranslation("shell.footer.contact", site.contact())));
        }
        if (site.identifier() != null) {
            operator.add(new Span(getTranslation("shell.footer.identifier", site.identifier())));
        }
        if (site.icp() != null) {
            operator.add(external("https://beian.miit.gov.cn/", site.icp()));
        }
        if (site.policeRecord() != null) {
            operator.add(external("https://beian.mps.gov.cn/", site.policeRecord()));
        }
        Anchor privacy = new Anchor("privacy", getTranslation("shell.footer.privacy"));
        privacy.setId("footer-privacy");
        operator.add(privacy);
        Paragraph line = new Paragraph();
        line.setId("footer-site");
        line.addClassName("portal-footer-site");
        for (int i = 0; i < operator.size(); i++) {
            if (i > 0) {
                line.add(new Span(" · "));
            }
            line.add(operator.get(i));
        }
        footer.add(line);
        return footer;
    }

    private static Anchor external(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.setTarget("_blank");
        anchor.getElement().setAttribute("rel", "noopener noreferrer");
        return anchor;
    }

    /** Unfolds or folds the navigation on a phone (on wider screens it is always shown). */
    void setNavigationOpen(boolean open) {
        navOpen = open;
        getElement().getClassList().set("portal-nav-open", open);
        navToggle.getElement().setAttribute("aria-expanded", Boolean.toString(open));

    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (attachEvent.isInitialAttach()) {
            connectionIndicatorTexts(attachEvent.getUI());
        }
    }

    /**
     * Vaadin's connection indicator (created by the client before any page, so not a component here) says
     * Online, Connection lost and so on in English; it gets the texts of the page's language instead. Switching the
     * language reloads the page, which builds this layout, and so sets them, again.
     */
    static void connectionIndicatorTexts(UI ui) {
        ui.getPage().executeJs("""
                const apply = () => {
                  const indicator = window.Vaadin && window.Vaadin.connectionIndicator;
                  if (!indicator) { return false; }
                  indicator.onlineText = $0;
                  indicator.offlineText = $1;
                  indicator.reconnectingText = $2;
                  return true;
                };
                if (!apply()) { window.addEventListener('load', apply, { once: true }); }
                """, ui.getTranslation("shell.connection.online"), ui.getTranslation("shell.connection.offline"),
                ui.getTranslation("shell.connection.reconnecting"));
    }

    private Component languageSwitch() {
        Select<Locale> select = Selects.create();
        select.setItems(Translations.LOCALES);
        select.setItemLabelGenerator(l -> getTranslation("shell.lang." + l.toLanguageTag()));
        // each language's name in its own language, marked so (English read out in a Chinese voice otherwise)
        select.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(l -> {
            com.vaadin.flow.component.html.Span name = new com.vaadin.flow.component.html.Span(
                    getTranslation("shell.lang." + l.toLanguageTag()));
            name.getElement().setAttribute("lang", l.toLanguageTag());
            return name;
        }));
        select.setValue(Translations.supported(UI.getCurrent() == null ? Translations.ZH_CN : UI.getCurrent().getLocale()));
        select.setAriaLabel(getTranslation("shell.lang.label"));
        select.setId("language-switch");
        select.addClassName("portal-lang");
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                switchLanguage(UI.getCurrent(), e.getValue());
            }
        });
        return select;
    }

    /**
     * What the header's language switch does: the switch reloads the page, so a view holding a form or an opened
     * case keeps it for the reloaded view first.
     */
    public static void switchLanguage(UI ui, Locale locale) {
        if (ui.getCurrentView() instanceof cn.gov.enforcement.portal.platform.LanguageSwitchAware view) {
            view.keepForLanguageSwitch();
        }
        LanguagePreference.switchTo(ui, locale);
    }

    private Component accountArea() {
        Div area = new Div();
        area.setId("portal-account");
        area.addClassName("portal-account");
        authentication.getPrincipalName().ifPresentOrElse(name -> {
            area.addClassName("portal-account-signed-in");
            Span user = new Span(getTranslation("shell.account.signedInAs", name));
            Button logout = new Button(getTranslation("shell.account.logout"), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            logout.setId("logout");
            Anchor password = new Anchor("account/password", getTranslation("shell.account.password"));
            if (authentication.hasAnyRole("OFFICER", "EDITOR", "ADMIN")) {
                // the staff view of the agency directory (agency module); officers see their own agency only
                // an administrator has no agency of their own: the link opens every agency's record
                Anchor staff = new Anchor("staff/agency", getTranslation(authentication.hasAnyRole("ADMIN")
                        ? "shell.account.staffAgencyAll" : "shell.account.staffAgency"));
                staff.setId("staff-agency-link");
                area.add(user, staff, password, logout);
            } else {
                area.add(user, password, logout);
            }
        }, () -> {
            Anchor login = new Anchor("login", getTranslation("shell.account.login"));
            login.setId("login-link");
            area.add(login);
        });
        return area;
    }

    private void buildNavigation(String currentPath) {
        nav.removeAll();
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
        List<String> paths = entries.stream()
                .map(entry -> entry.path().startsWith("/") ? entry.path().substring(1) : entry.path()).toList();
        // only one link is the current page: staff/mediation is the queue's, not also the workbench's (staff)
        String current = currentMenuPath(paths, currentPath);
        // a signed-in officer's, editor's or administrator's pages form a group of their own, on a line after the
        // public pages and named for screen readers, instead of running on in one bar with them
        Div staff = new Div();
        staff.setId("portal-nav-staff");
        staff.addClassName("portal-nav-staff");
        staff.getElement().setAttribute("role", "group");
        Span staffLabel = new Span(getTranslation("shell.nav.staff"));
        staffLabel.setId("portal-nav-staff-label");
        staffLabel.addClassName("portal-nav-staff-label");
        staff.getElement().setAttribute("aria-labelledby", "portal-nav-staff-label");
        staff.add(staffLabel);
        for (int i = 0; i < entries.size(); i++) {
            String path = paths.get(i);
            Anchor link = new Anchor(path.isEmpty() ? "." : path, getTranslation(entries.get(i).title()));
            link.addClassName("portal-nav-link");
            if (path.equals(current)) {
                link.getElement().setAttribute("aria-current", "page");
            }
            if (isStaffEntry(entries.get(i).title())) {
                staff.add(link);
            } else {
                nav.add(link);
            }
        }
        if (staff.getComponentCount() > 1) {
            nav.add(staff);
        }
        if (nav.getChildren().findAny().isEmpty()) {
            nav.setVisible(false);
        }
    }

    /** Whether a menu entry (by its title key) is a page for staff: {@code menu.staff.*} and {@code menu.admin.*}. */
    static boolean isStaffEntry(String titleKey) {
        return titleKey.startsWith("menu.staff.") || titleKey.startsWith("menu.admin.");
    }

    /**
     * The menu path of the page at this path: the longest one that is the path or a folder of it, so that on
     * staff/mediation only the queue is the current page, not the workbench at staff as well; null for none.
     */
    static String currentMenuPath(List<String> menuPaths, String currentPath) {
        String current = null;
        for (String path : menuPaths) {
            // an entry under which other entries lie (the workbench at staff) is a group, not a folder of its own:
            // staff/agency, reached from the account area, is not the workbench
            boolean group = menuPaths.stream().anyMatch(other -> !path.isEmpty() && other.startsWith(path + "/"));
            boolean matches = path.equals(currentPath)
                    || (!path.isEmpty() && !group && currentPath.startsWith(path + "/"));
            if (matches && (current == null || path.length() > current.length())) {
                current = path;
            }
        }
        return current;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        buildNavigation(event.getLocation().getPath());
        setNavigationOpen(false); // a link was followed: the next page starts with the navigation folded
        // Vaadin sets the view's own title after this event: the site's name is appended before the response
        getUI().ifPresent(ui -> ui.beforeClientResponse(this, context ->
                ui.getPage().setTitle(withSiteName(ui.getInternals().getTitle(), getTranslation("shell.name")))));
    }

    /**
     * A page's title followed by the site's name, the same way on every page (首页 - 服务型行政执法公共服务平台); the
     * site's name alone for a page without a title of its own, a title that already ends with it unchanged.
     */
    static String withSiteName(String title, String siteName) {
        if (title == null || title.isBlank() || title.strip().equals(siteName)) {
            return siteName;
        }
        String suffix = " - " + siteName;
        return title.endsWith(suffix) ? title : title + suffix;
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.removeAll();
    }

}
