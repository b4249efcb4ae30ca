package cn.gov.enforcement.portal.lists;

import java.util.List;

/**
 * One page of a list search: the total number of matches and this page's entries; {@code leftOut} the titles (as
 * written) of the entries of the filters chosen that the search left out because its text says the business lacks
 * a licence they are about holding ({@code MissingLicence}), empty for any other search.
 */
public record ListPage<T>(long total, int page, int size, List<T> items, List<String> leftOut) {

    public ListPage(long total, int page, int size, List<T> items) {
        this(total, page, size, items, List.of());
    }
}
