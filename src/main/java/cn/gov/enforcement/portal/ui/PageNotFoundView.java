package cn.gov.enforcement.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer for an address that does not exist, and also for a page the reader may not open
 * (Vaadin reports those as not found, so that a changed URL reveals nothing).
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class PageNotFoundView extends Div implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return show(this);
    }

    /** Fills the given error view with the not-found answer and returns the HTTP status. */
    static int show(Div view) {
        view.removeAll();
        view.setId("page-not-found");
        view.add(new H1(view.getTranslation("shell.notFound.title")), new Paragraph(view.getTranslation("shell.notFound.text")),
                new Anchor("", view.getTranslation("shell.notFound.home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.notFound.pageTitle");
    }
}
