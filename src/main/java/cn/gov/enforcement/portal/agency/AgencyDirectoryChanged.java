package cn.gov.enforcement.portal.agency;

import java.util.List;

/**
 * Published after the agency directory in the database changed (or the index was found out of
 * step with it), once the transaction committed. The agency module rebuilds the {@code agencies}
 * index on it.
 *
 * @param changedIds agencies added or changed
 * @param removedIds agencies removed
 */
public record AgencyDirectoryChanged(List<String> changedIds, List<String> removedIds) {}
