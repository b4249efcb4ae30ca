package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/**
 * For pages that follow work running in the background (an import, a backup): the page's own refresh runs at every
 * poll of its UI and once when it is attached; polling stops when the page is left. The refresh itself switches
 * polling on while the work runs ({@code UI.setPollInterval}) and off when it is done.
 */
public final class Polling {

    private Polling() {}

    public static void whileAttached(Component page, Runnable refresh) {
        page.addAttachListener(attach -> {
            Registration polls = attach.getUI().addPollListener(e -> refresh.run());
            page.addDetachListener(detach -> {
                polls.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
            refresh.run();
        });
    }
}
