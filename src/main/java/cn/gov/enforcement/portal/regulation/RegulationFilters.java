package cn.gov.enforcement.portal.regulation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Parses filter values given as text (API parameters, URL query parameters). */
final class RegulationFilters {

    private RegulationFilters() {}

    /** {@code law}, {@code LAW}, {@code local_regulation} … or empty when unknown. */
    static Optional<LegalLevel> level(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(LegalLevel.values()).filter(l -> l.name().equals(v)).findFirst();
    }

    /** {@code current}, {@code SUPERSEDED} … or empty when unknown. */
    static Optional<DocumentStatus> status(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(DocumentStatus.values()).filter(s -> s.name().equals(v)).findFirst();
    }

    /**
     * A {@code yyyy-MM-dd} date of the years 1 to 9999, or empty. ISO parsing alone also reads year 0, negative
     * years and {@code +10000-01-01}, which the search node's {@code yyyy} date format refuses (a failed search
     * instead of a message).
     */
    static Optional<LocalDate> date(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            return date.getYear() < 1 || date.getYear() > 9999 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Longest region or issuer value accepted. */
    static final int MAX_FILTER = 200;

    /** The status filter value meaning "every version". */
    static final String ANY = "any";

    /** Either a query or the translation key (and arguments) of what is wrong with the input. */
    record Parsed(RegulationCatalog.Query query, String errorKey, Object[] errorArgs) {

        static Parsed error(String key, Object... args) {
            return new Parsed(null, key, args);
        }
    }

    /**
     * Reads the search parameters as given in a URL. Blank values mean "not given"; the status is
     * {@code current} unless {@code any} or another status is given.
     */
    static Parsed parse(String q, String page, String size, String level, String region, String issuer,
            String status, String from, String to, int defaultSize) {
        LegalLevel lvl = null;
        if (given(level)) {
            lvl = level(level).orElse(null);
            if (lvl == null) {
                return Parsed.error("regulation.api.badLevel");
            }
        }
        DocumentStatus st = DocumentStatus.CURRENT;
        if (given(status)) {
            if (status.strip().equalsIgnoreCase(ANY)) {
                st = null;
            } else {
                st = status(status).orElse(null);
                if (st == null) {
                    return Parsed.error("regulation.api.badStatus");
                }
            }
        }
        Integer pageNumber = given(page) ? positive(page) : Integer.valueOf(1);
        if (pageNumber == null) {
            return Parsed.error("regulation.api.badPage");
        }
        // a size beyond the largest page is cut to it however many digits it has (the page number is not: a page that
        // far is no page)
        Integer pageSize = given(size) ? (size.strip().matches("0*[1-9]\\d{9,}") ? Integer.valueOf(Integer.MAX_VALUE)
                : positive(size)) : Integer.valueOf(defaultSize);
        if (pageSize == null) {
            return Parsed.error("regulation.api.badSize");
        }
        if (given(region) && region.strip().length() > MAX_FILTER || given(issuer) && issuer.strip().length() > MAX_FILTER) {
            return Parsed.error("regulation.api.filterTooLong", MAX_FILTER);
        }
        LocalDate fromDate = given(from) ? date(from).orElse(null) : null;
        LocalDate toDate = given(to) ? date(to).orElse(null) : null;
        if (given(from) && fromDate == null || given(to) && toDate == null) {
            return Parsed.error("regulation.api.badDate");
        }
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            return Parsed.error("regulation.api.badDateRange");
        }
        return new Parsed(new RegulationCatalog.Query(q, pageNumber, pageSize, lvl, given(region) ? region.strip() : null,
                given(issuer) ? issuer.strip() : null, st, fromDate, toDate), null, new Object[0]);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** A positive whole number (at most 9 digits), or null. */
    private static Integer positive(String value) {
        String v = value.strip();
        if (!v.matches("\\d{1,9}")) {
            return null;
        }
        int n = Integer.parseInt(v);
        return n < 1 ? null : n;
    }
}
