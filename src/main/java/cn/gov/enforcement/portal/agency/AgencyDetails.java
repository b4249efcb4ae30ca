package cn.gov.enforcement.portal.agency;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Everything the portal discloses about one agency. Officer names are masked unless said otherwise. */
public record AgencyDetails(AgencySummary summary, String legalRepresentative, List<Power> powers,
        List<String> legalBasis, List<Officer> officers, Instant updatedAt) {

    public String id() {
        return summary.id();
    }

    /**
     * The name in the language of the page being built (the English name on English pages when the agency has one,
     * see {@link AgencySummary#displayName}); outside a page, such as in the JSON API, the official Chinese name.
     */
    public String name() {
        UI ui = UI.getCurrent();
        return ui == null ? summary.name() : summary.displayName(ui.getLocale());
    }

    /** The name in the given language (see {@link AgencySummary#displayName}). */
    public String name(Locale locale) {
        return summary.displayName(locale);
    }
}
