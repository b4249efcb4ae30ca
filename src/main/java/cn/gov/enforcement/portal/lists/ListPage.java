package cn.gov.enforcement.portal.lists;

import java.util.List;

/** One page of a list search: the total number of matches and this page's entries. */
public record ListPage<T>(long total, int page, int size, List<T> items) {}
