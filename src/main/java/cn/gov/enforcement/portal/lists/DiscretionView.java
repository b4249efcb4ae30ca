package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/**
 * Discretion benchmarks (裁量基准), one page per agency ({@code /discretion/<agency>}): each violation with
 * its legal basis (linked to the article text when imported) and the penalty range for each circumstance
 * level. {@code /discretion} lists the agencies that publish benchmarks.
 */
@Route("discretion/:agency?")
@Menu(order = 45, title = "menu.discretion")
@AnonymousAllowed
public class DiscretionView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ListsCatalog catalog;
    private String title = "";

    public DiscretionView(ListsCatalog catalog) {
        this.catalog = catalog;
        addClassName("discretion-view");
    }

    /**
     * Whether the page shows something for {@code agency} (null: every agency's list): an agency with benchmarks, or
     * one the directory knows (its page says it publishes none); any other is not found.
     */
    static boolean shows(ListsCatalog catalog, String agency) {
        return agency == null || catalog.agencies(ListKind.DISCRETION).contains(agency) || catalog.knownAgency(agency);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String agency = event.getRouteParameters().get("agency").orElse(null);
        List<String> agencies = catalog.agencies(ListKind.DISCRETION);
        if (!shows(catalog, agency)) {
            event.rerouteToError(ListEntryNotFoundException.discretionAgency(agency), "");
            return;
        }
        removeAll();
        title = agency == null ? getTranslation("lists.discretion.pageTitle")
                : getTranslation("lists.discretion.agencyPageTitle", catalog.agencyName(agency));
        add(new H1(agency == null ? getTranslation("lists.discretion.title") : title));
        add(new Paragraph(getTranslation("lists.discretion.lead")));
        Nav nav = new Nav();
        nav.setId("discretion-agencies");
        nav.addClassName("lists-no-print");
        for (String a : agencies) {
            Anchor link = new Anchor("discretion/" + a, catalog.agencyName(a));
            link.addClassName("discretion-agency-link");
            if (a.equals(agency)) {
                link.getElement().setAttribute("aria-current", "page");
            }
            nav.add(new Div(link));
        }
        add(nav);
        if (agency == null) {
            if (agencies.isEmpty()) {
                add(new Paragraph(getTranslation("lists.empty")));
            }
            return;
        }
        add(ListsUi.printButton(this));
        var links = catalog.citationLinks();
        Div results = new Div();
        results.setId("discretion-results");
        if (!agencies.contains(agency)) {
            results.add(new Paragraph(getTranslation("lists.discretion.none")));
        }
        List<DiscretionBenchmark> benchmarks = catalog.discretion(agency);
        for (DiscretionBenchmark d : benchmarks) {
            Section s = new Section();
            s.addClassName("discretion-benchmark");
            s.getElement().setAttribute("data-id", d.id());
            s.setId(d.id()); // the assistant links to a benchmark as discretion/<agency>#<id>
            H2 heading = ReaderScript.markContent(new H2(ReaderScript.forReader(d.violation())));
            heading.addClassName("discretion-violation");
            if (d.sample()) {
                heading.add(new Span(" "), ListsUi.sampleBadge(this));
            }
            s.add(heading);
            s.add(new H3(getTranslation("lists.discretion.basisViolation")),
                    ListsUi.citationList(d.basisViolation(), links));
            s.add(new H3(getTranslation("lists.discretion.basisPenalty")),
                    ListsUi.citationList(d.basisPenalty(), links));
            s.add(table(d.circumstances()));
            results.add(s);
        }
        add(results);
        ListsUi.citationNote(this, "discretion-citation-note", benchmarks.stream()
                .flatMap(d -> java.util.stream.Stream.concat(d.basisViolation().stream(), d.basisPenalty().stream())),
                links).ifPresent(this::add);
        ListsUi.addPrintStyle(this);
        // the browser scrolls to a link's fragment before the benchmarks exist: scroll once they have arrived
        getElement().executeJs("""
                let id = '';
                try { id = decodeURIComponent(location.hash.substring(1)); } catch (malformed) { return; }
                const target = id ? document.getElementById(id) : null;
                const view = this;
                if (target && view.contains(target)) { requestAnimationFrame(() => target.scrollIntoView()); }""");
    }

    /**
     * A plain HTML table (text set through the DOM API, so it is always escaped). Each cell carries its
     * column name in data-label, which a narrow screen shows above the cell when the rows are stacked.
     */
    private Div table(List<DiscretionBenchmark.Circumstance> circumstances) {
        Element table = new Element("table");
        table.getClassList().add("discretion-table");
        List<String> headers = List.of(getTranslation("lists.discretion.level"),
                getTranslation("lists.discretion.circumstance"), getTranslation("lists.discretion.penalty"));
        Element head = new Element("tr");
        headers.forEach(h -> head.appendChild(new Element("th").setAttribute("scope", "col").setText(h)));
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (DiscretionBenchmark.Circumstance c : circumstances) {
            Element row = new Element("tr");
            Element level = new Element("th").setAttribute("scope", "row");
            level.getClassList().add("discretion-level");
            level.setAttribute("data-level", c.level());
            List<Element> cells = List.of(level.setText(getTranslation(ListsUi.circumstanceKey(c.level()))),
                    ReaderScript.markContent(new Element("td").setText(ReaderScript.forReader(c.description()))),
                    ReaderScript.markContent(new Element("td").setText(ReaderScript.forReader(c.penalty()))));
            for (int i = 0; i < cells.size(); i++) {
                row.appendChild(cells.get(i).setAttribute("data-label", headers.get(i)));
            }
            body.appendChild(row);
        }
        table.appendChild(body);
        Div wrapper = new Div();
        wrapper.addClassName("discretion-table-wrapper");
        wrapper.getElement().appendChild(table);
        return wrapper;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
