package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/**
 * One legal document: its facts, a table of contents and every article; each article carries its number
 * as anchor ({@code regulations/12#第三十三条}) so that links point at one article. Unknown id → 404 page.
 */
@Route("regulations/:id")
@AnonymousAllowed
public class RegulationDocumentView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient RegulationCatalog catalog;
    private String title = "";
    /** True when the shown document is one of our own guides, shown in the reader's script. */
    private boolean guide;
    /** The citation of each numbered article shown, by its anchor: what a copy button of the page copied. */
    private final java.util.Map<String, String> citations = new java.util.HashMap<>();

    public RegulationDocumentView(RegulationCatalog catalog) {
        this.catalog = catalog;
        addClassName("regulation-document-view");
    }

    /** The document id of the page's address; empty when it is not one (not digits, or too long). */
    static java.util.Optional<Long> documentId(com.vaadin.flow.router.RouteParameters parameters) {
        String raw = parameters.get("id").orElse("");
        return raw.matches("\\d{1,18}") ? java.util.Optional.of(Long.parseLong(raw)) : java.util.Optional.empty();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RegulationCatalog.DocumentPage page = documentId(event.getRouteParameters())
                .flatMap(id -> catalog.document(id)).orElse(null);
        if (page == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        // our own guides follow the reader's script (Traditional characters on zh-TW pages); laws are shown as published
        guide = page.guide();
        title = getTranslation("regulation.document.pageTitle", shown(page.displayTitle()));
        // back to the search the reader came from (its words, filters and page), else to the empty search page
        Anchor back = new Anchor(RegulationSearchView.lastSearch(), getTranslation("regulation.document.back"));
        back.setId("regulation-back");
        H1 heading = new H1(shown(page.displayTitle()));
        heading.setId("regulation-title");
        markLaw(heading, page.displayTitle());
        add(back, heading);
        if (page.guide()) {
            add(guideNotice());
            add(fact("regulation.document.updated", date(page.versionDate())));
        }
        versionNotice(page).ifPresent(this::add);
        if (page.level() == LegalLevel.OTHER_MATERIAL) {
            // a news or work report imported beside the documents it is about: no basis for an act
            Paragraph other = new Paragraph(getTranslation("regulation.document.otherMaterial"));
            other.setId("regulation-other-material");
            other.addClassName("regulation-guide-notice");
            other.getElement().setAttribute("role", "note");
            add(other);
        }
        add(fact("regulation.document.level", getTranslation(page.level().translationKey())));
        if (!page.guide()) {
            add(fact("regulation.document.status", getTranslation(page.status().translationKey())));
            // issuer and region are what the search page's filters offer, in the reader's script as they are there
            add(content(fact("regulation.document.issuer", ReaderScript.forReader(page.issuer()))));
            add(content(fact("regulation.document.region", ReaderScript.forReader(page.region()))));
            add(fact("regulation.document.number", page.documentNumber()));
            add(fact("regulation.document.versionDate", date(page.versionDate())));
            add(fact("regulation.document.inForceDate", date(page.inForceDate())));
            add(versions(page));
        }

        String base = "regulations/" + page.id();
        Nav toc = new Nav();
        toc.setId("regulation-toc");
        toc.getElement().setAttribute("aria-label", getTranslation("regulation.document.toc"));
        toc.add(new H2(getTranslation("regulation.document.toc")));
        UnorderedList tocList = new UnorderedList();
        // the contents are the document's headings and article numbers, in its language
        markLaw(tocList, page.displayTitle());
        toc.add(tocList);
        Div body = new Div();
        body.setId("regulation-articles");
        // The contents and the articles are plain HTML, not one server component per link and button: a long
        // document (民法典 合同编, 526 articles) would otherwise cost thousands of components, megabytes of the
        // first answer and of the reader's session. Their links need no server; the copy buttons share one
        // handler in the browser (copyHandler) that tells the server only to show the notification.
        StringBuilder contents = new StringBuilder();
        StringBuilder articles = new StringBuilder();
        citations.clear();
        String lastHeading = "";
        boolean sectionOpen = false;
        List<RegulationCatalog.ArticleView> numbered = page.articles().stream().filter(a -> !a.number().isEmpty()).toList();
        int position = 0;
        for (RegulationCatalog.ArticleView a : page.articles()) {
            if (!a.headingPath().isEmpty() && !a.headingPath().equals(lastHeading)) {
                lastHeading = a.headingPath();
                articles.append("<h2 class=\"regulation-heading\"").append(lang(a.headingPath())).append('>')
                        .append(escape(shown(a.headingPath()))).append("</h2>");
                if (sectionOpen) {
                    contents.append("</li>");
                }
                // a section that starts with unnumbered text links to it; numbered articles get their own links
                contents.append("<li>");
                if (a.number().isEmpty()) {
                    link(contents, base + "#" + a.anchor(), null, shown(a.headingPath()));
                } else {
                    contents.append("<span>").append(escape(shown(a.headingPath()))).append("</span>");
                }
                sectionOpen = true;
            }
            if (!a.number().isEmpty()) {
                if (sectionOpen) {
                    contents.append(' ');
                    link(contents, base + "#" + a.anchor(), "regulation-toc-article", a.number());
                } else {
                    contents.append("<li>");
                    link(contents, base + "#" + a.anchor(), "regulation-toc-article", a.number());
                    contents.append("</li>");
                }
            }
            RegulationCatalog.ArticleView previous = null;
            RegulationCatalog.ArticleView next = null;
            if (!a.number().isEmpty()) {
                previous = position > 0 ? numbered.get(position - 1) : null;
                next = position + 1 < numbered.size() ? numbered.get(position + 1) : null;
                position++;
            }
            if (page.guide() && a.headingPath().equals(GuideParser.BASIS_HEADING)) {
                basis(articles, a);
            } else {
                article(articles, base, page.title(), a, previous, next);
            }
        }
        if (sectionOpen) {
            contents.append("</li>");
        }
        tocList.getElement().setProperty("innerHTML", contents.toString());
        body.getElement().setProperty("innerHTML", articles.toString());
        add(toc, body);
        scrollToFragment();
        copyHandler();
    }

    /**
     * A permalink ({@code regulations/12#第三十三条}) must open at its article. The browser scrolls to a URL's
     * fragment only while it loads the page, before the articles exist, and not at all when a search result is
     * clicked (the router replaces the page's content); so once this page's content has arrived, the article
     * named by the fragment is scrolled to. Links within the page (contents, previous and next) scroll by
     * themselves.
     */
    private void scrollToFragment() {
        // the article is also marked (a tint), here and whenever a link within the page names another one
        getElement().executeJs("""
                const view = this;
                const mark = () => {
                  let id = '';
                  try { id = decodeURIComponent(location.hash.substring(1)); } catch (malformed) { return null; }
                  view.querySelectorAll('.regulation-article-target')
                      .forEach(e => e.classList.remove('regulation-article-target'));
                  const target = id ? document.getElementById(id) : null;
                  if (!target || !view.contains(target)) { return null; }
                  target.classList.add('regulation-article-target');
                  return target;
                };
                const onHashChange = () => {
                  if (!view.isConnected) { window.removeEventListener('hashchange', onHashChange); return; }
                  mark();
                };
                // once per view element: the router reuses the view when a link leads to another document
                if (!view.__hashMark) {
                  view.__hashMark = true;
                  window.addEventListener('hashchange', onHashChange);
                }
                requestAnimationFrame(() => { const target = mark(); if (target) { target.scrollIntoView(); } });""");
    }

    /**
     * One click handler in the browser for every copy-citation button of the page: it copies the button's
     * citation to the reader's clipboard and tells the server, by the article's anchor, whether it worked
     * ({@link #copied(String, boolean)}). The clipboard API exists only on secure pages (https, localhost) and may
     * be refused; the older copy command is tried then, and if that fails too the reader is shown the citation to
     * copy by hand, never told "copied" when nothing was. Registered once per view element (the router reuses the
     * view when a link leads to another document).
     */
    private void copyHandler() {
        getElement().executeJs("""
                const view = this;
                if (view.__citationCopy) { return; }
                view.__citationCopy = true;
                const copy = text => {
                  if (navigator.clipboard && window.isSecureContext) {
                    return navigator.clipboard.writeText(text).then(() => true, () => false);
                  }
                  const focused = document.activeElement;
                  const area = document.createElement('textarea');
                  area.value = text;
                  area.setAttribute('readonly', '');
                  area.style.position = 'fixed';
                  area.style.opacity = '0';
                  document.body.appendChild(area);
                  area.select();
                  let copied = false;
                  try { copied = document.execCommand('copy'); } catch (refused) { copied = false; }
                  area.remove();
                  // the keyboard's place stays on the button that was used
                  if (focused && focused.focus) { focused.focus(); }
                  return Promise.resolve(copied);
                };
                view.addEventListener('click', event => {
                  const button = event.target.closest('button.regulation-copy-citation');
                  if (!button || !view.contains(button)) { return; }
                  const article = button.closest('.regulation-article');
                  copy(button.dataset.citation).then(copied => view.$server.copied(article ? article.id : '', copied));
                });""");
    }

    private void article(StringBuilder html, String base, String documentTitle, RegulationCatalog.ArticleView a,
                         RegulationCatalog.ArticleView previous, RegulationCatalog.ArticleView next) {
        html.append("<div class=\"regulation-article\" id=\"").append(escape(a.anchor())).append("\">");
        if (!a.number().isEmpty()) {
            tools(html, base, documentTitle, a, previous, next);
        }
        html.append("<p").append(lang(a.text())).append('>');
        if (!a.number().isEmpty()) {
            link(html, base + "#" + a.anchor(), "regulation-permalink", a.number(),
                    " title=\"" + escape(getTranslation("regulation.document.permalink")) + "\"");
            html.append(' ');
        }
        html.append("<span>").append(escape(shown(a.text()))).append("</span></p></div>");
    }

    /** Previous/next article links and the copy-citation button shown above a numbered article. */
    private void tools(StringBuilder html, String base, String documentTitle, RegulationCatalog.ArticleView a,
                       RegulationCatalog.ArticleView previous, RegulationCatalog.ArticleView next) {
        html.append("<div class=\"regulation-article-tools\">");
        if (previous != null) {
            neighbour(html, base, previous, "previous");
        }
        if (next != null) {
            neighbour(html, base, next, "next");
        }
        String citation = citation(documentTitle, named(a));
        citations.put(a.anchor(), citation);
        String label = getTranslation("regulation.document.copyCitation");
        html.append("<button type=\"button\" class=\"regulation-copy-citation\" data-citation=\"").append(escape(citation))
                .append("\" aria-label=\"").append(escape(label + " " + named(a))).append("\">")
                .append(escape(label)).append("</button></div>");
    }

    /**
     * The link to the previous or the next article ({@code kind}: {@code previous}, {@code next}). Hundreds of such
     * links on one page: each is named after the article it leads to.
     */
    private void neighbour(StringBuilder html, String base, RegulationCatalog.ArticleView to, String kind) {
        link(html, base + "#" + to.anchor(), "regulation-" + kind, getTranslation("regulation.document." + kind),
                " title=\"" + escape(named(to)) + "\" aria-label=\""
                        + escape(getTranslation("regulation.document." + kind + "Named", named(to))) + "\"");
        html.append(' ');
    }

    /**
     * Called by the page's copy handler once a copy-citation button was used: says whether the citation of the
     * article with the given anchor was copied, or shows it to copy by hand. An anchor this page did not show (the
     * call comes from the browser) changes nothing.
     */
    @com.vaadin.flow.component.ClientCallable
    void copied(String anchor, boolean copied) {
        String citation = anchor == null ? null : citations.get(anchor);
        if (citation == null) {
            return;
        }
        Notification notification = Notification.show(getTranslation(copied ? "regulation.document.copied"
                : "regulation.document.copyByHand", citation), copied ? 3000 : 8000, Notification.Position.BOTTOM_START);
        notification.addClassName("regulation-copy-notification");
    }

    /**
     * A guide's citation as the guide parser writes it: {@code 《title》第…条} (or {@code 第…条之…}), perhaps followed by
     * a paragraph {@code 第…款}.
     */
    private static final java.util.regex.Pattern GUIDE_CITATION =
            java.util.regex.Pattern.compile("《([^《》]+)》(第[^第款]+?[条條](?:之[^第]+)?)(?:第[^第]+款)?");

    /** The article a guide's citation names (title as cited, article number), or null when it is not of that form. */
    static RegulationCatalog.CitedArticle citedArticle(String citation) {
        java.util.regex.Matcher m = GUIDE_CITATION.matcher(citation.strip());
        return m.matches() ? new RegulationCatalog.CitedArticle(m.group(1), m.group(2)) : null;
    }

    /**
     * The citations of a guide: each linked to the permalink of the article it cites when that article is imported
     * ({@link RegulationCatalog#articleUrls}), else shown as plain text with a note that the portal does not hold it.
     */
    private void basis(StringBuilder html, RegulationCatalog.ArticleView a) {
        html.append("<div class=\"regulation-article regulation-guide-basis\" id=\"").append(escape(a.anchor())).append("\">")
                .append("<p>").append(escape(getTranslation("regulation.guide.basisLead"))).append("</p><ul>");
        List<String> citations = java.util.Arrays.stream(a.text().split("\n")).filter(c -> !c.isBlank())
                .map(String::strip).toList();
        java.util.Map<RegulationCatalog.CitedArticle, String> urls = catalog.articleUrls(citations.stream()
                .map(RegulationDocumentView::citedArticle).filter(java.util.Objects::nonNull).toList());
        for (String citation : citations) {
            RegulationCatalog.CitedArticle cited = citedArticle(citation);
            String url = cited == null ? null : urls.get(cited);
            html.append("<li>");
            if (url != null) {
                link(html, url.substring(1), "regulation-guide-citation", shown(citation), lang(citation));
            } else {
                html.append("<span class=\"regulation-guide-citation-missing\"").append(lang(citation)).append('>')
                        .append(escape(shown(citation))).append("</span> <span class=\"regulation-guide-citation-note\">")
                        .append(escape(getTranslation("regulation.guide.citationMissing"))).append("</span>");
            }
            html.append("</li>");
        }
        html.append("</ul></div>");
    }

    private static void link(StringBuilder html, String href, String className, String text) {
        link(html, href, className, text, "");
    }

    /** A link; {@code attributes} are further attributes, each with its leading space, their values escaped. */
    private static void link(StringBuilder html, String href, String className, String text, String attributes) {
        html.append("<a href=\"").append(escape(href)).append('"');
        if (className != null) {
            html.append(" class=\"").append(className).append('"');
        }
        html.append(attributes).append('>').append(escape(text)).append("</a>");
    }

    /** Text for HTML content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The {@code lang} attribute (with its leading space) that {@link #markLaw} would set for this text, or "". */
    private String lang(String text) {
        String language = guide ? ReaderScript.contentLanguage(getLocale()) : lawLanguage(getLocale(), text);
        return language == null ? "" : " lang=\"" + language + "\"";
    }

    /** A text of the shown document for the reader: a guide in the reader's script, a law as published. */
    private String shown(String text) {
        return guide ? ReaderScript.forReader(text) : text;
    }

    /**
     * The language to mark law text shown as published with, when it is not the page's: Chinese on an English page,
     * Simplified text on a zh-TW page ({@code zh-CN}), Traditional text on a zh-CN page ({@code zh-Hant}), so that a
     * screen reader reads it with a Chinese voice and the browser picks the fonts of its script; null when the text is
     * in the page's language and script.
     */
    static String lawLanguage(java.util.Locale page, String text) {
        String language = ChineseScript.containsTraditional(text) ? "zh-Hant" : "zh-CN";
        String pageTag = cn.gov.enforcement.portal.platform.LanguagePreference.tag(page);
        boolean same = language.equals("zh-CN") ? pageTag.equals("zh-CN") : pageTag.equals("zh-TW");
        return same ? null : language;
    }

    /**
     * Marks law text's language on its element where it is not the page's. Guides are in the reader's script on
     * Chinese pages and stay Simplified Chinese on English ones, marked as such there.
     */
    private void markLaw(com.vaadin.flow.component.HasElement shown, String text) {
        String language = guide ? ReaderScript.contentLanguage(getLocale()) : lawLanguage(getLocale(), text);
        if (language != null) {
            shown.getElement().setAttribute("lang", language);
        }
    }

    private static String date(java.time.LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private String dateOrUnknown(java.time.LocalDate date) {
        return date == null ? getTranslation("regulation.document.unknown") : date.toString();
    }

    /** The banner of our own guides: written by the portal, not law. */
    private Div guideNotice() {
        Div notice = new Div(RegulationSearchView.guideBadge(this),
                new Paragraph(getTranslation("regulation.guide.notLaw")));
        notice.setId("regulation-guide-notice");
        notice.addClassName("regulation-guide-notice");
        notice.getElement().setAttribute("role", "note");
        return notice;
    }

    /** For a version that is not the current one: what it is, and a link to the current version. */
    private java.util.Optional<Div> versionNotice(RegulationCatalog.DocumentPage page) {
        if (page.status() == DocumentStatus.CURRENT) {
            return java.util.Optional.empty();
        }
        Div notice = new Div();
        notice.setId("regulation-version-notice");
        notice.addClassName("regulation-version-notice");
        notice.getElement().setAttribute("role", "alert");
        notice.add(new Span(getTranslation("regulation.document.notice." + page.status().name())));
        java.util.Optional<RegulationCatalog.VersionView> current = page.currentVersion();
        if (current.isPresent()) {
            Anchor link = new Anchor(current.get().url().substring(1), getTranslation("regulation.document.toCurrent",
                    dateOrUnknown(current.get().versionDate())));
            link.setId("regulation-current-version");
            notice.add(new Span(" "), link);
        } else {
            // none in force (the law was repealed): the newest version says so
            page.newerVersion().ifPresent(newer -> {
                Anchor link = new Anchor(newer.url().substring(1), getTranslation("regulation.document.toNewest",
                        dateOrUnknown(newer.versionDate()), getTranslation("regulation.status." + newer.status().name())));
                link.setId("regulation-newest-version");
                notice.add(new Span(" "), link);
            });
        }
        return java.util.Optional.of(notice);
    }

    /** What sets apart the parts of a line of the versions list. */
    private static final String SEPARATOR = " · ";

    /** Every version of the title, newest first; the one shown is not a link, the current one is marked. */
    private Div versions(RegulationCatalog.DocumentPage page) {
        Div box = new Div(new H2(getTranslation("regulation.document.versions")));
        box.setId("regulation-versions");
        box.addClassName("regulation-versions");
        UnorderedList list = new UnorderedList();
        for (RegulationCatalog.VersionView v : page.versions()) {
            String label = getTranslation("regulation.document.versionLabel", v.versionDate() == null
                    ? getTranslation("regulation.document.unknown") : v.versionDate().toString());
            ListItem item = new ListItem();
            item.addClassName("regulation-version");
            item.getElement().setAttribute("data-status", v.status().name());
            if (v.shown()) {
                Span here = new Span(label);
                here.addClassName("regulation-version-shown");
                item.getElement().setAttribute("aria-current", "page");
                item.add(here, new Span(LabelSpacing.afterPrevious(
                        getTranslation("regulation.document.thisVersion"))));
            } else {
                Anchor link = new Anchor(v.url().substring(1), label);
                link.addClassName("regulation-version-link");
                item.add(link);
            }
            // the parts are set apart as on the search's result cards: 2021-01-22 版（即本页） · 现行有效 · 2021-07-15 起施行
            Span status = new Span(getTranslation(v.status().translationKey()));
            status.addClassName("regulation-version-status");
            status.getElement().getThemeList().add(v.status() == DocumentStatus.CURRENT ? "badge success" : "badge");
            item.add(new Span(SEPARATOR), status);
            // the date the version applies from, when it is not the version's own date (then it says nothing more)
            if (v.inForceDate() != null && !v.inForceDate().equals(v.versionDate())) {
                item.add(new Span(SEPARATOR + getTranslation("regulation.document.inForceOn", v.inForceDate().toString())));
            }
            list.add(item);
        }
        box.add(list);
        return box;
    }

    /** The citation text of one article: {@code 《title》article}. */
    /**
     * How an article is named in a citation and in the links to it: its number, and where the number is not the
     * document's only one (an 附件's 第一条, items （一） that start again in each section: its permalink is {@code p<n>})
     * the heading it stands under too, so that 《…》附件 第一条 does not cite the main text's 第一条.
     */
    static String named(RegulationCatalog.ArticleView a) {
        if (!a.anchor().startsWith("p") || a.headingPath().isEmpty()) {
            return a.number();
        }
        String path = a.headingPath();
        int last = path.lastIndexOf(RegulationStore.HEADING_SEPARATOR);
        String heading = last < 0 ? path : path.substring(last + RegulationStore.HEADING_SEPARATOR.length());
        return heading + " " + a.number();
    }

    static String citation(String documentTitle, String articleNumber) {
        return "《" + documentTitle + "》" + articleNumber;
    }

    /** Marks the value of a fact line holding Chinese content ({@link ReaderScript#markContent}). */
    private static Div content(Div fact) {
        fact.getChildren().skip(1).findFirst().ifPresent(ReaderScript::markContent);
        return fact;
    }

    private Div fact(String labelKey, String value) {
        Div line = new Div(new Span(getTranslation(labelKey) + getTranslation("regulation.document.colon")),
                new Span(value == null || value.isBlank() ? getTranslation("regulation.document.unknown") : value));
        line.addClassName("regulation-fact");
        return line;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
