package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.ui.MainLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** The friendly answer (HTTP 404) for an agency that does not exist or may not be shown. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AgencyNotFoundView extends Div implements HasErrorParameter<AgencyNotFoundException>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AgencyNotFoundException> parameter) {
        removeAll();
        setId("agency-not-found");
        add(new H1(getTranslation("agency.notFound.title")), new Paragraph(getTranslation("agency.notFound.text")),
                new Anchor("agencies", getTranslation("agency.notFound.back")));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("agency.notFound.title");
    }
}
