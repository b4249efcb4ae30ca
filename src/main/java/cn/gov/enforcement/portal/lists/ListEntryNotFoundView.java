package cn.gov.enforcement.portal.lists;

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

/** The friendly answer (HTTP 404) for a risk point or exemption item that does not exist. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ListEntryNotFoundView extends Div implements HasErrorParameter<ListEntryNotFoundException>, HasDynamicTitle {

    /** The heading's key, also the title in the browser's tab. */
    private String titleKey = "lists.notFound.title";

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ListEntryNotFoundException> parameter) {
        removeAll();
        setId("lists-not-found");
        titleKey = parameter.getException().discretionAgency() ? "lists.notFound.discretion.title" : "lists.notFound.title";
        if (parameter.getException().discretionAgency()) {
            add(new H1(getTranslation(titleKey)),
                    new Paragraph(getTranslation("lists.notFound.discretion.text")),
                    new Anchor("discretion", getTranslation("lists.notFound.discretion.all")));
        } else {
            add(new H1(getTranslation(titleKey)), new Paragraph(getTranslation("lists.notFound.text")),
                    new Anchor("risks", getTranslation("lists.notFound.risks")), new Paragraph(),
                    new Anchor("exemptions", getTranslation("lists.notFound.exemptions")));
        }
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
