package cn.gov.enforcement.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** A page that fails as it opens, as one did when the database had no connection left (test sources only). */
@Route("test-only/failing-page")
@AnonymousAllowed
public class FailingTestView extends Div {

    public FailingTestView() {
        throw new IllegalStateException("test-only failure: no connection available");
    }
}
