package cn.gov.enforcement.portal.account;

import java.util.List;

/**
 * What the account module needs to know about agencies, implemented by the agency module (so the
 * dependency points from agency to account, never back).
 */
public interface AgencyCatalog {

    boolean exists(String agencyId);

    /** Every agency, for choosing the agency a staff member belongs to. */
    List<AgencyRef> all();

    record AgencyRef(String id, String name) {}
}
