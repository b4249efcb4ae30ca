package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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
 * Public list of legal-risk points: search box, filters by agency, sector and level; the query
 * lives in the URL ({@code ?q=…&agency=…&sector=…&level=…&page=…}) so it can be bookmarked.
 */
@Route("risks")
@Menu(order = 30, title = "menu.risks")
@AnonymousAllowed
public class RiskPointsView extends ListSearchView<RiskPoint> {

    private final Select<String> sector = Selects.create();
    private final Select<String> level = Selects.create();

    public RiskPointsView(ListsCatalog catalog) {
        super(catalog, ListKind.RISK_POINTS, "risks", "risk", "lists.risks");
        addClassName("risk-points-view");
        // the guided self-check (selfcheck module) goes through this list sector by sector
        com.vaadin.flow.component.html.Anchor selfCheck = new com.vaadin.flow.component.html.Anchor("self-check",
                getTranslation("lists.risks.selfCheck"));
        selfCheck.setId("risk-self-check-link");
        com.vaadin.flow.component.html.Paragraph selfCheckLine = new com.vaadin.flow.component.html.Paragraph(selfCheck);
        selfCheckLine.addClassName("lists-no-print");
        add(selfCheckLine);

        sectorFilter(sector, "risk-sector", catalog.riskSectors());

        List<String> levels = new ArrayList<>();
        levels.add("");
        levels.addAll(ListsFormat.LEVELS);
        level.setId("risk-level");
        level.setLabel(getTranslation("lists.filter.level"));
        level.setItems(levels);
        level.setItemLabelGenerator(l -> l.isEmpty() ? getTranslation("lists.filter.all") : getTranslation(ListsUi.levelKey(l)));
        level.setValue("");
        build(sector, level);
    }

    @Override
    protected Map<String, String> chosenFilters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("sector", sector.getValue());
        filters.put("level", level.getValue());
        return filters;
    }

    @Override
    protected Map<String, String> readFilters(Map<String, List<String>> params) {
        String s = ListsUi.first(params, "sector");
        String l = ListsUi.first(params, "level");
        if (s != null && !catalog.riskSectors().contains(s)) {
            s = null;
        }
        if (l != null && !ListsFormat.LEVELS.contains(l)) {
            l = null;
        }
        sector.setValue(s == null ? "" : s);
        level.setValue(l == null ? "" : l);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("sector", s);
        filters.put("level", l);
        return filters;
    }

    @Override
    protected ListPage<RiskPoint> query(String q, String agency, Map<String, String> filters, int page, int size) {
        return catalog.searchRiskPoints(q, agency, filters.get("sector"), filters.get("level"), page, size);
    }

    @Override
    protected ListResults<RiskPoint> queryAll(String q, String agency, Map<String, String> filters) {
        return catalog.allRiskPoints(q, agency, filters.get("sector"), filters.get("level"));
    }

    @Override
    protected Component card(RiskPoint r) {
        Div card = new Div();
        card.addClassName("service-card");
        card.addClassName("risk-card");
        card.getElement().setAttribute("data-id", r.id());
        Anchor link = ReaderScript.markContent(new Anchor("risks/" + r.id()
                + (listQuery().isEmpty() ? "" : "?" + listQuery()), ReaderScript.forReader(r.title())));
        link.addClassName("risk-link");
        H2 title = new H2(link);
        if (r.sample()) {
            title.add(new Span(" "), ListsUi.sampleBadge(this));
        }
        card.add(title);
        card.add(ListsUi.fact(this, "lists.field.level", getTranslation(ListsUi.levelKey(r.level()))));
        card.add(ListsUi.contentFact(this, "lists.field.sector", ReaderScript.forReader(r.sector())));
        card.add(ListsUi.fact(this, "lists.field.agency", agencyName(r.agency())));
        card.add(ReaderScript.markContent(new Paragraph(ReaderScript.forReader(r.risk()))));
        return card;
    }
}
