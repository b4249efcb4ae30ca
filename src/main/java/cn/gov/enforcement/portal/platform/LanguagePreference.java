package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Remembers the reader's language per browser in a cookie. A {@code ?lang=en|zh-CN|zh-TW}
 * parameter (links, bookmarks, tests; other tags of these languages too, see {@link #parse}) overrides and is
 * remembered too. Without either the portal speaks Simplified Chinese, whatever the browser's Accept-Language.
 */
@Component
public class LanguagePreference implements VaadinServiceInitListener {

    public static final String COOKIE = "portal-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> {
            VaadinRequest request = VaadinService.getCurrentRequest();
            Locale locale = fromRequest(request);
            uiEvent.getUI().setLocale(locale);
            // screen readers and the CJK font choice depend on the document language
            uiEvent.getUI().getPage().executeJs("document.documentElement.lang = $0", tag(locale));
            if (uiEvent.getUI().getSession() != null) {
                uiEvent.getUI().getSession().setLocale(locale);
            }
            uiEvent.getUI().addBeforeEnterListener(enter -> {
                var values = enter.getLocation().getQueryParameters().getParameters().get("lang");
                Locale wanted = values == null || values.isEmpty() ? null : parse(values.get(0));
                if (wanted != null && !wanted.equals(enter.getUI().getLocale())) {
                    switchTo(enter.getUI(), wanted, enter.getLocation());
                }
            });
        });
    }

    /**
     * The language of a page request: {@code ?lang=} (also in the page's own address that Vaadin's requests carry),
     * remembered in the cookie, else the cookie's, else Simplified Chinese; never the browser's Accept-Language.
     */
    public static Locale fromRequest(VaadinRequest request) {
        if (request == null) {
            return Translations.ZH_CN;
        }
        String param = request.getParameter("lang");
        if (param == null) {
            // the UI is created by the client's init request, which carries the page's own URL
            // in its "location" and "query" parameters
            param = langFromQuery(request.getParameter("query"));
            if (param == null) {
                param = langInAddress(request.getParameter("location"));
            }
        }
        if (param != null && parse(param) != null) {
            Locale locale = parse(param);
            remember(locale);
            return locale;
        }
        Locale remembered = remembered(request);
        return remembered == null ? Translations.ZH_CN : remembered;
    }

    /**
     * The language of an answer written outside Vaadin (an error page): as for a page, {@code ?lang=} of the address,
     * else the cookie's, else Simplified Chinese; nothing is remembered. Reads only the query string and the
     * {@code Cookie} header, never the body; a malformed query names no language.
     */
    public static Locale forErrorPage(jakarta.servlet.http.HttpServletRequest request) {
        Locale named = parse(langFromQuery(request.getQueryString()));
        if (named != null) {
            return named;
        }
        // from the header itself: Tomcat's parsing of cookies needs the application, which a request Tomcat refused
        // before it reached the application does not have
        String cookies = request.getHeader("Cookie");
        if (cookies != null) {
            for (String pair : cookies.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(COOKIE)) {
                    Locale remembered = parse(pair.substring(eq + 1).strip().replace("\"", ""));
                    if (remembered != null) {
                        return remembered;
                    }
                }
            }
        }
        return Translations.ZH_CN;
    }

    /** The language the browser remembers (the cookie); null when none. */
    private static Locale remembered(VaadinRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && parse(cookie.getValue()) != null) {
                    return parse(cookie.getValue());
                }
            }
        }
        return null;
    }

    /** The {@code lang} of an address's query; null when it has none (or no query). */
    private static String langInAddress(String address) {
        return address != null && address.contains("?") ? langFromQuery(address.substring(address.indexOf('?') + 1)) : null;
    }

    static String langFromQuery(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "lang".equals(pair.substring(0, eq))) {
                try {
                    return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null; // ?lang=% is no language: the cookie or the default decides
                }
            }
        }
        return null;
    }

    /**
     * The language of a JSON API answer: {@code ?lang=} first, then the first language of {@code Accept-Language} (in
     * the order of its weights) that the portal speaks, else Simplified Chinese (a missing or blank header, or one that
     * names only other languages, means the portal's default, not the server's). Pages do not follow the header: they
     * speak Simplified Chinese unless the address or the cookie names another language.
     */
    public static Locale forApiRequest(jakarta.servlet.http.HttpServletRequest request) {
        // from the address; never from a form body: asking for a parameter would make the container read and parse
        // it, also for the error answers given before the body's size is checked
        String lang = langFromQuery(request.getQueryString());
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (lang == null && !type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/")) {
            lang = request.getParameter("lang");
        }
        Locale fromParam = parse(lang);
        if (fromParam != null) {
            return fromParam;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            for (Locale accepted : java.util.Collections.list(request.getLocales())) {
                Locale match = Translations.match(accepted);
                if (match != null) {
                    return match;
                }
            }
        }
        return Translations.ZH_CN;
    }

    /**
     * The portal language a tag names, matched on its language, script and region ({@code en-AU} is English,
     * {@code zh-HK} and {@code zh-Hant-TW} are Traditional Chinese, {@code zh-SG} and {@code zh-Hans} Simplified; an
     * underscore may stand for the hyphen, case does not count); null for another language or no tag.
     */
    public static Locale parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return Translations.match(Locale.forLanguageTag(tag.strip().replace('_', '-')));
    }

    public static String tag(Locale locale) {
        return Translations.supported(locale).toLanguageTag();
    }

    /**
     * Switches the current UI's language and remembers it for this browser for a year, then loads the page again. An
     * address that names a language ({@code ?lang=}, as the sitemap's alternate links do) is loaded with the new one
     * in its place, since the old one would otherwise win over the remembered choice.
     */
    public static void switchTo(UI ui, Locale locale) {
        switchTo(ui, locale, ui.getInternals().getActiveViewLocation());
    }

    /** The same, for the page at {@code where} (the address being entered, or the one shown). */
    static void switchTo(UI ui, Locale locale, com.vaadin.flow.router.Location where) {
        Locale target = Translations.supported(locale);
        remember(target);
        ui.getSession().setLocale(target);
        ui.setLocale(target);
        String again = where == null ? null : withLanguage(where, target);
        if (again == null) {
            ui.getPage().reload();
        } else {
            ui.getPage().setLocation(again);
        }
    }

    /** The address with {@code lang} set to the locale's tag, or null when the address names no language. */
    static String withLanguage(com.vaadin.flow.router.Location where, Locale locale) {
        return where.getQueryParameters().getParameters().containsKey("lang") ? addressIn(where, locale) : null;
    }

    /** The address with {@code lang} set to the locale's tag, added when the address names no language. */
    static String addressIn(com.vaadin.flow.router.Location where, Locale locale) {
        java.util.Map<String, List<String>> parameters = where.getQueryParameters().getParameters();
        java.util.Map<String, List<String>> changed = new java.util.LinkedHashMap<>(parameters);
        changed.put("lang", List.of(tag(locale)));
        String address = new com.vaadin.flow.router.Location(where.getPath(),
                new com.vaadin.flow.router.QueryParameters(changed)).getPathWithQueryParameters();
        return address.isEmpty() || address.startsWith("?") ? "./" + address : address;
    }

    /**
     * A link that opens a page of the portal in the given language in any browser, for mails and printed documents
     * sent to a party: {@code address} (a portal address whose query names no language yet) with
     * {@code lang=<tag>} added.
     */
    public static String inLanguage(String address, Locale locale) {
        if (langInAddress(address) != null) {
            throw new IllegalArgumentException("The address names a language already: " + address);
        }
        return address + (address.contains("?") ? "&" : "?") + "lang=" + tag(locale);
    }

    /**
     * Whether the reader has chosen no language for the page at {@code where}: its address names none the portal
     * speaks and the browser remembers none. Such a page may speak the language of what it was sent for, with
     * {@link #openIn}.
     */
    public static boolean noneChosen(com.vaadin.flow.router.Location where) {
        List<String> named = where.getQueryParameters().getParameters().getOrDefault("lang", List.of());
        if (!named.isEmpty() && parse(named.get(0)) != null) {
            return false;
        }
        VaadinRequest request = VaadinService.getCurrentRequest();
        return request == null || remembered(request) == null;
    }

    /**
     * Loads the page at {@code where} again in the given language, its address naming it as a link from a mail does;
     * the language is then remembered as any named by an address is.
     */
    public static void openIn(UI ui, Locale locale, com.vaadin.flow.router.Location where) {
        ui.getPage().setLocation(addressIn(where, locale));
    }

    private static void remember(Locale locale) {
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, tag(locale));
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
