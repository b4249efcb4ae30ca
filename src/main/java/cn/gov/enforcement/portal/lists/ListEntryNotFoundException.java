package cn.gov.enforcement.portal.lists;

/**
 * A risk point or exemption item that does not exist, or an agency without a discretion page (shown as the lists'
 * 404 page, which names the list the reader was looking for).
 */
public class ListEntryNotFoundException extends RuntimeException {

    private final boolean discretionAgency;

    public ListEntryNotFoundException(String id) {
        this(id, false);
    }

    private ListEntryNotFoundException(String id, boolean discretionAgency) {
        super("No list entry " + (id == null ? "" : id.length() > 80 ? id.substring(0, 80) : id));
        this.discretionAgency = discretionAgency;
    }

    /** An agency id in a discretion benchmark address that names no agency. */
    public static ListEntryNotFoundException discretionAgency(String agency) {
        return new ListEntryNotFoundException(agency, true);
    }

    public boolean discretionAgency() {
        return discretionAgency;
    }
}
