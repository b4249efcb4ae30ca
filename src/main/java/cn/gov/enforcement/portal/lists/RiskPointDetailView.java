package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** One legal-risk point: the risk, its level, legal basis as citations, consequence, prevention, guidance. */
@Route("risks/:id")
@AnonymousAllowed
public class RiskPointDetailView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ListsCatalog catalog;
    private String title = "";

    private final transient cn.gov.enforcement.portal.account.CurrentUser currentUser;

    public RiskPointDetailView(ListsCatalog catalog, cn.gov.enforcement.portal.account.CurrentUser currentUser) {
        this.catalog = catalog;
        this.currentUser = currentUser;
        addClassName("risk-detail-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        RiskPoint r = catalog.findRiskPoint(id).orElse(null);
        if (r == null) {
            event.rerouteToError(new ListEntryNotFoundException(id), "");
            return;
        }
        removeAll();
        var links = catalog.citationLinks();
        title = getTranslation("lists.risk.pageTitle", ReaderScript.forReader(r.title()));
        // back to the list as the reader left it: the list's card links pass its search and filters along
        String listQuery = listQuery(event.getLocation().getQueryParameters().getParameters());
        Anchor back = new Anchor(listQuery.isEmpty() ? "risks" : "risks?" + listQuery, getTranslation("lists.risk.back"));
        back.setId("risk-back");
        back.addClassName("lists-no-print");
        add(back, ListsUi.printButton(this));
        H1 heading = ReaderScript.markContent(new H1(ReaderScript.forReader(r.title())));
        heading.setId("risk-title");
        if (r.sample()) {
            heading.add(new Span(" "), ListsUi.sampleBadge(this));
        }
        add(heading);
        Div facts = new Div();
        facts.setId("risk-facts");
        facts.add(ListsUi.agencyFact(this, catalog, r.agency(), "risk-agency-link"));
        facts.add(ListsUi.contentFact(this, "lists.field.sector", ReaderScript.forReader(r.sector())));
        facts.add(ListsUi.contentFact(this, "lists.field.appliesTo", ReaderScript.forReader(r.appliesTo())));
        facts.add(ListsUi.fact(this, "lists.field.level", getTranslation(ListsUi.levelKey(r.level()))));
        facts.add(ListsUi.fact(this, "lists.field.effectiveFrom", r.effectiveFrom().toString()
                + (r.effectiveTo() == null ? "" : " – " + r.effectiveTo())));
        add(facts);
        add(section("risk-risk", "lists.risk.risk", r.risk()));
        add(section("risk-level-reason", "lists.risk.levelReason", r.levelReason()));
        add(ListsUi.citations(this, "risk-basis-obligation", "lists.risk.basisObligation", r.basisObligation(), links));
        add(ListsUi.citations(this, "risk-basis-penalty", "lists.risk.basisPenalty", r.basisPenalty(), links));
        add(section("risk-consequence", "lists.risk.consequence", r.consequence()));
        add(ListsUi.contentList(this, "risk-prevention", "lists.risk.prevention", ReaderScript.forReader(r.prevention())));
        add(ListsUi.textList(this, "risk-guidance", "lists.risk.guidance",
                r.guidance().stream().map(g -> getTranslation(ListsUi.guidanceKey(g))).toList()));
        relatedExemptions(r).ifPresent(this::add);
        if (currentUser.hasRole("OFFICER") && currentUser.agencyId().filter(r.agency()::equals).isPresent()) {
            // the agency's officers give guidance on this risk (事前提示): the guidance form, drafted from it
            Anchor guide = new Anchor("staff/guidance/new?risk=" + java.net.URLEncoder.encode(r.id(),
                    java.nio.charset.StandardCharsets.UTF_8), getTranslation("lists.risk.writeGuidance"));
            guide.setId("risk-write-guidance");
            guide.addClassName("lists-no-print");
            add(new Paragraph(guide));
        }
        ListsUi.citationNote(this, "risk-citation-note", java.util.stream.Stream.of(r.basisObligation(),
                r.basisPenalty()).flatMap(java.util.List::stream), links).ifPresent(this::add);
        ListsUi.addPrintStyle(this);
    }

    /**
     * The agency's exemption and lighter-penalty items for the same violation ({@link ListsCatalog#exemptionsFor}), each
     * linked to its page with its kind; nothing when the data links none.
     */
    private java.util.Optional<Section> relatedExemptions(RiskPoint r) {
        java.util.List<ExemptionItem> items = catalog.exemptionsFor(r);
        if (items.isEmpty()) {
            return java.util.Optional.empty();
        }
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        for (ExemptionItem e : items) {
            Anchor link = ReaderScript.markContent(new Anchor("exemptions/" + e.id(), ReaderScript.forReader(e.violation())));
            link.addClassName("risk-exemption-link");
            list.add(new com.vaadin.flow.component.html.ListItem(link, new Span(" (" + ListsUi.kindText(this, e) + ")")));
        }
        Section section = new Section(new H2(getTranslation("lists.risk.exemptions")),
                new Paragraph(getTranslation("lists.risk.exemptionsLead")), list);
        section.setId("risk-exemptions");
        return java.util.Optional.of(section);
    }

    /** The list's parameters this page passes back to it: its search, filters and page, each as the list reads it. */
    static String listQuery(java.util.Map<String, java.util.List<String>> params) {
        return ListsUi.listQuery(params, java.util.List.of("q", "agency", "sector", "level", "page"));
    }

    private Section section(String id, String titleKey, String text) {
        Paragraph body = ReaderScript.markContent(new Paragraph(ReaderScript.forReader(text)));
        body.addClassName("lists-multiline"); // the line breaks an editor typed are kept
        Section section = new Section(new H2(getTranslation(titleKey)), body);
        section.setId(id);
        return section;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
