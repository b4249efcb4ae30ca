package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;

/**
 * The citation report of the lists' back office: the entries whose citations do not resolve to an article of the
 * current version of an imported document, each with those citations, why, and a link to its form (editors: their own
 * agency; administrators every agency or one, {@code ?agency=}).
 */
@Route("staff/lists/citations")
@RolesAllowed({"EDITOR", "ADMIN"})
public class ListsCitationReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** At most this many entries are listed; the count says how many more there are. */
    static final int MAX_SHOWN = 200;

    private final transient ListsBackOffice backOffice;
    private final transient ListsCatalog catalog;
    private final Select<String> agency = Selects.create();
    private final Div report = new Div();

    public ListsCitationReportView(ListsBackOffice backOffice, ListsCatalog catalog) {
        this.backOffice = backOffice;
        this.catalog = catalog;
        addClassName("lists-citations-view");
        add(new Anchor("staff/lists", getTranslation("lists.admin.back")),
                new H1(getTranslation("lists.admin.citations.title")),
                new Paragraph(getTranslation("lists.admin.citations.lead")));
        ListsUi.agencyPicker(agency, "lists-citations-agency", "staff/lists/citations", catalog);
        report.setId("lists-citations-report");
        add(agency, report);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String chosen = ListsUi.chooseAgency(agency, backOffice.agencies(), event);
        report.removeAll();
        if (chosen == null) {
            // an administrator whose link named an agency not offered is asked to choose one
            report.add(new Paragraph(getTranslation(agency.isVisible() ? "lists.admin.chooseAgency" : "lists.admin.noAgency")));
            return;
        }
        agency.setValue(chosen);
        Optional<CitationReport> result = backOffice.citationReport(chosen.isEmpty() ? null : chosen);
        if (result.isEmpty()) {
            Paragraph unavailable = new Paragraph(getTranslation("lists.admin.citations.unavailable"));
            unavailable.setId("lists-citations-unavailable");
            unavailable.getElement().setAttribute("role", "alert");
            report.add(unavailable);
            return;
        }
        CitationReport r = result.get();
        Paragraph count = new Paragraph(r.lines().isEmpty()
                ? getTranslation("lists.admin.citations.none", r.checked())
                : getTranslation("lists.admin.citations.count", r.checked(), r.lines().size()));
        count.setId("lists-citations-count");
        report.add(count);
        r.lines().stream().limit(MAX_SHOWN).forEach(line -> report.add(line(line, chosen.isEmpty())));
        if (r.lines().size() > MAX_SHOWN) {
            Paragraph more = new Paragraph(getTranslation("lists.admin.citations.more", r.lines().size() - MAX_SHOWN));
            more.setId("lists-citations-more");
            report.add(more);
        }
    }

    private Div line(CitationReport.Line line, boolean allAgencies) {
        Div row = new Div();
        row.addClassName("lists-citations-line");
        row.getElement().setAttribute("data-id", line.id());
        // the entry's title is its content, shown as written, as on /staff/lists
        H2 heading = ReaderScript.markWritten(new H2(line.title()));
        heading.getStyle().set("font-size", "var(--lumo-font-size-l)");
        row.add(heading);
        String kind = getTranslation(switch (line.kind()) {
            case RISK_POINTS -> "lists.admin.kind.risk";
            case EXEMPTIONS -> "lists.admin.kind.exemption";
            case DISCRETION -> "lists.admin.kind.discretion";
        });
        Span facts = new Span(line.id() + " · " + kind + " · " + getTranslation(line.status().translationKey())
                + (line.version() > 0 ? " · " + getTranslation("lists.admin.version", line.version()) : ""));
        facts.addClassName("lists-citations-facts");
        Div factLine = new Div(facts);
        if (allAgencies) {
            // every agency on one page: each entry names its own
            Span agencyName = new Span(catalog.agencyName(line.agency()));
            agencyName.addClassName("lists-citations-agency");
            factLine.add(new Text(" · "), ReaderScript.markWritten(agencyName));
        }
        if (line.editUrl() != null) {
            // on the entry's own line, before its citations, so that it is not read as the next entry's
            Anchor edit = new Anchor(line.editUrl(), getTranslation("lists.admin.citations.edit"));
            edit.addClassName("lists-citations-edit");
            factLine.add(new Text(" · "), edit);
        }
        row.add(factLine);
        row.add(citations(line.unresolved(), "lists-citations-unresolved"));
        if (!line.publicOnly().isEmpty()) {
            Paragraph note = new Paragraph(getTranslation("lists.admin.citations.publicOnly"));
            note.addClassName("lists-citations-public-note");
            row.add(note, citations(line.publicOnly(), "lists-citations-public"));
        }
        if (line.editUrl() == null) {
            Paragraph file = new Paragraph(getTranslation("lists.admin.citations.inFile",
                    line.sourceFile() == null ? "" : line.sourceFile()));
            file.addClassName("lists-citations-file");
            row.add(file);
        }
        return row;
    }

    /** The citations, each as the public page shows it (as written), with the version it names and why it is listed. */
    private UnorderedList citations(List<ListsCatalog.UnresolvedCitation> unresolved, String className) {
        UnorderedList list = new UnorderedList();
        list.addClassName(className);
        for (ListsCatalog.UnresolvedCitation u : unresolved) {
            ListItem item = new ListItem();
            item.addClassName("lists-citations-citation");
            item.getElement().setAttribute("data-kind", u.kind().name());
            Span cited = ReaderScript.markWritten(new Span(u.citation().display()));
            String version = ListsUi.citationText(this, u).substring(u.citation().display().length());
            item.add(cited);
            if (!version.isEmpty()) {
                item.add(new Text(version));
            }
            item.add(new Text(getTranslation("lists.colon") + getTranslation(reasonKey(u.kind()))));
            list.add(item);
        }
        return list;
    }

    static String reasonKey(RegulationCatalog.Resolution kind) {
        return "lists.admin.citations.reason." + kind.name();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lists.admin.citations.title");
    }
}
