package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.platform.SearchForm;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the risk-point and exemption list pages share: the search box, the agency filter, the
 * bookmarkable query in the URL ({@code ?q=…&agency=…&<filters>&page=…}), CSV and XLSX downloads of the
 * same query, the print link, the count, the result cards and the pager. Component ids start with
 * the page's prefix ({@code risk-search}, {@code exemption-download-xlsx}, …).
 *
 * <p>Print mode ({@code &print=all}, what the print link opens) shows every entry of the query on one
 * page, without pager, and opens the browser's print dialog: printing the list prints the whole list,
 * not the page of 20 the reader happened to be on.
 *
 * @param <T> the entry type shown as cards
 */
abstract class ListSearchView<T> extends Div implements BeforeEnterObserver, HasDynamicTitle {

    protected final transient ListsCatalog catalog;
    private final ListKind kind;
    private final String route;
    private final String prefix;
    private final String keys;
    private final TextField search = new TextField();
    private final Select<String> agency = Selects.create();
    private final Paragraph count = new Paragraph();
    /** Says that a filter of the address is unknown and was ignored (an edited or outdated link). */
    private final Paragraph unknownFilter = new Paragraph();
    private final Div results = new Div();
    private final Div pager = new Div();
    private final Anchor download = new Anchor();
    private final Anchor downloadXlsx = new Anchor();
    private final Anchor printAll = new Anchor();
    private boolean printMode;
    private final HorizontalLayout tools = new HorizontalLayout();
    private SearchForm form;
    private final HorizontalLayout printBar = new HorizontalLayout();
    private final Anchor backToList = new Anchor();
    private final Paragraph pageOnlyNote = new Paragraph();
    /** Says which entries a search saying the business lacks a licence left out (those about holding it). */
    private final Paragraph leftOutNote = new Paragraph();
    private final transient Map<String, String> agencyNames = new HashMap<>();

    /**
     * @param route the page's route, e.g. {@code risks}
     * @param prefix the component id prefix, e.g. {@code risk}
     * @param keys the translation key prefix, e.g. {@code lists.risks}
     */
    ListSearchView(ListsCatalog catalog, ListKind kind, String route, String prefix, String keys) {
        this.catalog = catalog;
        this.kind = kind;
        this.route = route;
        this.prefix = prefix;
        this.keys = keys;
        add(new H1(getTranslation(keys + ".title")), new Paragraph(getTranslation(keys + ".lead")));

        search.setId(prefix + "-search");
        search.setLabel(getTranslation("lists.search.label"));
        search.setPlaceholder(getTranslation(keys + ".search.placeholder"));
        search.setMaxLength(ListsCatalog.MAX_QUERY);
        search.setClearButtonVisible(true);
        search.addKeyPressListener(Key.ENTER, e -> submit());

        List<String> agencies = new ArrayList<>();
        agencies.add("");
        agencies.addAll(catalog.agencies(kind));
        agency.setId(prefix + "-agency");
        agency.setLabel(getTranslation("lists.filter.agency"));
        agency.setItems(agencies);
        ReaderScript.showItems(agency, a -> a.isEmpty() ? getTranslation("lists.filter.all") : agencyName(a));
        agency.setValue("");
    }

    /** Adds the search form (with the page's own filters after the agency filter), tools and results. */
    protected void build(Component... filters) {
        Button submit = new Button(getTranslation("lists.search.submit"), e -> submit());
        submit.setId(prefix + "-search-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Component[] fields = new Component[filters.length + 1];
        fields[0] = agency;
        System.arraycopy(filters, 0, fields, 1, filters.length);
        form = new SearchForm(prefix, search, submit, fields);
        form.addClassName("lists-no-print");
        add(form);

        downloadLink(download, "-download", "lists.download.csv");
        downloadLink(downloadXlsx, "-download-xlsx", "lists.download.xlsx");
        printAll.setId(prefix + "-print-all");
        printAll.add(ListsUi.printIcon(), new Span(getTranslation("lists.printAll")));
        printAll.addClassName("lists-print-link");
        Anchor discretion = new Anchor("discretion", getTranslation("lists.discretion.link"));
        discretion.setId(prefix + "-discretion-link");
        tools.add(download, downloadXlsx, printAll, discretion);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tools.setWrap(true);
        tools.addClassName("lists-tools");
        tools.addClassName("lists-no-print");
        add(tools);

        // print mode only: back to the paged list, and print again
        backToList.setId(prefix + "-print-back");
        backToList.setText(getTranslation("lists.print.back"));
        Button printAgain = ListsUi.printButton(this);
        printAgain.setId(prefix + "-print-again");
        printBar.add(backToList, printAgain);
        printBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        printBar.setWrap(true);
        printBar.addClassName("lists-tools");
        printBar.addClassName("lists-no-print");
        printBar.setVisible(false);
        add(printBar);

        unknownFilter.setId(prefix + "-unknown-filter");
        unknownFilter.addClassName("lists-empty");
        unknownFilter.setVisible(false);
        count.setId(prefix + "-count");
        count.getElement().setAttribute("role", "status");
        results.setId(prefix + "-results");
        results.addClassName("card-grid");
        pager.setId(prefix + "-pager");
        pager.addClassName("lists-no-print");
        // printed only: a page printed with the browser's own command says that it is one page of several
        pageOnlyNote.setId(prefix + "-print-page-note");
        pageOnlyNote.addClassName("lists-print-only");
        leftOutNote.setId(prefix + "-left-out");
        leftOutNote.addClassName("lists-left-out");
        add(unknownFilter, count, leftOutNote, pageOnlyNote, results, pager);
        ListsUi.addPrintStyle(this);
    }

    private void downloadLink(Anchor link, String idSuffix, String key) {
        link.setId(prefix + idSuffix);
        link.setText(getTranslation(key));
        link.getElement().setAttribute("download", true);
        link.setRouterIgnore(true);
    }

    /** The search, filters and page shown, as {@link #listQuery()} gives them. */
    private String listQuery = "";

    /**
     * Sets up a sector (行业领域) filter: "all" first, then {@code sectors}, each shown as content in the reader's
     * script (marked Chinese on an English page).
     */
    protected void sectorFilter(Select<String> sector, String id, List<String> sectors) {
        List<String> items = new ArrayList<>();
        items.add("");
        items.addAll(sectors);
        sector.setId(id);
        sector.setLabel(getTranslation("lists.filter.sector"));
        sector.setItems(items);
        ReaderScript.showItems(sector, s -> s.isEmpty() ? getTranslation("lists.filter.all") : ReaderScript.forReader(s));
        sector.setValue("");
    }

    /** The page's own filters as chosen in the form (name → value, empty for "all"), in URL order. */
    protected abstract Map<String, String> chosenFilters();

    /**
     * Reads the page's own filters from the URL, puts them into the form and returns the valid ones
     * (name → value or null), in URL order.
     */
    protected abstract Map<String, String> readFilters(Map<String, List<String>> params);

    protected abstract ListPage<T> query(String q, String agency, Map<String, String> filters, int page, int size);

    /** Every entry of the query (no paging), for print mode. */
    protected abstract ListResults<T> queryAll(String q, String agency, Map<String, String> filters);

    protected abstract Component card(T entry);

    protected String agencyName(String id) {
        return agencyNames.computeIfAbsent(id, catalog::agencyName);
    }

    private void submit() {
        Map<String, String> params = new LinkedHashMap<>();
        if (search.getValue() != null && !search.getValue().isBlank()) {
            params.put("q", search.getValue().strip());
        }
        putIfSet(params, "agency", agency.getValue());
        chosenFilters().forEach((name, value) -> putIfSet(params, name, value));
        UI.getCurrent().navigate(route, QueryParameters.simple(params));
    }

    private static void putIfSet(Map<String, String> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.put(name, value);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        String q = ListsUi.first(params, "q");
        String a = ListsUi.first(params, "agency");
        List<String> unknown = new ArrayList<>();
        if (a != null && !catalog.agencies(kind).contains(a)) {
            if (catalog.knownAgency(a)) {
                // an agency page links here for every agency: keep its filter, even with nothing to show
                if (!agency.getListDataView().contains(a)) {
                    agency.getListDataView().addItem(a);
                }
            } else {
                a = null;
                unknown.add(getTranslation("lists.filter.agency"));
            }
        }
        search.setValue(q == null ? "" : q.length() > ListsCatalog.MAX_QUERY ? q.substring(0, ListsCatalog.MAX_QUERY) : q);
        agency.setValue(a == null ? "" : a);
        Map<String, String> own = readFilters(params);
        // a filter of the address that the page does not know is ignored: say so rather than show "all" silently
        own.forEach((name, value) -> {
            if (value == null && ListsUi.first(params, name) != null) {
                unknown.add(getTranslation("lists.filter." + name));
            }
        });
        unknownFilter.setText(unknown.isEmpty() ? ""
                : getTranslation("lists.unknownFilter", String.join(getTranslation("lists.unknownFilter.separator"), unknown)));
        unknownFilter.setVisible(!unknown.isEmpty());
        form.setActiveFilters((a == null ? 0 : 1) + (int) own.values().stream().filter(v -> v != null && !v.isEmpty()).count());
        show(q, a, own, ListsUi.page(params), "all".equals(ListsUi.first(params, "print")));
    }

    /**
     * The search, filters and page shown ({@code q=…&sector=…&page=…}; empty for the first page of everything), for a
     * card's link to pass to a detail page that leads back here.
     */
    protected String listQuery() {
        return listQuery;
    }

    /** True while the page shows the whole list for paper ({@code print=all}): cards then hold what a reader needs there. */
    protected boolean printMode() {
        return printMode;
    }

    private void show(String q, String a, Map<String, String> own, int page, boolean printMode) {
        this.printMode = printMode;
        Map<String, String> filters = new LinkedHashMap<>();
        putIfSet(filters, "q", q);
        putIfSet(filters, "agency", a);
        own.forEach((name, value) -> putIfSet(filters, name, value));
        Map<String, String> shown = new LinkedHashMap<>(filters);
        if (page > 0 && !printMode) {
            shown.put("page", Integer.toString(page));
        }
        listQuery = shown.isEmpty() ? "" : QueryParameters.simple(shown).getQueryString();
        Map<String, String> withLang = new LinkedHashMap<>(filters);
        withLang.put("lang", getLocale().toLanguageTag());
        String downloadQuery = QueryParameters.simple(withLang).getQueryString();
        download.setHref("/api/v1/" + kind.folder() + ".csv?" + downloadQuery);
        downloadXlsx.setHref("/api/v1/" + kind.folder() + ".xlsx?" + downloadQuery);
        Map<String, String> printParams = new LinkedHashMap<>(filters);
        printParams.put("print", "all");
        printAll.setHref(route + "?" + QueryParameters.simple(printParams).getQueryString());
        backToList.setHref(filters.isEmpty() ? route : route + "?" + QueryParameters.simple(filters).getQueryString());
        tools.setVisible(!printMode);
        printBar.setVisible(printMode);
        results.removeAll();
        pager.removeAll();
        pageOnlyNote.setText("");
        leftOutNote.removeAll();
        leftOutNote.setVisible(false);
        if (printMode) {
            ListResults<T> everything = queryAll(q, a, own);
            showLeftOut(everything.leftOut());
            List<T> all = everything.items();
            if (all.isEmpty()) {
                showEmpty();
                return;
            }
            count.removeClassName("lists-empty");
            count.setText(getTranslation(keys + ".count", all.size()) + " " + getTranslation("lists.print.allNote"));
            all.forEach(r -> results.add(card(r)));
            // the browser's print dialog once the entries are on screen
            getElement().executeJs("setTimeout(function(){window.print();}, 300)");
            return;
        }
        int size = catalog.defaultPageSize();
        ListPage<T> result = query(q, a, own, page, size);
        showLeftOut(result.leftOut());
        if (result.items().isEmpty() && page > 0 && result.total() > 0) {
            // a page past the end (an old bookmark, an edited address): say so and lead to the last page
            long last = (result.total() + size - 1) / size;
            count.setText(getTranslation("lists.pastEnd", page + 1, last));
            count.addClassName("lists-empty");
            pager.add(pageLink(filters, (int) last - 1, "lists.lastPage", prefix + "-last"));
            return;
        }
        if (result.items().isEmpty()) {
            if (a != null && !catalog.agencies(kind).contains(a)) {
                // a known agency that publishes nothing in this list (yet): not every agency's entries instead
                count.setText(getTranslation("lists.emptyAgency", agencyName(a)));
                count.addClassName("lists-empty");
                return;
            }
            showEmpty();
            return;
        }
        count.removeClassName("lists-empty");
        count.setText(getTranslation(keys + ".count", result.total()));
        result.items().forEach(r -> results.add(card(r)));
        long pages = (result.total() + size - 1) / size;
        if (pages > 1) {
            pageOnlyNote.setText(getTranslation("lists.print.pageOnly", page + 1, pages));
        }
        if (page > 0) {
            pager.add(pageLink(filters, page - 1, "lists.previous", prefix + "-previous"));
        }
        if ((long) (page + 1) * size < result.total()) {
            pager.add(pageLink(filters, page + 1, "lists.next", prefix + "-next"));
        }
    }

    /**
     * Says under the count which entries the search left out on purpose (its text says the business lacks a licence
     * they are about holding), naming one, so that the reader does not think the list lacks them; nothing for none.
     */
    private void showLeftOut(List<String> leftOut) {
        if (!leftOut.isEmpty()) {
            leftOutNote.add(cn.gov.enforcement.portal.platform.ReaderScript.markSpliced(getTranslation(
                    "lists.leftOutHeld", leftOut.size(),
                    cn.gov.enforcement.portal.platform.ReaderScript.splice(leftOut.get(0)))));
            leftOutNote.setVisible(true);
        }
    }

    private void showEmpty() {
        count.setText(getTranslation("lists.empty"));
        count.addClassName("lists-empty");
    }

    private Anchor pageLink(Map<String, String> filters, int page, String key, String id) {
        Map<String, String> params = new LinkedHashMap<>(filters);
        params.put("page", Integer.toString(page));
        Anchor link = new Anchor(route + "?" + QueryParameters.simple(params).getQueryString(), getTranslation(key));
        link.setId(id);
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(keys + ".pageTitle");
    }
}
