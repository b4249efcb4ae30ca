package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.LanguagePreference;
import cn.gov.enforcement.portal.platform.PortalSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

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
 * @param retentionDays days a finished case (closed, withdrawn, not accepted, declined) is kept before
 *     it is deleted with its files, messages and history (default 1095, three years); a case left unclosed after
 *     its outcome (agreement reached, mediation failed) counts from the outcome
 * @param draftDays days a saved draft of an application is kept (default 30)
 * @param evidenceMaxBytes largest evidence file accepted (default 10 MB)
 * @param evidenceMaxFiles evidence files per application at most (default 10)
 * @param evidenceTypes accepted evidence types, recognised by their content: {@code pdf}, {@code jpeg},
 *     {@code png} (default all three)
 * @param submissionsPerWindow applications one client (IP address) may submit per rate window (default 10)
 * @param codeGuessesPerWindow failed look-ups with a case number and access code (tracking page and
 *     status API) one client may make per rate window (default 20)
 * @param rateWindow the window of the rate limits (default one hour)
 * @param letterDays days the pre-fill link of a notice-and-guidance letter stays valid (default 90)
 * @param publicUrl the portal's address as the public reaches it, for links in mails and letters
 *     (default {@code portal.public-url}, {@code http://localhost:8080} when that is not set either)
 * @param closeReminderDays working days after its outcome (agreement reached, mediation failed) within which a case
 *     should be closed; a case left unclosed longer is listed in the agency's daily reminder (default 5)
 * @param messagesPerWindow messages the applicant may write on the tracking page per case per rate window, whoever
 *     writes them from wherever: each one mails the agency and the assigned mediator (default 10)
 */
@ConfigurationProperties(prefix = "portal.mediation")
public record MediationSettings(Integer acceptanceDays, Integer mediationDays, Integer extensionDays, ZoneId zone,
        String encryptionKey, Map<DisputeCategory, String> routing, Integer retentionDays, Integer draftDays,
        Long evidenceMaxBytes, Integer evidenceMaxFiles, Set<String> evidenceTypes, Integer submissionsPerWindow,
        Integer codeGuessesPerWindow, Duration rateWindow, Integer letterDays, String publicUrl,
        Integer closeReminderDays, Integer messagesPerWindow) {

    /** The evidence types the portal can recognise by content. */
    public static final Set<String> KNOWN_EVIDENCE_TYPES = Set.of("pdf", "jpeg", "png");

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

    @ConstructorBinding
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
        retentionDays = retentionDays == null || retentionDays < 1 ? 1095 : retentionDays;
        draftDays = draftDays == null || draftDays < 1 ? 30 : draftDays;
        evidenceMaxBytes = evidenceMaxBytes == null || evidenceMaxBytes < 1 ? 10L * 1024 * 1024 : evidenceMaxBytes;
        evidenceMaxFiles = evidenceMaxFiles == null || evidenceMaxFiles < 0 ? 10 : evidenceMaxFiles;
        if (evidenceTypes == null || evidenceTypes.isEmpty()) {
            evidenceTypes = KNOWN_EVIDENCE_TYPES;
        } else {
            Set<String> types = new TreeSet<>();
            for (String type : evidenceTypes) {
                String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
                if (!KNOWN_EVIDENCE_TYPES.contains(t)) {
                    throw new IllegalArgumentException("portal.mediation.evidence-types: unknown type '" + type
                            + "', known are " + new TreeSet<>(KNOWN_EVIDENCE_TYPES));
                }
                types.add(t);
            }
            evidenceTypes = Set.copyOf(types);
        }
        submissionsPerWindow = submissionsPerWindow == null || submissionsPerWindow < 1 ? 10 : submissionsPerWindow;
        codeGuessesPerWindow = codeGuessesPerWindow == null || codeGuessesPerWindow < 1 ? 20 : codeGuessesPerWindow;
        rateWindow = rateWindow == null || rateWindow.isNegative() || rateWindow.isZero() ? Duration.ofHours(1) : rateWindow;
        letterDays = letterDays == null || letterDays < 1 ? 90 : letterDays;
        publicUrl = PortalSettings.publicUrl(publicUrl, "portal.mediation.public-url");
        closeReminderDays = closeReminderDays == null || closeReminderDays < 1 ? 5 : closeReminderDays;
        messagesPerWindow = messagesPerWindow == null || messagesPerWindow < 1 ? 10 : messagesPerWindow;
    }

    /** Every setting but the closing reminder and the applicant's messages, which keep their defaults. */
    public MediationSettings(Integer acceptanceDays, Integer mediationDays, Integer extensionDays, ZoneId zone,
            String encryptionKey, Map<DisputeCategory, String> routing, Integer retentionDays, Integer draftDays,
            Long evidenceMaxBytes, Integer evidenceMaxFiles, Set<String> evidenceTypes, Integer submissionsPerWindow,
            Integer codeGuessesPerWindow, Duration rateWindow, Integer letterDays, String publicUrl) {
        this(acceptanceDays, mediationDays, extensionDays, zone, encryptionKey, routing, retentionDays, draftDays,
                evidenceMaxBytes, evidenceMaxFiles, evidenceTypes, submissionsPerWindow, codeGuessesPerWindow, rateWindow,
                letterDays, publicUrl, null, null);
    }

    /** An absolute link to a path of the portal (without leading slash). */
    public String link(String path) {
        return publicUrl + "/" + path;
    }

    /** An absolute link for a party, opening the page in the party's language (see {@link LanguagePreference#inLanguage}). */
    public String link(String path, Locale language) {
        return LanguagePreference.inLanguage(link(path), language);
    }

    /** The deadline settings only; everything else keeps its default. */
    public MediationSettings(Integer acceptanceDays, Integer mediationDays, Integer extensionDays, ZoneId zone,
            String encryptionKey, Map<DisputeCategory, String> routing) {
        this(acceptanceDays, mediationDays, extensionDays, zone, encryptionKey, routing, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    public static MediationSettings defaults() {
        return new MediationSettings(null, null, null, null, null, null);
    }

    /** The competent agency for a category. */
    public String agencyFor(DisputeCategory category) {
        return routing.get(category);
    }
}
