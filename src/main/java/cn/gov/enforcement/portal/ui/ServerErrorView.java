package cn.gov.enforcement.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer when a page fails to open for a reason the page itself did not foresee (a database that is busy or
 * away, a bug): a message in the reader's language with a reference the operator finds in the log beside the
 * exception, instead of Vaadin's English page that named the exception to the public. Not-found and refused pages
 * have views of their own. No parent layout: the cause may lie in what the layout needs too.
 */
@AnonymousAllowed
public class ServerErrorView extends Div implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = String.format("%08X", ThreadLocalRandom.current().nextInt());
        LOG.error("Page {} failed (reference {})", event.getLocation().getPath(), reference, parameter.getCaughtException());
        removeAll();
        setId("server-error");
        addClassName("server-error");
        add(new H1(getTranslation("shell.error.title")), new Paragraph(getTranslation("shell.error.text", reference)),
                new Anchor("", getTranslation("shell.notFound.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        // no main layout to add the site's name, so the view does
        return MainLayout.withSiteName(getTranslation("shell.error.title"), getTranslation("shell.name"));
    }
}
