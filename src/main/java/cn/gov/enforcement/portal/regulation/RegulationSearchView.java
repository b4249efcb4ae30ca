package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.DatePickers;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.platform.SearchForm;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Public article search: query box; filters by level, region, issuer, validity and in-force date; results with
 * highlighted snippets linking to the article's permalink; pages. The whole search lives in the URL
 * ({@code ?q=…&level=…&region=…&issuer=…&status=…&from=…&to=…&page=…}) so it can be shared and the back
 * button works.
 */
@Route("regulations")
@Menu(order = 15, title = "menu.regulations")
@AnonymousAllowed
public class RegulationSearchView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Status filter values: a status name in lower case, or "any". */
    /** A level, status or date in the address the search refuses, named with the value (page wording). */
    static final String LINK_LEVEL = "regulation.search.linkLevel";
    static final String LINK_STATUS = "regulation.search.linkStatus";
    static final String LINK_DATE = "regulation.search.linkDate";
    static final String ANY = RegulationFilters.ANY;

    static final int PAGE_SIZE = 20;

    /** Page links shown on each side of the current page. */
    private static final int PAGE_LINKS = 4;

    private final transient RegulationCatalog catalog;
    private final transient SearchThrottle throttle;
    private final TextField search = new TextField();
    private final Select<Optional<LegalLevel>> level = Selects.create();
    private final ComboBox<String> region = new ComboBox<>();
    private final ComboBox<String> issuer = new ComboBox<>();
    private final Select<String> status = Selects.create();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final SearchForm form;
    private final Paragraph count = new Paragraph();
    private final Paragraph legalTerms = new Paragraph();
    private final Div results = new Div();
    private final Nav pager = new Nav();
    private final Div start = new Div();

    public RegulationSearchView(RegulationCatalog catalog, SearchThrottle throttle) {
        this.throttle = throttle;
        this.catalog = catalog;
        addClassName("regulation-search-view");
        add(new H1(getTranslation("regulation.search.title")), new Paragraph(getTranslation("regulation.search.lead")));
        RegulationCatalog.FilterOptions options = catalog.filterOptions();

        search.setId("regulation-search");
        search.setLabel(getTranslation("regulation.search.query.label"));
        search.setPlaceholder(getTranslation("regulation.search.query.placeholder"));
        search.setMaxLength(RegulationCatalog.MAX_QUERY);
        search.setClearButtonVisible(true);
        search.addKeyPressListener(Key.ENTER, e -> submit());

        List<Optional<LegalLevel>> levels = new ArrayList<>();
        levels.add(Optional.empty());
        options.levels().forEach(l -> levels.add(Optional.of(l)));
        level.setId("regulation-level");
        level.setLabel(getTranslation("regulation.search.level.label"));
        level.setItems(levels);
        level.setItemLabelGenerator(l -> l.map(v -> getTranslation(v.translationKey()))
                .orElse(getTranslation("regulation.search.level.all")));
        level.setValue(Optional.empty());

        region.setId("regulation-region");
        region.setLabel(getTranslation("regulation.search.region.label"));
        region.setPlaceholder(getTranslation("regulation.search.region.all"));
        region.setItems(options.regions());
        // shown (and typed against) in the reader's script: a zh-TW reader sees and finds 廣東省
        region.setItemLabelGenerator(cn.gov.enforcement.portal.platform.ReaderScript::forReader);
        region.setClearButtonVisible(true);

        issuer.setId("regulation-issuer");
        issuer.setLabel(getTranslation("regulation.search.issuer.label"));
        issuer.setPlaceholder(getTranslation("regulation.search.issuer.all"));
        issuer.setItems(options.issuers());
        issuer.setItemLabelGenerator(cn.gov.enforcement.portal.platform.ReaderScript::forReader);
        issuer.setClearButtonVisible(true);

        List<String> statuses = new ArrayList<>();
        for (DocumentStatus s : DocumentStatus.values()) {
            statuses.add(s.name().toLowerCase(Locale.ROOT));
        }
        statuses.add(ANY);
        status.setId("regulation-status");
        status.setLabel(getTranslation("regulation.search.status.label"));
        status.setItems(statuses);
        status.setItemLabelGenerator(s -> ANY.equals(s) ? getTranslation("regulation.search.status.any")
                : getTranslation("regulation.status." + s.toUpperCase(Locale.ROOT)));
        status.setValue("current");

        DatePickers.localize(from, this);
        DatePickers.localize(to, this);
        from.setId("regulation-from");
        from.setLabel(getTranslation("regulation.search.from.label"));
        from.setClearButtonVisible(true);
        to.setId("regulation-to");
        to.setLabel(getTranslation("regulation.search.to.label"));
        to.setClearButtonVisible(true);
        // a start after the end is marked on leaving the field with the message the API gives for it
        DatePickers.checkMessages(from, null, getTranslation("regulation.api.badDateRange"));
        DatePickers.checkMessages(to, null, getTranslation("regulation.api.badDateRange"));
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));

        Button submit = new Button(getTranslation("regulation.search.submit"), e -> submit());
        submit.setId("regulation-search-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        form = new SearchForm("regulation", search, submit, level, region, issuer, status, from, to);
        add(form);

        count.setId("regulation-count");
        count.getElement().setAttribute("role", "status");
        legalTerms.setId("regulation-legal-terms");
        legalTerms.addClassName("regulation-legal-terms");
        legalTerms.setVisible(false);
        results.setId("regulation-results");
        pager.setId("regulation-pager");
        pager.addClassName("regulation-pager");
        pager.getElement().setAttribute("aria-label", getTranslation("regulation.search.pages"));
        add(count, legalTerms, results, pager);
        start.setId("regulation-start");
        start.addClassName("regulation-start");
        add(start);
    }

    /**
     * What the page offers before the first search: questions to try (in plain words, as citizens ask
     * them) and the portal's own guides.
     */
    private void showStart() {
        start.removeAll();
        start.add(new H2(getTranslation("regulation.search.examples.title")));
        Div examples = new Div();
        examples.setId("regulation-examples");
        examples.addClassName("regulation-examples");
        for (String question : getTranslation("regulation.search.examples").split("\\|")) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("q", question.strip());
            Anchor link = new Anchor("regulations?" + QueryParameters.simple(params).getQueryString(), question.strip());
            link.addClassName("regulation-example");
            if (!"zh".equals(getLocale().getLanguage())) {
                // the examples stay Chinese questions on English pages: read with a Chinese voice
                link.getElement().setAttribute("lang", "zh-CN");
            }
            examples.add(link);
        }
        start.add(examples);
        List<RegulationCatalog.GuideLink> guides = catalog.guides();
        if (!guides.isEmpty()) {
            start.add(new H2(getTranslation("regulation.search.guides.title")));
            start.add(new Paragraph(getTranslation("regulation.search.guides.lead")));
            Div list = new Div();
            list.setId("regulation-guides");
            for (RegulationCatalog.GuideLink guide : guides) {
                Anchor link = ReaderScript.markContent(new Anchor(guide.url(), ReaderScript.forReader(guide.title())));
                link.addClassName("regulation-guide-link");
                list.add(new Div(link));
            }
            start.add(list);
        }
        start.setVisible(true);
    }

    /** The URL parameters of the form's current values (without a page: a new search starts on page 1). */
    private Map<String, String> formParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        if (search.getValue() != null && !search.getValue().isBlank()) {
            params.put("q", search.getValue().strip());
        }
        level.getValue().ifPresent(l -> params.put("level", l.name().toLowerCase(Locale.ROOT)));
        putIfSet(params, "region", region.getValue());
        putIfSet(params, "issuer", issuer.getValue());
        if (status.getValue() != null && !"current".equals(status.getValue())) {
            params.put("status", status.getValue());
        }
        if (from.getValue() != null) {
            params.put("from", from.getValue().toString());
        }
        if (to.getValue() != null) {
            params.put("to", to.getValue().toString());
        }
        return params;
    }

    private static void putIfSet(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value.strip());
        }
    }

    private void submit() {
        // a typed date the picker could not read would silently search without it
        if (DatePickers.markUnreadable(this, from, to)) {
            form.setActiveFilters(Math.max(1, form.activeFilters()));
            (DatePickers.hasBadInput(from) ? from : to).focus();
            return;
        }
        UI.getCurrent().navigate("regulations", QueryParameters.simple(formParameters()));
    }

    /** The session's last search page address ({@code regulations?q=…&page=2}), for the document page's way back. */
    private static final String LAST_SEARCH = RegulationSearchView.class.getName() + ".lastSearch";

    /** The address of the reader's last search in this session, or the empty search page. */
    static String lastSearch() {
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        return session != null && session.getAttribute(LAST_SEARCH) instanceof String last ? last : "regulations";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(LAST_SEARCH, event.getLocation().getPathWithQueryParameters());
        }
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        String q = first(params, "q");
        String st = first(params, "status");
        // the form shows what the URL says, even a value that turns out to be invalid
        search.setValue(q == null ? "" : RegulationCatalog.normalize(q));
        String lv = first(params, "level");
        Optional<LegalLevel> lvl = RegulationFilters.level(lv);
        if (lvl.isPresent() && !level.getListDataView().contains(lvl)) {
            level.getListDataView().addItem(lvl);
        }
        level.setValue(lvl);
        setCombo(region, first(params, "region"));
        setCombo(issuer, first(params, "issuer"));
        boolean any = st != null && ANY.equalsIgnoreCase(st.strip());
        status.setValue(any ? ANY : RegulationFilters.status(st).orElse(DocumentStatus.CURRENT).name()
                .toLowerCase(Locale.ROOT));
        String fromText = first(params, "from");
        String toText = first(params, "to");
        from.setValue(RegulationFilters.date(fromText).orElse(null));
        to.setValue(RegulationFilters.date(toText).orElse(null));
        // a value the address gives but the search refuses: the field shows its default (All, Current, no date) and
        // says why it is not the value asked for, until the reader changes it; a new search runs with what is shown
        // named in the page's words with the value the link gave (the API's messages name its codes)
        String badLevel = getTranslation(LINK_LEVEL, shown(lv));
        String badStatus = getTranslation(LINK_STATUS, shown(st));
        String badFrom = getTranslation(LINK_DATE, shown(fromText));
        String badTo = getTranslation(LINK_DATE, shown(toText));
        boolean anyRefused = refused(level, given(lv) && lvl.isEmpty(), badLevel)
                | refused(status, given(st) && !any && RegulationFilters.status(st).isEmpty(), badStatus)
                | refused(from, given(fromText) && from.getValue() == null, badFrom)
                | refused(to, given(toText) && to.getValue() == null, badTo);
        Map<String, String> chosen = formParameters();
        int active = chosen.size() - (chosen.containsKey("q") ? 1 : 0);
        // a refused field counts as set, so that a phone unfolds the filters and shows it with its message
        form.setActiveFilters(anyRefused ? Math.max(1, active) : active);

        results.removeAll();
        pager.removeAll();
        legalTerms.setVisible(false);
        start.setVisible(false);
        RegulationFilters.Parsed parsed = RegulationFilters.parse(q, first(params, "page"), null, first(params, "level"),
                first(params, "region"), first(params, "issuer"), st, first(params, "from"), first(params, "to"),
                PAGE_SIZE);
        if (parsed.errorKey() != null) {
            String reason = switch (parsed.errorKey()) {
                case "regulation.api.badLevel" -> badLevel;
                case "regulation.api.badStatus" -> badStatus;
                case "regulation.api.badDate" -> from.isInvalid() ? badFrom : badTo;
                default -> getTranslation(parsed.errorKey(), parsed.errorArgs());
            };
            count.setText(getTranslation("regulation.search.badFilter", reason));
            return;
        }
        show(parsed.query());
    }

    private static void setCombo(ComboBox<String> box, String value) {
        if (value == null || value.isBlank()) {
            box.clear();
            return;
        }
        String v = ChineseScript.toSimplified(value.strip());
        if (!box.getListDataView().contains(v)) {
            // keep what the URL asked for visible, even when no document has this value
            List<String> items = new ArrayList<>(box.getListDataView().getItems().toList());
            items.add(v);
            box.setItems(items);
        }
        box.setValue(v);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** A value from the address as a message quotes it: stripped, and cut after 30 characters. */
    static String shown(String value) {
        String v = value == null ? "" : value.strip();
        return TextChecks.shortened(v, 30);
    }

    /** Marks a field invalid with the message of the address's refused value, or clears an earlier mark. */
    private <F extends com.vaadin.flow.component.HasValidation> boolean refused(F field, boolean refused,
            String message) {
        if (refused) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else if (field.isInvalid()) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        return refused;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private void show(RegulationCatalog.Query query) {
        if (RegulationCatalog.normalize(query.text()).isEmpty()) {
            count.setText(getTranslation("regulation.search.prompt"));
            if (catalog.documentCount() > 0) {
                showStart();
            }
            return;
        }
        java.time.Duration wait = throttle.acquire(cn.gov.enforcement.portal.platform.ClientAddress.current());
        if (!wait.isZero()) {
            // the question stays in the box: the reader sends it again once the wait is over
            count.setText(getTranslation("regulation.search.tooMany", SearchThrottle.seconds(wait)));
            return;
        }
        // a page past the 1,000 results that can be paged through is too deep only for a search with more results
        // than that (to be narrowed); one with fewer simply has no such page (the catalog tells them apart)
        RegulationCatalog.Results found = catalog.search(query);
        if (found.unavailable()) {
            count.setText(getTranslation("regulation.search.unavailable"));
            return;
        }
        if (found.tooDeep()) {
            count.setText(getTranslation("regulation.search.tooDeep", RegulationCatalog.MAX_WINDOW));
            pager.add(pageLink(1, getTranslation("regulation.search.firstPage"), "regulation-first-page"));
            return;
        }
        if (found.results().isEmpty()) {
            // an empty store is not the reader's fault: say so instead of "try another word"
            String key = catalog.documentCount() == 0 ? "regulation.search.nothingImported"
                    : found.total() > 0 ? "regulation.search.pastEnd" : "regulation.search.none";
            count.setText(getTranslation(key));
            if (found.total() > 0) {
                pager.add(pageLink(1, getTranslation("regulation.search.firstPage"), "regulation-first-page"));
            }
            return;
        }
        int pages = found.pages();
        String text = getTranslation("regulation.search.count", found.total(), found.page(), pages);
        if (found.total() > RegulationCatalog.MAX_WINDOW) {
            text += " " + getTranslation("regulation.search.capped", RegulationCatalog.MAX_WINDOW);
        }
        count.setText(text);
        if (!found.legalTerms().isEmpty()) {
            // the question's everyday words were also searched as the terms the statutes use: say which, each a
            // link that searches for the term alone (same filters), so readers learn the statutes' vocabulary
            // shown as a zh-TW reader writes it, word by word (關係, not 關系)
            legalTerms.removeAll();
            legalTerms.add(new Span(getTranslation("regulation.search.legalTerms")));
            Map<String, String> filters = formParameters();
            for (int i = 0; i < found.legalTerms().size(); i++) {
                String term = found.legalTerms().get(i);
                if (i > 0) {
                    legalTerms.add(new Span(getTranslation("regulation.search.legalTermsSeparator")));
                }
                Map<String, String> params = new LinkedHashMap<>(filters);
                params.put("q", term);
                Anchor link = new Anchor("regulations?" + QueryParameters.simple(params).getQueryString(),
                        ReaderScript.forReader(term));
                link.addClassName("regulation-legal-term");
                legalTerms.add(link);
            }
            legalTerms.setVisible(true);
        }
        for (RegulationCatalog.ArticleHit hit : found.results()) {
            results.add(card(hit));
        }
        if (pages > 1) {
            pager(found.page(), pages);
        }
    }

    private void pager(int page, int pages) {
        if (page > 1) {
            pager.add(pageLink(page - 1, getTranslation("regulation.search.previousPage"), "regulation-previous-page"));
        }
        for (int p = Math.max(1, page - PAGE_LINKS); p <= Math.min(pages, page + PAGE_LINKS); p++) {
            if (p == page) {
                Span current = new Span(Integer.toString(p));
                current.addClassName("regulation-page-current");
                current.getElement().setAttribute("aria-current", "page");
                pager.add(current);
            } else {
                Anchor link = pageLink(p, Integer.toString(p), null);
                link.addClassName("regulation-page");
                pager.add(link);
            }
        }
        if (page < pages) {
            pager.add(pageLink(page + 1, getTranslation("regulation.search.nextPage"), "regulation-next-page"));
        }
    }

    private Anchor pageLink(int page, String text, String id) {
        Map<String, String> params = formParameters();
        if (page > 1) {
            params.put("page", Integer.toString(page));
        }
        String query = QueryParameters.simple(params).getQueryString();
        Anchor link = new Anchor(query.isEmpty() ? "regulations" : "regulations?" + query, text);
        if (id != null) {
            link.setId(id);
        }
        if (id == null) {
            // a bare number says little to a screen reader; 上一页 / 下一页 keep their visible text as their name
            link.getElement().setAttribute("aria-label", getTranslation("regulation.search.pageLabel", page));
        }
        return link;
    }

    private Div card(RegulationCatalog.ArticleHit hit) {
        Div card = new Div();
        card.addClassName("regulation-hit");
        String label = !hit.article().isEmpty() ? hit.title() + " " + hit.article()
                : hit.section().isEmpty() ? hit.title() : hit.title() + " · " + hit.section();
        // our own guides follow the reader's script; laws are shown as published
        String snippet = hit.snippet();
        if (hit.guide()) {
            label = ReaderScript.forReader(label);
            snippet = ReaderScript.forReader(snippet);
        }
        Anchor link = new Anchor(hit.url().substring(1), label);
        link.addClassName("regulation-hit-link");
        // a guide is Chinese in the reader's script: marked on an English page only
        String language = hit.guide() ? ReaderScript.contentLanguage(getLocale())
                : RegulationDocumentView.lawLanguage(getLocale(), label);
        if (language != null) {
            link.getElement().setAttribute("lang", language);
        }
        H2 heading = new H2(link);
        if (hit.guide()) {
            card.addClassName("regulation-hit-guide");
            heading.add(new Span(" "), guideBadge(this));
        }
        card.add(heading);
        if (!hit.guide()) {
            card.add(meta(this, hit));
        }
        // the snippet is HTML-escaped by the search service; only <em> marks are markup
        String snippetLanguage = hit.guide() ? ReaderScript.contentLanguage(getLocale())
                : RegulationDocumentView.lawLanguage(getLocale(), hit.snippet());
        card.add(new Html("<p class=\"regulation-snippet\"" + (snippetLanguage == null ? "" : " lang=\"" + snippetLanguage
                + "\"") + ">" + snippet + "</p>"));
        return card;
    }

    /**
     * Level, status, version and in-force date of a hit's document: with every version searched (status "any"),
     * two hits of one title and article are otherwise alike, and readers should see that a text is superseded or
     * repealed before they open it. The in-force date is named only when it differs from the version date (the
     * index holds the version date when the text names no in-force date).
     */
    static Div meta(com.vaadin.flow.component.Component owner, RegulationCatalog.ArticleHit hit) {
        Div meta = new Div();
        meta.addClassName("regulation-hit-meta");
        List<com.vaadin.flow.component.Component> parts = new ArrayList<>();
        if (hit.level() != null) {
            parts.add(new Span(owner.getTranslation(hit.level().translationKey())));
        }
        if (hit.status() != null) {
            Span status = new Span(owner.getTranslation(hit.status().translationKey()));
            status.addClassName("regulation-hit-status");
            status.getElement().setAttribute("data-status", hit.status().name());
            status.getElement().getThemeList().add(switch (hit.status()) {
                case CURRENT -> "badge success";
                case REPEALED -> "badge error";
                case SUPERSEDED, PENDING -> "badge contrast";
            });
            parts.add(status);
        }
        if (hit.versionDate() != null) {
            parts.add(new Span(owner.getTranslation("regulation.document.versionLabel", hit.versionDate().toString())));
        }
        if (hit.inForceDate() != null && !hit.inForceDate().equals(hit.versionDate())) {
            parts.add(new Span(owner.getTranslation("regulation.document.inForceOn", hit.inForceDate().toString())));
        }
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                meta.add(new Span(" · "));
            }
            meta.add(parts.get(i));
        }
        return meta;
    }

    /** The "guide · not law" badge shown beside our own plain-language guides. */
    static Span guideBadge(com.vaadin.flow.component.Component owner) {
        Span badge = new Span(owner.getTranslation("regulation.guide.badge"));
        badge.addClassName("regulation-guide-badge");
        badge.getElement().getThemeList().add("badge contrast");
        badge.getElement().setAttribute("title", owner.getTranslation("regulation.guide.notLaw"));
        return badge;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("regulation.search.pageTitle");
    }
}
