package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
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
        title = getTranslation("lists.exemption.pageTitle", ReaderScript.forReader(e.violation()));
        // back to the list as the reader left it: the list's card links pass its search and filters along
        String listQuery = listQuery(event.getLocation().getQueryParameters().getParameters());
        Anchor back = new Anchor(listQuery.isEmpty() ? "exemptions" : "exemptions?" + listQuery,
                getTranslation("lists.exemption.back"));
        back.setId("exemption-back");
        back.addClassName("lists-no-print");
        add(back, ListsUi.printButton(this));
        // the check's own back link returns here with the list's search, so this page's back link still has it
        Anchor check = new Anchor("exemptions/" + e.id() + "/check" + (listQuery.isEmpty() ? "" : "?" + listQuery),
                getTranslation("lists.exemption.checkLink"));
        check.setId("exemption-check-link");
        check.addClassName("lists-no-print");
        ListEntryBody.exemption(this, e, catalog, new Div(check));
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
