package cn.gov.enforcement.portal.mediation;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;

/**
 * A document that concerns the applicant, for the case opened on the tracking page in this browser
 * session (the number and access code are never part of the URL).
 */
@Route("mediation/track/document/:kind")
@AnonymousAllowed
public class MediationApplicantDocumentView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient MediationService service;
    private String title = "";

    public MediationApplicantDocumentView(MediationService service) {
        this.service = service;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        VaadinSession session = VaadinSession.getCurrent();
        Object opened = session == null ? null : session.getAttribute(MediationTrackView.SESSION_CASE);
        Optional<DocumentData> data = Optional.empty();
        try {
            MediationDocument kind = MediationDocument.valueOf(event.getRouteParameters().get("kind").orElse(""));
            if (opened instanceof MediationTrackView.Opened o) {
                data = service.applicantDocument(o.number(), o.code(), kind, getLocale());
            }
        } catch (IllegalArgumentException unknownKind) {
            data = Optional.empty();
        }
        if (data.isEmpty()) {
            getElement().setAttribute("data-outcome", "not-found");
            title = getTranslation("mediation.document.unavailable.title");
            add(new H1(title), new Paragraph(getTranslation("mediation.document.unavailable")),
                    new Anchor("mediation/track", getTranslation("mediation.info.track")));
            return;
        }
        title = getTranslation(data.get().kind().messageKey() + ".title") + " " + data.get().caseNumber();
        add(DocumentPage.render(this, getLocale(), data.get(), DocumentPage.isSample(data.get().agencyId()),
                service.agencyContact(data.get().agencyId(), getLocale())));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
