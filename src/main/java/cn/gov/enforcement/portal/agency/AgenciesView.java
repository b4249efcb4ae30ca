package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.ReaderScript;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Public agency directory: search box, category filter, results as cards. The query lives in the
 * URL ({@code ?q=…&category=…&page=…}) so that searches can be bookmarked and shared.
 */
@Route("agencies")
@Menu(order = 10, title = "menu.agencies")
@AnonymousAllowed
public class AgenciesView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AgencyDirectory directory;
    private final TextField search = new TextField();
    private final Select<Optional<AgencyCategory>> category = Selects.create();
    private final Paragraph count = new Paragraph();
    private final Div results = new Div();
    private final Div pager = new Div();

    public AgenciesView(AgencyDirectory directory) {
        this.directory = directory;
        addClassName("agencies-view");
        add(new H1(getTranslation("agency.list.title")), new Paragraph(getTranslation("agency.list.lead")));

        search.setId("agency-search");
        search.setLabel(getTranslation("agency.list.search.label"));
        search.setPlaceholder(getTranslation("agency.list.search.placeholder"));
        search.setMaxLength(AgencyDirectory.MAX_QUERY);
        search.setClearButtonVisible(true);
        search.addKeyPressListener(Key.ENTER, e -> submit());

        List<Optional<AgencyCategory>> items = new ArrayList<>();
        items.add(Optional.empty());
        for (AgencyCategory c : AgencyCategory.values()) {
            items.add(Optional.of(c));
        }
        category.setId("agency-category");
        category.setLabel(getTranslation("agency.list.category.label"));
        category.setItems(items);
        category.setItemLabelGenerator(c -> c.map(v -> getTranslation(v.labelKey())).orElse(getTranslation("agency.list.category.all")));
        category.setValue(Optional.empty());

        Button submit = new Button(getTranslation("agency.list.search.submit"), e -> submit());
        submit.setId("agency-search-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout form = new HorizontalLayout(search, category, submit);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.getElement().setAttribute("role", "search");
        add(form);

        count.setId("agency-count");
        count.getElement().setAttribute("role", "status");
        results.setId("agency-results");
        results.addClassName("card-grid");
        pager.setId("agency-pager");
        add(count, results, pager);
    }

    private void submit() {
        Map<String, String> params = new LinkedHashMap<>();
        if (search.getValue() != null && !search.getValue().isBlank()) {
            params.put("q", search.getValue().strip());
        }
        category.getValue().ifPresent(c -> params.put("category", c.code()));
        UI.getCurrent().navigate("agencies", QueryParameters.simple(params));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        String q = first(params, "q");
        Optional<AgencyCategory> cat = AgencyCategory.fromCode(first(params, "category"));
        int page = 0;
        try {
            String p = first(params, "page");
            page = p == null ? 0 : Math.max(0, Math.min(1000, Integer.parseInt(p.trim())));
        } catch (NumberFormatException e) {
            page = 0;
        }
        search.setValue(q == null ? "" : q.length() > AgencyDirectory.MAX_QUERY ? q.substring(0, AgencyDirectory.MAX_QUERY) : q);
        category.setValue(cat);
        show(q, cat.orElse(null), page);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private void show(String q, AgencyCategory cat, int page) {
        int size = directory.defaultPageSize();
        AgencySearchResult result = directory.search(q, cat, page, size);
        results.removeAll();
        pager.removeAll();
        if (result.items().isEmpty() && page > 0 && result.total() > 0) {
            // a page past the end (an old bookmark, an edited address): say so and lead to the last page
            long last = (result.total() + size - 1) / size;
            count.setText(getTranslation("agency.list.pastEnd", page + 1, last));
            count.addClassName("agency-empty");
            pager.add(pageLink(q, cat, (int) last - 1, "agency.list.lastPage", "agency-last"));
            return;
        }
        if (result.items().isEmpty()) {
            count.setText(getTranslation("agency.list.empty"));
            count.addClassName("agency-empty");
            return;
        }
        count.removeClassName("agency-empty");
        count.setText(getTranslation("agency.list.count", result.total()));
        for (AgencySummary s : result.items()) {
            results.add(card(s));
        }
        if (page > 0) {
            pager.add(pageLink(q, cat, page - 1, "agency.list.previous", "agency-previous"));
        }
        if ((long) (page + 1) * size < result.total()) {
            pager.add(pageLink(q, cat, page + 1, "agency.list.next", "agency-next"));
        }
    }

    private Anchor pageLink(String q, AgencyCategory cat, int page, String key, String id) {
        Map<String, String> params = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            params.put("q", q);
        }
        if (cat != null) {
            params.put("category", cat.code());
        }
        params.put("page", Integer.toString(page));
        Anchor link = new Anchor("agencies?" + QueryParameters.simple(params).getQueryString(), getTranslation(key));
        link.setId(id);
        return link;
    }

    private Div card(AgencySummary s) {
        Div card = new Div();
        card.addClassName("service-card");
        card.addClassName("agency-card");
        card.getElement().setAttribute("data-agency-id", s.id());
        Anchor link = new Anchor("agencies/" + s.id(), s.displayName(getLocale()));
        link.addClassName("agency-link");
        H2 title = new H2(link);
        title.addClassName("agency-card-title");
        if (s.sample()) {
            title.add(new Span(" "), AgencyDetailsPanel.sampleBadge(this));
        }
        card.add(title);
        card.add(line("agency.detail.category", getTranslation(s.category().labelKey())));
        Div address = new Div(new Span(LabelSpacing.label(getTranslation("agency.detail.address"))),
                AgencyDetailsPanel.agencyText(s.displayAddress(getLocale())));
        card.add(address);
        Div phone = new Div(new Span(LabelSpacing.label(getTranslation("agency.detail.phone"))),
                new Anchor("tel:" + s.supervisionPhone().replaceAll("[^0-9+]", ""), s.supervisionPhone()));
        card.add(phone);
        return card;
    }

    private Div line(String labelKey, String value) {
        return new Div(new Span(LabelSpacing.label(getTranslation(labelKey))), new Span(value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("agency.list.pageTitle");
    }
}
