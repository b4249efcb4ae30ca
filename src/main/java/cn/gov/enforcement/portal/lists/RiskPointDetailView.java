package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
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
        title = getTranslation("lists.risk.pageTitle", ReaderScript.forReader(r.title()));
        // back to the list as the reader left it: the list's card links pass its search and filters along
        String listQuery = listQuery(event.getLocation().getQueryParameters().getParameters());
        Anchor back = new Anchor(listQuery.isEmpty() ? "risks" : "risks?" + listQuery, getTranslation("lists.risk.back"));
        back.setId("risk-back");
        back.addClassName("lists-no-print");
        add(back, ListsUi.printButton(this));
        Paragraph guidanceLink = null;
        if (currentUser.hasRole("OFFICER") && currentUser.agencyId().filter(r.agency()::equals).isPresent()) {
            // the agency's officers give guidance on this risk (事前提示): the guidance form, drafted from it
            Anchor guide = new Anchor("staff/guidance/new?risk=" + java.net.URLEncoder.encode(r.id(),
                    java.nio.charset.StandardCharsets.UTF_8), getTranslation("lists.risk.writeGuidance"));
            guide.setId("risk-write-guidance");
            guide.addClassName("lists-no-print");
            guidanceLink = new Paragraph(guide);
        }
        ListEntryBody.riskPoint(this, r, catalog, guidanceLink);
        ListsUi.addPrintStyle(this);
    }

    /** The list's parameters this page passes back to it: its search, filters and page, each as the list reads it. */
    static String listQuery(java.util.Map<String, java.util.List<String>> params) {
        return ListsUi.listQuery(params, java.util.List.of("q", "agency", "sector", "level", "page"));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
