package cn.gov.enforcement.portal.testsupport;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;

/** The scripts a view sent to the browser in a Karibu test, by the element they run on. */
public final class ScriptCalls {

    private ScriptCalls() {
    }

    /**
     * The elements on which a script containing {@code fragment} was run while {@code action} ran (with one round trip
     * to the browser after it), in order.
     */
    public static List<Element> ranOn(String fragment, Runnable action) {
        return ranOn(invocation -> invocation.getInvocation().getExpression().contains(fragment), action);
    }

    /** As {@link #ranOn(String, Runnable)}, for the scripts given {@code argument} as one of their parameters. */
    public static List<Element> ranWith(Object argument, Runnable action) {
        return ranOn(invocation -> invocation.getInvocation().getParameters().contains(argument), action);
    }

    private static List<Element> ranOn(java.util.function.Predicate<PendingJavaScriptInvocation> matching, Runnable action) {
        List<Element> owners = new ArrayList<>();
        List<Function1<PendingJavaScriptInvocation, Unit>> handlers = TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        List<Function1<PendingJavaScriptInvocation, Unit>> recording = new ArrayList<>(handlers);
        recording.add(invocation -> {
            if (matching.test(invocation)) {
                owners.add(Element.get(invocation.getOwner()));
            }
            return Unit.INSTANCE;
        });
        TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(recording);
        try {
            MockVaadin.clientRoundtrip();
            action.run();
            MockVaadin.clientRoundtrip();
        } finally {
            TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
        }
        return owners;
    }
}
