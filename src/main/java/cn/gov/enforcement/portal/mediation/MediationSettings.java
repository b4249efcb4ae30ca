package cn.gov.enforcement.portal.mediation;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the mediation module ({@code portal.mediation.*}).
 *
 * @param acceptanceDays working days within which the agency decides whether it accepts an
 *     application (default 5)
 * @param mediationDays working days from acceptance within which mediation is finished (default 20)
 * @param extensionDays working days by which the mediation deadline may be extended, once (default 10)
 * @param zone the time zone in which deadlines and dates are counted (default Asia/Shanghai)
 * @param encryptionKey base64 AES key (16, 24 or 32 bytes) that encrypts ID numbers at rest; when
 *     absent a key is generated once into {@code ${portal.data-dir}/keys/mediation.key}
 * @param routing the competent agency id per dispute category; categories not given keep their
 *     default (see {@link #DEFAULT_ROUTING})
 */
@ConfigurationProperties(prefix = "portal.mediation")
public record MediationSettings(Integer acceptanceDays, Integer mediationDays, Integer extensionDays, ZoneId zone,
        String encryptionKey, Map<DisputeCategory, String> routing) {

    /**
     * The routing for the sample city. The sample content has no education bureau, no public
     * security bureau apart from its traffic police, and no natural resources or forestry bureau:
     * public order (治安管理) goes to the traffic police as the sample city's public security organ,
     * forest land to ecology and environment, and student injuries, land ownership and other
     * disputes to urban management as the coordinating agency. A real deployment sets
     * {@code portal.mediation.routing.<CATEGORY>=<agency-id>} for each category.
     */
    public static final Map<DisputeCategory, String> DEFAULT_ROUTING = Map.of(
            DisputeCategory.CONSUMER, "sample-market-regulation",
            DisputeCategory.TRAFFIC_ACCIDENT, "sample-traffic-police",
            DisputeCategory.PUBLIC_ORDER, "sample-traffic-police",
            DisputeCategory.LABOUR, "sample-human-resources-social-security",
            DisputeCategory.FOREST_LAND_OWNERSHIP, "sample-ecology-environment",
            DisputeCategory.LAND_OWNERSHIP, "sample-urban-management",
            DisputeCategory.STUDENT_INJURY, "sample-urban-management",
            DisputeCategory.OTHER_ADMINISTRATIVE, "sample-urban-management");

    public MediationSettings {
        if (acceptanceDays == null || acceptanceDays < 1) {
            acceptanceDays = 5;
        }
        if (mediationDays == null || mediationDays < 1) {
            mediationDays = 20;
        }
        if (extensionDays == null || extensionDays < 0) {
            extensionDays = 10;
        }
        if (zone == null) {
            zone = ZoneId.of("Asia/Shanghai");
        }
        if (encryptionKey != null && encryptionKey.isBlank()) {
            encryptionKey = null;
        }
        Map<DisputeCategory, String> merged = new EnumMap<>(DEFAULT_ROUTING);
        if (routing != null) {
            routing.forEach((category, agency) -> {
                if (category != null && agency != null && !agency.isBlank()) {
                    merged.put(category, agency.trim());
                }
            });
        }
        routing = Map.copyOf(merged);
    }

    public static MediationSettings defaults() {
        return new MediationSettings(null, null, null, null, null, null);
    }

    /** The competent agency for a category. */
    public String agencyFor(DisputeCategory category) {
        return routing.get(category);
    }
}
