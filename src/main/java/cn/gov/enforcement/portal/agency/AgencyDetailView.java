package cn.gov.enforcement.portal.agency;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** One agency's public disclosure; officer names are partly masked. Unknown id → 404 page. */
@Route("agencies/:id")
@AnonymousAllowed
public class AgencyDetailView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AgencyDirectory directory;
    private String title = "";

    public AgencyDetailView(AgencyDirectory directory) {
        this.directory = directory;
        addClassName("agency-detail-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        AgencyDetails details = directory.find(id).orElse(null);
        if (details == null) {
            event.rerouteToError(new AgencyNotFoundException(id), "");
            return;
        }
        removeAll();
        title = getTranslation("agency.detail.pageTitle", details.name());
        Anchor back = new Anchor("agencies", getTranslation("agency.detail.back"));
        back.setId("agency-back");
        add(back, new AgencyDetailsPanel(details, directory::articleUrls));
        Anchor check = new Anchor("certificate-check", getTranslation("agency.detail.checkCertificate"));
        check.setId("agency-certificate-link");
        add(new Paragraph(getTranslation("agency.detail.checkHint")), check);
        // the agency's published lists (pages of the lists module, linked by URL only)
        Anchor risks = new Anchor("risks?agency=" + details.id(), getTranslation("agency.detail.risks"));
        risks.setId("agency-risks-link");
        Anchor exemptions = new Anchor("exemptions?agency=" + details.id(), getTranslation("agency.detail.exemptions"));
        exemptions.setId("agency-exemptions-link");
        Anchor discretion = new Anchor("discretion/" + details.id(), getTranslation("agency.detail.discretion"));
        discretion.setId("agency-discretion-link");
        add(new Paragraph(getTranslation("agency.detail.listsHint")), new Paragraph(risks),
                new Paragraph(exemptions), new Paragraph(discretion));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
