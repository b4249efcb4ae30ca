package cn.gov.enforcement.portal.rating;

import java.time.Instant;
import java.util.List;

/**
 * A step a staff member took on a rating's contact details, as its detail page lists them.
 *
 * @param by the user name of who took it ({@link RatingRetention#BY} for an erasure at the end of the keeping period)
 * @param fields what a correction changed, in the order of the form ({@code contactName}, {@code contactPhone},
 *     {@code contactEmail}); all three for an erasure
 */
public record ContactChange(Instant at, String by, Kind kind, List<String> fields) {

    public enum Kind {
        /** Some of the details replaced by what the person asked for. */
        CORRECTED,
        /** Name, phone and e-mail address erased at the person's request. */
        ERASED,
        /** Erased by the portal when the keeping period ended ({@link RatingRetention}). */
        EXPIRED;

        public String messageKey() {
            return "rating.contact.change." + name();
        }
    }
}
