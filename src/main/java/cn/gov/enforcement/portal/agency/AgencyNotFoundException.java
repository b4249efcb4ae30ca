package cn.gov.enforcement.portal.agency;

/** Thrown by agency pages for an unknown (or not allowed) agency id; shown as a friendly 404 page. */
public class AgencyNotFoundException extends RuntimeException {

    public AgencyNotFoundException(String id) {
        super("No agency " + id);
    }
}
