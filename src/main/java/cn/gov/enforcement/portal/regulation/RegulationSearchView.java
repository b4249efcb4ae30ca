package cn.gov.enforcement.portal.regulation;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.Html;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Public article search: query box, level and status filters, results with highlighted snippets linking to
 * the article's permalink. The search lives in the URL ({@code ?q=…&level=…&status=…}).
 */
@Route("regulations")
@Menu(order = 15, title = "menu.regulations")
@AnonymousAllowed
public class RegulationSearchView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Status filter values: a status name in lower case, or "any". */
    static final String ANY = "any";

    private static final int PAGE_SIZE = 20;

    private final transient RegulationCatalog catalog;
    private final TextField search = new TextField();
    private final Select<Optional<LegalLevel>> level = new Select<>();
    private final Select<String> status = new Select<>();
    private final Paragraph count = new Paragraph();
    private final Div results = new Div();

    public RegulationSearchView(RegulationCatalog catalog) {
        this.catalog = catalog;
        addClassName("regulation-search-view");
        add(new H1(getTranslation("regulation.search.title")), new Paragraph(getTranslation("regulation.search.lead")));

        search.setId("regulation-search");
        search.setLabel(getTranslation("regulation.search.query.label"));
        search.setPlaceholder(getTranslation("regulation.search.query.placeholder"));
        search.setMaxLength(RegulationCatalog.MAX_QUERY);
        search.setClearButtonVisible(true);
        search.addKeyPressListener(Key.ENTER, e -> submit());

        List<Optional<LegalLevel>> levels = new ArrayList<>();
        levels.add(Optional.empty());
        for (LegalLevel l : LegalLevel.values()) {
            levels.add(Optional.of(l));
        }
        level.setId("regulation-level");
        level.setLabel(getTranslation("regulation.search.level.label"));
        level.setItems(levels);
        level.setItemLabelGenerator(l -> l.map(v -> getTranslation(v.translationKey()))
                .orElse(getTranslation("regulation.search.level.all")));
        level.setValue(Optional.empty());

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

        Button submit = new Button(getTranslation("regulation.search.submit"), e -> submit());
        submit.setId("regulation-search-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout form = new HorizontalLayout(search, level, status, submit);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.getElement().setAttribute("role", "search");
        add(form);

        count.setId("regulation-count");
        count.getElement().setAttribute("role", "status");
        results.setId("regulation-results");
        add(count, results);
    }

    private void submit() {
        Map<String, String> params = new LinkedHashMap<>();
        if (search.getValue() != null && !search.getValue().isBlank()) {
            params.put("q", search.getValue().strip());
        }
        level.getValue().ifPresent(l -> params.put("level", l.name().toLowerCase(Locale.ROOT)));
        if (status.getValue() != null && !"current".equals(status.getValue())) {
            params.put("status", status.getValue());
        }
        UI.getCurrent().navigate("regulations", QueryParameters.simple(params));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        String q = first(params, "q");
        Optional<LegalLevel> lvl = RegulationFilters.level(first(params, "level"));
        String st = first(params, "status");
        Optional<DocumentStatus> statusFilter = RegulationFilters.status(st);
        boolean any = st != null && ANY.equalsIgnoreCase(st.strip());
        search.setValue(q == null ? "" : RegulationCatalog.normalize(q));
        level.setValue(lvl);
        status.setValue(any ? ANY : statusFilter.orElse(DocumentStatus.CURRENT).name().toLowerCase(Locale.ROOT));
        show(q, lvl.orElse(null), any ? null : statusFilter.orElse(DocumentStatus.CURRENT));
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private void show(String q, LegalLevel lvl, DocumentStatus st) {
        results.removeAll();
        if (RegulationCatalog.normalize(q).isEmpty()) {
            count.setText(getTranslation("regulation.search.prompt"));
            return;
        }
        RegulationCatalog.Results found = catalog.search(new RegulationCatalog.Query(q, PAGE_SIZE, lvl, null, st));
        if (found.results().isEmpty()) {
            // an empty store is not the reader's fault: say so instead of "try another word"
            count.setText(getTranslation(catalog.documentCount() == 0 ? "regulation.search.nothingImported"
                    : "regulation.search.none"));
            return;
        }
        count.setText(getTranslation("regulation.search.count", found.total(), found.results().size()));
        for (RegulationCatalog.ArticleHit hit : found.results()) {
            results.add(card(hit));
        }
    }

    private Div card(RegulationCatalog.ArticleHit hit) {
        Div card = new Div();
        card.addClassName("regulation-hit");
        String label = hit.article().isEmpty() ? hit.title() : hit.title() + " " + hit.article();
        Anchor link = new Anchor(hit.url().substring(1), label);
        link.addClassName("regulation-hit-link");
        card.add(new H2(link));
        // the snippet is HTML-escaped by the search service; only <em> marks are markup
        card.add(new Html("<p class=\"regulation-snippet\">" + hit.snippet() + "</p>"));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("regulation.search.pageTitle");
    }
}
