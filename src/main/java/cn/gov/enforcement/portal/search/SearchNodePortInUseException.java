package cn.gov.enforcement.portal.search;

/**
 * A port configured for the embedded search node ({@code portal.search.embedded.port} or {@code transport-port})
 * cannot be opened on 127.0.0.1: the portal does not start, and says which port and setting to change.
 */
public class SearchNodePortInUseException extends IllegalStateException {

    public SearchNodePortInUseException(int port, String setting, String reason) {
        super("The search node's port " + port + " (" + setting + ") " + (reason.contains("in use")
                ? "is already in use" : "cannot be opened on 127.0.0.1 (" + reason + ")")
                + ": choose another, or 0 for a free one");
    }
}
