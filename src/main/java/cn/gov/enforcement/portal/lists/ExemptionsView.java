package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public list of exemption and lighter-penalty items: search box, filters by agency, sector and kind; the
 * query lives in the URL ({@code ?q=…&agency=…&sector=…&kind=…&page=…}) so it can be bookmarked.
 */
@Route("exemptions")
@Menu(order = 40, title = "menu.exemptions")
@AnonymousAllowed
public class ExemptionsView extends ListSearchView<ExemptionItem> {

    private final Select<String> sector = Selects.create();
    private final Select<String> kind = Selects.create();

    public ExemptionsView(ListsCatalog catalog) {
        super(catalog, ListKind.EXEMPTIONS, "exemptions", "exemption", "lists.exemptions");
        addClassName("exemptions-view");
        sectorFilter(sector, "exemption-sector", catalog.exemptionSectors());
        List<String> kinds = new ArrayList<>();
        kinds.add("");
        kinds.addAll(ListsFormat.KINDS);
        kind.setId("exemption-kind");
        kind.setLabel(getTranslation("lists.filter.kind"));
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("lists.filter.all") : getTranslation(ListsUi.kindKey(k)));
        kind.setValue("");
        build(sector, kind);
    }

    @Override
    protected Map<String, String> chosenFilters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("sector", sector.getValue());
        filters.put("kind", kind.getValue());
        return filters;
    }

    @Override
    protected Map<String, String> readFilters(Map<String, List<String>> params) {
        String s = ListsUi.first(params, "sector");
        if (s != null && !catalog.exemptionSectors().contains(s)) {
            s = null;
        }
        sector.setValue(s == null ? "" : s);
        String k = ListsUi.first(params, "kind");
        if (k != null && !ListsFormat.KINDS.contains(k)) {
            k = null;
        }
        kind.setValue(k == null ? "" : k);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("sector", s);
        filters.put("kind", k);
        return filters;
    }

    @Override
    protected ListPage<ExemptionItem> query(String q, String agency, Map<String, String> filters, int page, int size) {
        return catalog.searchExemptions(q, agency, filters.get("sector"), filters.get("kind"), page, size);
    }

    @Override
    protected ListResults<ExemptionItem> queryAll(String q, String agency, Map<String, String> filters) {
        return catalog.allExemptions(q, agency, filters.get("sector"), filters.get("kind"));
    }

    @Override
    protected Component card(ExemptionItem e) {
        Div card = new Div();
        card.addClassName("service-card");
        card.addClassName("exemption-card");
        card.getElement().setAttribute("data-id", e.id());
        String violation = ReaderScript.forReader(e.violation()); // converted once for the title and the check link
        // the detail page's back link returns to this search, these filters and this page
        Anchor link = ReaderScript.markContent(new Anchor("exemptions/" + e.id()
                + (listQuery().isEmpty() ? "" : "?" + listQuery()), violation));
        link.addClassName("exemption-link");
        H2 title = new H2(link);
        if (e.sample()) {
            title.add(new Span(" "), ListsUi.sampleBadge(this));
        }
        card.add(title);
        card.add(ListsUi.fact(this, "lists.field.kind", ListsUi.kindText(this, e)));
        if (e.sector() != null) {
            card.add(ListsUi.contentFact(this, "lists.field.sector", ReaderScript.forReader(e.sector())));
        }
        card.add(ListsUi.fact(this, "lists.field.agency", agencyName(e.agency())));
        if (printMode()) {
            // on paper: what the reader needs to tell whether the item applies, instead of a link to a self-test
            printed(card, e);
            return card;
        }
        // every card has this link: its name for a screen reader says which item it checks, in words shown to
        // screen readers only, the item's words marked as Chinese on an English page (an aria-label has no language)
        Span which = new Span(new Text(getTranslation("lists.colon")),
                ReaderScript.markContent(new Span(violation)));
        which.addClassName("lists-for-screen-readers");
        // the check's back link leads to the item's detail page, which leads back to this search
        Anchor check = new Anchor("exemptions/" + e.id() + "/check" + (listQuery().isEmpty() ? "" : "?" + listQuery()),
                new Text(getTranslation("lists.exemption.checkLink")), which);
        check.addClassName("exemption-check-link");
        Div checkLine = new Div(check);
        checkLine.addClassName("lists-no-print");
        card.add(checkLine);
        return card;
    }

    /**
     * The conditions with their limits (a correction period among them) and the legal basis of an item, for the
     * printed list; citations as plain text, since a link means nothing on paper.
     */
    private void printed(Div card, ExemptionItem e) {
        Div conditions = new Div(new Div(new Span(getTranslation("lists.exemption.conditionsLead"))),
                ExemptionDetailView.conditionList(this, e));
        conditions.addClassName("exemption-print-conditions");
        card.add(conditions);
        for (var basis : List.of(Map.entry("lists.exemption.basisViolation", e.basisViolation()),
                Map.entry("lists.exemption.basisPenalty", e.basisPenalty()),
                Map.entry("lists.exemption.basisExemption", e.basisExemption()))) {
            if (!basis.getValue().isEmpty()) {
                Div line = new Div(new Span(getTranslation(basis.getKey()) + getTranslation("lists.colon")),
                        ListsUi.citationList(basis.getValue(), c -> java.util.Optional.empty()));
                line.addClassName("exemption-print-basis");
                card.add(line);
            }
        }
        if (!e.measure().isEmpty()) {
            card.add(ListsUi.contentFact(this, "lists.exemption.measure",
                    String.join("、", ReaderScript.forReader(e.measure()))));
        }
    }
}
