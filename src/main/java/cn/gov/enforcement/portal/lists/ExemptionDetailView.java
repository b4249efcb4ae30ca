package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** One exemption item: kind, legal basis as citations, conditions, measures and a link to the eligibility check. */
@Route("exemptions/:id")
@AnonymousAllowed
public class ExemptionDetailView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ListsCatalog catalog;
    private String title = "";

    public ExemptionDetailView(ListsCatalog catalog) {
        this.catalog = catalog;
        addClassName("exemption-detail-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        ExemptionItem e = catalog.findExemption(id).orElse(null);
        if (e == null) {
            event.rerouteToError(new ListEntryNotFoundException(id), "");
            return;
        }
        removeAll();
        var links = catalog.citationLinks();
        title = getTranslation("lists.exemption.pageTitle", ReaderScript.forReader(e.violation()));
        // back to the list as the reader left it: the list's card links pass its search and filters along
        String listQuery = listQuery(event.getLocation().getQueryParameters().getParameters());
        Anchor back = new Anchor(listQuery.isEmpty() ? "exemptions" : "exemptions?" + listQuery,
                getTranslation("lists.exemption.back"));
        back.setId("exemption-back");
        back.addClassName("lists-no-print");
        add(back, ListsUi.printButton(this));
        H1 heading = ReaderScript.markContent(new H1(ReaderScript.forReader(e.violation())));
        heading.setId("exemption-title");
        if (e.sample()) {
            heading.add(new Span(" "), ListsUi.sampleBadge(this));
        }
        add(heading);
        Div facts = new Div();
        facts.setId("exemption-facts");
        facts.add(ListsUi.agencyFact(this, catalog, e.agency(), "exemption-agency-link"));
        facts.add(ListsUi.fact(this, "lists.field.kind", ListsUi.kindText(this, e)));
        if (e.sector() != null) {
            facts.add(ListsUi.contentFact(this, "lists.field.sector", ReaderScript.forReader(e.sector())));
        }
        if (e.scope() != null) {
            facts.add(ListsUi.contentFact(this, "lists.field.scope", ReaderScript.forReader(e.scope())));
        }
        facts.add(ListsUi.fact(this, "lists.field.effectiveFrom", e.effectiveFrom().toString()
                + (e.effectiveTo() == null ? "" : " – " + e.effectiveTo())));
        add(facts);
        add(ListsUi.citations(this, "exemption-basis-violation", "lists.exemption.basisViolation", e.basisViolation(), links));
        add(ListsUi.citations(this, "exemption-basis-penalty", "lists.exemption.basisPenalty", e.basisPenalty(), links));
        add(ListsUi.citations(this, "exemption-basis-exemption", "lists.exemption.basisExemption", e.basisExemption(), links));
        Section conditions = new Section(new H2(getTranslation("lists.exemption.conditions")));
        conditions.setId("exemption-conditions");
        conditions.add(new Paragraph(getTranslation("lists.exemption.conditionsLead")), conditionList(this, e));
        add(conditions);
        add(ListsUi.contentList(this, "exemption-measure", "lists.exemption.measure", ReaderScript.forReader(e.measure())));
        // the check's own back link returns here with the list's search, so this page's back link still has it
        Anchor check = new Anchor("exemptions/" + e.id() + "/check" + (listQuery.isEmpty() ? "" : "?" + listQuery),
                getTranslation("lists.exemption.checkLink"));
        check.setId("exemption-check-link");
        check.addClassName("lists-no-print");
        add(new Div(check));
        ListsUi.citationNote(this, "exemption-citation-note", java.util.stream.Stream.of(e.basisViolation(),
                e.basisPenalty(), e.basisExemption()).flatMap(java.util.List::stream), links).ifPresent(this::add);
        ListsUi.addPrintStyle(this);
    }

    /**
     * An item's conditions, each question with its limit in plain words under it (and, for a question met by the
     * answer no, that it is): for the detail page and the printed list.
     */
    static OrderedList conditionList(com.vaadin.flow.component.Component owner, ExemptionItem e) {
        OrderedList list = new OrderedList();
        EligibilityTexts.Messages m = owner::getTranslation;
        for (Condition c : e.conditions()) {
            ListItem condition = new ListItem(ReaderScript.markContent(new Span(ReaderScript.forReader(c.question()))));
            condition.addClassName("exemption-condition");
            if (c.metWhenNo()) {
                // the question asks about the harm or fault positively: the answer no is the one that meets it
                Div metWhenNo = new Div(owner.getTranslation("lists.exemption.metWhenNo"));
                metWhenNo.addClassName("exemption-condition-met-when-no");
                condition.add(metWhenNo);
            }
            EligibilityTexts.thresholdMarked(c, m).ifPresent(threshold -> {
                threshold.addClassName("exemption-condition-threshold");
                condition.add(threshold);
            });
            list.add(condition);
        }
        return list;
    }

    /** The list's parameters this page passes back to it: its search, filters and page, each as the list reads it. */
    static String listQuery(java.util.Map<String, java.util.List<String>> params) {
        return ListsUi.listQuery(params, java.util.List.of("q", "agency", "sector", "kind", "page"));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
