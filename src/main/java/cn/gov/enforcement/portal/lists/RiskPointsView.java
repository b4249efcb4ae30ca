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
 * Public list of legal-risk points: search box, filters by agency, sector and level; the query
 * lives in the URL ({@code ?q=…&agency=…&sector=…&level=…&page=…}) so it can be bookmarked.
 */
@Route("risks")
@Menu(order = 30, title = "menu.risks")
@AnonymousAllowed
public class RiskPointsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ListsCatalog catalog;
    private final TextField search = new TextField();
    private final Select<String> agency = new Select<>();
    private final Select<String> sector = new Select<>();
    private final Select<String> level = new Select<>();
    private final Paragraph count = new Paragraph();
    private final Div results = new Div();
    private final Div pager = new Div();
    private final Anchor download = new Anchor();
    private final Anchor downloadXlsx = new Anchor();
    private final transient Map<String, String> agencyNames = new HashMap<>();

    public RiskPointsView(ListsCatalog catalog) {
        this.catalog = catalog;
        addClassName("risk-points-view");
        add(new H1(getTranslation("lists.risks.title")), new Paragraph(getTranslation("lists.risks.lead")));

        search.setId("risk-search");
        search.setLabel(getTranslation("lists.search.label"));
        search.setPlaceholder(getTranslation("lists.risks.search.placeholder"));
        search.setMaxLength(ListsCatalog.MAX_QUERY);
        search.setClearButtonVisible(true);
        search.addKeyPressListener(Key.ENTER, e -> submit());

        List<String> agencies = new ArrayList<>();
        agencies.add("");
        agencies.addAll(catalog.agencies(ListKind.RISK_POINTS));
        agency.setId("risk-agency");
        agency.setLabel(getTranslation("lists.filter.agency"));
        agency.setItems(agencies);
        agency.setItemLabelGenerator(a -> a.isEmpty() ? getTranslation("lists.filter.all") : agencyName(a));
        agency.setValue("");

        List<String> sectors = new ArrayList<>();
        sectors.add("");
        sectors.addAll(catalog.riskSectors());
        sector.setId("risk-sector");
        sector.setLabel(getTranslation("lists.filter.sector"));
        sector.setItems(sectors);
        sector.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("lists.filter.all") : s);
        sector.setValue("");

        List<String> levels = new ArrayList<>();
        levels.add("");
        levels.addAll(ListsFormat.LEVELS);
        level.setId("risk-level");
        level.setLabel(getTranslation("lists.filter.level"));
        level.setItems(levels);
        level.setItemLabelGenerator(l -> l.isEmpty() ? getTranslation("lists.filter.all") : getTranslation(ListsUi.levelKey(l)));
        level.setValue("");

        Button submit = new Button(getTranslation("lists.search.submit"), e -> submit());
        submit.setId("risk-search-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout form = new HorizontalLayout(search, agency, sector, level, submit);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.getElement().setAttribute("role", "search");
        form.addClassName("lists-no-print");
        add(form);

        download.setId("risk-download");
        download.setText(getTranslation("lists.download.csv"));
        download.getElement().setAttribute("download", true);
        download.setRouterIgnore(true);
        downloadXlsx.setId("risk-download-xlsx");
        downloadXlsx.setText(getTranslation("lists.download.xlsx"));
        downloadXlsx.getElement().setAttribute("download", true);
        downloadXlsx.setRouterIgnore(true);
        Anchor discretion = new Anchor("discretion", getTranslation("lists.discretion.link"));
        discretion.setId("risk-discretion-link");
        HorizontalLayout tools = new HorizontalLayout(download, downloadXlsx, ListsUi.printButton(this), discretion);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tools.addClassName("lists-no-print");
        add(tools);

        count.setId("risk-count");
        count.getElement().setAttribute("role", "status");
        results.setId("risk-results");
        results.addClassName("card-grid");
        pager.setId("risk-pager");
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
        putIfSet(params, "sector", sector.getValue());
        putIfSet(params, "level", level.getValue());
        UI.getCurrent().navigate("risks", QueryParameters.simple(params));
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
        String s = ListsUi.first(params, "sector");
        String l = ListsUi.first(params, "level");
        if (a != null && !catalog.agencies(ListKind.RISK_POINTS).contains(a)) {
            a = null;
        }
        if (s != null && !catalog.riskSectors().contains(s)) {
            s = null;
        }
        if (l != null && !ListsFormat.LEVELS.contains(l)) {
            l = null;
        }
        search.setValue(q == null ? "" : q.length() > ListsCatalog.MAX_QUERY ? q.substring(0, ListsCatalog.MAX_QUERY) : q);
        agency.setValue(a == null ? "" : a);
        sector.setValue(s == null ? "" : s);
        level.setValue(l == null ? "" : l);
        show(q, a, s, l, ListsUi.page(params));
    }

    private void show(String q, String a, String s, String l, int page) {
        Map<String, String> filters = new LinkedHashMap<>();
        putIfSet(filters, "q", q);
        putIfSet(filters, "agency", a);
        putIfSet(filters, "sector", s);
        putIfSet(filters, "level", l);
        String query = QueryParameters.simple(withLang(filters)).getQueryString();
        download.setHref("/api/v1/risk-points.csv?" + query);
        downloadXlsx.setHref("/api/v1/risk-points.xlsx?" + query);
        int size = catalog.defaultPageSize();
        ListPage<RiskPoint> result = catalog.searchRiskPoints(q, a, s, l, page, size);
        results.removeAll();
        pager.removeAll();
        if (result.items().isEmpty()) {
            count.setText(getTranslation("lists.empty"));
            count.addClassName("lists-empty");
            return;
        }
        count.removeClassName("lists-empty");
        count.setText(getTranslation("lists.risks.count", result.total()));
        result.items().forEach(r -> results.add(card(r)));
        if (page > 0) {
            pager.add(pageLink(filters, page - 1, "lists.previous", "risk-previous"));
        }
        if ((long) (page + 1) * size < result.total()) {
            pager.add(pageLink(filters, page + 1, "lists.next", "risk-next"));
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
        Anchor link = new Anchor("risks?" + QueryParameters.simple(params).getQueryString(), getTranslation(key));
        link.setId(id);
        return link;
    }

    private Div card(RiskPoint r) {
        Div card = new Div();
        card.addClassName("service-card");
        card.addClassName("risk-card");
        card.getElement().setAttribute("data-id", r.id());
        Anchor link = new Anchor("risks/" + r.id(), r.title());
        link.addClassName("risk-link");
        H2 title = new H2(link);
        if (r.sample()) {
            title.add(new Span(" "), ListsUi.sampleBadge(this));
        }
        card.add(title);
        card.add(ListsUi.fact(this, "lists.field.level", getTranslation(ListsUi.levelKey(r.level()))));
        card.add(ListsUi.fact(this, "lists.field.sector", r.sector()));
        card.add(ListsUi.fact(this, "lists.field.agency", agencyName(r.agency())));
        card.add(new Paragraph(r.risk()));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lists.risks.pageTitle");
    }
}
