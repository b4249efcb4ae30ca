package cn.gov.enforcement.portal.lists;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public list of exemption and lighter-penalty items: search box, filters by agency and kind; the
 * query lives in the URL ({@code ?q=…&agency=…&kind=…&page=…}) so it can be bookmarked.
 */
@Route("exemptions")
@Menu(order = 40, title = "menu.exemptions")
@AnonymousAllowed
public class ExemptionsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ListsCatalog catalog;
    private final TextField search = new TextField();
    private final Select<String> agency = new Select<>();
    private final Select<String> kind = new Select<>();
    private final Paragraph count = new Paragraph();
    private final Div results = new Div();
    private final Div pager = new Div();
    private final Anchor download = new Anchor();
    private final Anchor downloadXlsx = new Anchor();
    private final transient Map<String, String> agencyNames = new HashMap<>();

    public ExemptionsView(ListsCatalog catalog) {
        this.catalog = catalog;
        addClassName("exemptions-view");
        add(new H1(getTranslation("lists.exemptions.title")), new Paragraph(getTranslation("lists.exemptions.lead")));

        search.setId("exemption-search");
        search.setLabel(getTranslation("lists.search.label"));
        search.setPlaceholder(getTranslation("lists.exemptions.search.placeholder"));
        search.setMaxLength(ListsCatalog.MAX_QUERY);
        search.setClearButtonVisible(true);
        search.addKeyPressListener(Key.ENTER, e -> submit());

        List<String> agencies = new ArrayList<>();
        agencies.add("");
        agencies.addAll(catalog.agencies(ListKind.EXEMPTIONS));
        agency.setId("exemption-agency");
        agency.setLabel(getTranslation("lists.filter.agency"));
        agency.setItems(agencies);
        agency.setItemLabelGenerator(a -> a.isEmpty() ? getTranslation("lists.filter.all") : agencyName(a));
        agency.setValue("");

        List<String> kinds = new ArrayList<>();
        kinds.add("");
        kinds.addAll(ListsFormat.KINDS);
        kind.setId("exemption-kind");
        kind.setLabel(getTranslation("lists.filter.kind"));
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("lists.filter.all") : getTranslation(ListsUi.kindKey(k)));
        kind.setValue("");

        Button submit = new Button(getTranslation("lists.search.submit"), e -> submit());
        submit.setId("exemption-search-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout form = new HorizontalLayout(search, agency, kind, submit);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.getElement().setAttribute("role", "search");
        form.addClassName("lists-no-print");
        add(form);

        download.setId("exemption-download");
        download.setText(getTranslation("lists.download.csv"));
        download.getElement().setAttribute("download", true);
        download.setRouterIgnore(true);
        downloadXlsx.setId("exemption-download-xlsx");
        downloadXlsx.setText(getTranslation("lists.download.xlsx"));
        downloadXlsx.getElement().setAttribute("download", true);
        downloadXlsx.setRouterIgnore(true);
        Anchor discretion = new Anchor("discretion", getTranslation("lists.discretion.link"));
        discretion.setId("exemption-discretion-link");
        HorizontalLayout tools = new HorizontalLayout(download, downloadXlsx, ListsUi.printButton(this), discretion);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tools.addClassName("lists-no-print");
        add(tools);

        count.setId("exemption-count");
        count.getElement().setAttribute("role", "status");
        results.setId("exemption-results");
        results.addClassName("card-grid");
        pager.setId("exemption-pager");
        pager.addClassName("lists-no-print");
        add(count, results, pager);
        ListsUi.addPrintStyle(this);
    }

    private String agencyName(String id) {
        return agencyNames.computeIfAbsent(id, catalog::agencyName);
    }

    private void submit() {
        Map<String, String> params = new LinkedHashMap<>();
        if (search.getValue() != null && !search.getValue().isBlank()) {
            params.put("q", search.getValue().strip());
        }
        putIfSet(params, "agency", agency.getValue());
        putIfSet(params, "kind", kind.getValue());
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(params));
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
        String k = ListsUi.first(params, "kind");
        if (a != null && !catalog.agencies(ListKind.EXEMPTIONS).contains(a)) {
            a = null;
        }
        if (k != null && !ListsFormat.KINDS.contains(k)) {
            k = null;
        }
        search.setValue(q == null ? "" : q.length() > ListsCatalog.MAX_QUERY ? q.substring(0, ListsCatalog.MAX_QUERY) : q);
        agency.setValue(a == null ? "" : a);
        kind.setValue(k == null ? "" : k);
        show(q, a, k, ListsUi.page(params));
    }

    private void show(String q, String a, String k, int page) {
        Map<String, String> filters = new LinkedHashMap<>();
        putIfSet(filters, "q", q);
        putIfSet(filters, "agency", a);
        putIfSet(filters, "kind", k);
        String query = QueryParameters.simple(withLang(filters)).getQueryString();
        download.setHref("/api/v1/exemptions.csv?" + query);
        downloadXlsx.setHref("/api/v1/exemptions.xlsx?" + query);
        int size = catalog.defaultPageSize();
        ListPage<ExemptionItem> result = catalog.searchExemptions(q, a, k, page, size);
        results.removeAll();
        pager.removeAll();
        if (result.items().isEmpty()) {
            count.setText(getTranslation("lists.empty"));
            count.addClassName("lists-empty");
            return;
        }
        count.removeClassName("lists-empty");
        count.setText(getTranslation("lists.exemptions.count", result.total()));
        result.items().forEach(r -> results.add(card(r)));
        if (page > 0) {
            pager.add(pageLink(filters, page - 1, "lists.previous", "exemption-previous"));
        }
        if ((long) (page + 1) * size < result.total()) {
            pager.add(pageLink(filters, page + 1, "lists.next", "exemption-next"));
        }
    }

    private Map<String, String> withLang(Map<String, String> filters) {
        Map<String, String> params = new LinkedHashMap<>(filters);
        params.put("lang", getLocale().toLanguageTag());
        return params;
    }

    private Anchor pageLink(Map<String, String> filters, int page, String key, String id) {
        Map<String, String> params = new LinkedHashMap<>(filters);
        params.put("page", Integer.toString(page));
        Anchor link = new Anchor("exemptions?" + QueryParameters.simple(params).getQueryString(), getTranslation(key));
        link.setId(id);
        return link;
    }

    private Div card(ExemptionItem e) {
        Div card = new Div();
        card.addClassName("service-card");
        card.addClassName("exemption-card");
        card.getElement().setAttribute("data-id", e.id());
        Anchor link = new Anchor("exemptions/" + e.id(), e.violation());
        link.addClassName("exemption-link");
        H2 title = new H2(link);
        if (e.sample()) {
            title.add(new Span(" "), ListsUi.sampleBadge(this));
        }
        card.add(title);
        card.add(ListsUi.fact(this, "lists.field.kind", getTranslation(ListsUi.kindKey(e.kind()))
                + (e.subkind() == null ? "" : " · " + e.subkind())));
        if (e.sector() != null) {
            card.add(ListsUi.fact(this, "lists.field.sector", e.sector()));
        }
        card.add(ListsUi.fact(this, "lists.field.agency", agencyName(e.agency())));
        Anchor check = new Anchor("exemptions/" + e.id() + "/check", getTranslation("lists.exemption.checkLink"));
        check.addClassName("exemption-check-link");
        card.add(new Div(check));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lists.exemptions.pageTitle");
    }
}
