package cn.gov.enforcement.portal.lists;

/** A risk point or exemption item that does not exist (shown as the lists' 404 page). */
public class ListEntryNotFoundException extends RuntimeException {

    public ListEntryNotFoundException(String id) {
        super("No list entry " + (id == null ? "" : id.length() > 80 ? id.substring(0, 80) : id));
    }
}
