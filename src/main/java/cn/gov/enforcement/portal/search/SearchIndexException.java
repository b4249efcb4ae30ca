package cn.gov.enforcement.portal.search;

/** An index operation failed; the alias still points at the version it pointed at before. */
public class SearchIndexException extends RuntimeException {

    public SearchIndexException(String message) {
        super(message);
    }

    public SearchIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
