package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.server.VaadinRequest;

/** The address a page's request came from, as the key of per-client limits. */
public final class ClientAddress {

    private ClientAddress() {}

    /** The remote address of the current Vaadin request; "unknown" outside a request. */
    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
