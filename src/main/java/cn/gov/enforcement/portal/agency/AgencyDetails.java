package cn.gov.enforcement.portal.agency;

import java.time.Instant;
import java.util.List;

/** Everything the portal discloses about one agency. Officer names are masked unless said otherwise. */
public record AgencyDetails(AgencySummary summary, String legalRepresentative, List<Power> powers,
        List<String> legalBasis, List<Officer> officers, Instant updatedAt) {

    public String id() {
        return summary.id();
    }

    public String name() {
        return summary.name();
    }
}
