package cn.gov.enforcement.portal.regulation;

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
}
