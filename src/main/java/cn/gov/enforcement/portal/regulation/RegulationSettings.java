package cn.gov.enforcement.portal.regulation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the regulation module.
 *
 * @param importOnStart a folder imported when the portal starts (LawRefBook layout and/or plain-text
 *     files); empty (the default) imports nothing
 * @param maxResults the largest number of results one search may ask for
 */
@ConfigurationProperties(prefix = "portal.regulation")
public record RegulationSettings(String importOnStart, Integer maxResults) {

    public RegulationSettings {
        importOnStart = importOnStart == null ? "" : importOnStart.strip();
        if (maxResults == null || maxResults < 1) {
            maxResults = 100;
        }
    }
}
