package cn.gov.enforcement.portal.lists;

import java.util.List;

/**
 * Published after a list in the database changed (or its index was found out of step), once the
 * transaction committed. The lists module rebuilds the list's index on it.
 *
 * @param list {@code risk-points}, {@code exemptions} or {@code discretion}
 */
public record ListsChanged(String list, List<String> changedIds, List<String> removedIds) {}
