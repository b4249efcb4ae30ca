package cn.gov.enforcement.portal.regulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the regulation module.
 *
 * @param importOnStart a folder imported when the portal starts (LawRefBook layout and/or plain-text
 *     files); empty (the default) imports nothing
 * @param maxResults the largest number of results one search may ask for
 * @param upload limits of the administrators' import page
 */
@ConfigurationProperties(prefix = "portal.regulation")
public record RegulationSettings(String importOnStart, Integer maxResults, Upload upload) {

    @ConstructorBinding
    public RegulationSettings {
        importOnStart = importOnStart == null ? "" : importOnStart.strip();
        if (maxResults == null || maxResults < 1) {
            maxResults = 100;
        }
        if (upload == null) {
            upload = new Upload(null, null, null);
        }
    }

    public RegulationSettings(String importOnStart, Integer maxResults) {
        this(importOnStart, maxResults, null);
    }

    /**
     * Limits of one upload on the import page.
     *
     * @param maxFileSize the largest file the browser may send (a .zip, .md or .txt file)
     * @param maxUncompressed the most bytes all files of one upload may hold once unpacked
     * @param maxEntries the most entries (files and folders) all archives of one upload may hold
     */
    public record Upload(DataSize maxFileSize, DataSize maxUncompressed, Integer maxEntries) {

        public Upload {
            if (maxFileSize == null || maxFileSize.toBytes() < 1) {
                maxFileSize = DataSize.ofMegabytes(100);
            }
            if (maxUncompressed == null || maxUncompressed.toBytes() < 1) {
                maxUncompressed = DataSize.ofMegabytes(500);
            }
            if (maxEntries == null || maxEntries < 1) {
                maxEntries = 10_000;
            }
        }
    }
}
