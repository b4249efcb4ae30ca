package cn.gov.enforcement.portal.lists;

import java.util.List;

/**
 * Every entry of a list search (no paging: the downloads and the print mode), and, as in {@link ListPage}, the titles
 * (as written) of the entries of the filters chosen that the search left out because its text says the business
 * lacks a licence they are about holding ({@code MissingLicence}); empty for any other search.
 */
public record ListResults<T>(List<T> items, List<String> leftOut) {}
