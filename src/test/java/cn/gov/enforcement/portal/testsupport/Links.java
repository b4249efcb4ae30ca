package cn.gov.enforcement.portal.testsupport;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;

/** Following links in Karibu view tests as a browser would. */
public final class Links {

    private Links() {
    }

    /**
     * Opens an address of the portal (relative to its public address, query included) as a link from a mail or a
     * printed letter is opened: as a new page, so a view of the same route is built again. Run it in a UI whose
     * language nothing has chosen yet to play a fresh browser.
     */
    public static void open(String address) {
        UI.getCurrent().navigate("privacy");
        int query = address.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(address);
        } else {
            UI.getCurrent().navigate(address.substring(0, query), QueryParameters.fromString(address.substring(query + 1)));
        }
    }

    /** The addresses the page told the browser to load ({@code Page.setLocation}) while {@code action} ran. */
    public static List<String> loadedBy(Runnable action) {
        List<String> addresses = new ArrayList<>();
        List<Function1<PendingJavaScriptInvocation, Unit>> handlers = TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        List<Function1<PendingJavaScriptInvocation, Unit>> recording = new ArrayList<>(handlers);
        recording.add(invocation -> {
            List<Object> parameters = invocation.getInvocation().getParameters();
            if (invocation.getInvocation().getExpression().contains("window.open(") && parameters.size() == 2
                    && "_self".equals(parameters.get(1))) {
                addresses.add(String.valueOf(parameters.get(0)));
            }
            return Unit.INSTANCE;
        });
        TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(recording);
        try {
            action.run();
            MockVaadin.clientRoundtrip();
        } finally {
            TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
        }
        return addresses;
    }
}
