package cn.gov.enforcement.portal.mediation;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** A document of a case for the officers of its agency, as a print-ready page. */
@Route("staff/mediation/document/:number/:kind")
@RolesAllowed({"OFFICER", "ADMIN"})
public class MediationDocumentView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient MediationBackOffice backOffice;
    private final transient MediationService service;
    private String title = "";

    public MediationDocumentView(MediationBackOffice backOffice, MediationService service) {
        this.backOffice = backOffice;
        this.service = service;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String number = event.getRouteParameters().get("number").orElse("");
        String kind = event.getRouteParameters().get("kind").orElse("");
        try {
            MediationDocument document = MediationDocument.valueOf(kind);
            DocumentData data = backOffice.document(number, document, getLocale());
            title = getTranslation(document.messageKey() + ".title") + " " + data.caseNumber();
            add(DocumentPage.render(this, getLocale(), data, DocumentPage.isSample(data.agencyId()),
                    service.agencyContact(data.agencyId(), getLocale())));
        } catch (CaseNotFoundException notFound) {
            notFound("mediation.case.notFound.title", "mediation.case.notFound");
        } catch (IllegalArgumentException unknownKind) {
            notFound("mediation.document.notFound.title", "mediation.document.notFound");
        } catch (DocumentNotApplicableException notApplicable) {
            String caseNumber = notApplicable.caseNumber();
            getElement().setAttribute("data-outcome", "not-applicable");
            title = getTranslation("mediation.document.notApplicable.title");
            add(new H1(title), new Paragraph(getTranslation("mediation.document.notApplicable", caseNumber)),
                    new Anchor("staff/mediation/case/" + caseNumber, getTranslation("mediation.document.toCase", caseNumber)));
        }
    }

    private void notFound(String titleKey, String textKey) {
        getElement().setAttribute("data-outcome", "not-found");
        title = getTranslation(titleKey);
        add(new H1(title), new Paragraph(getTranslation(textKey)));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
