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
        add(back, new AgencyDetailsPanel(details));
        Anchor check = new Anchor("certificate-check", getTranslation("agency.detail.checkCertificate"));
        check.setId("agency-certificate-link");
        add(new Paragraph(getTranslation("agency.detail.checkHint")), check);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
