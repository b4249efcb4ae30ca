package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.ui.MainLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** The friendly answer (HTTP 404) for a risk point or exemption item that does not exist. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ListEntryNotFoundView extends Div implements HasErrorParameter<ListEntryNotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ListEntryNotFoundException> parameter) {
        removeAll();
        setId("lists-not-found");
        if (parameter.getException().discretionAgency()) {
            add(new H1(getTranslation("lists.notFound.discretion.title")),
                    new Paragraph(getTranslation("lists.notFound.discretion.text")),
                    new Anchor("discretion", getTranslation("lists.notFound.discretion.all")));
        } else {
            add(new H1(getTranslation("lists.notFound.title")), new Paragraph(getTranslation("lists.notFound.text")),
                    new Anchor("risks", getTranslation("lists.notFound.risks")), new Paragraph(),
                    new Anchor("exemptions", getTranslation("lists.notFound.exemptions")));
        }
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
