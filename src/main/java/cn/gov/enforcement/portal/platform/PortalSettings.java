package cn.gov.enforcement.portal.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings shared by every module.
 *
 * @param dataDir the one directory that holds everything the portal keeps: the H2 database, the
 *     embedded search node's data, uploaded files and logs
 * @param publicUrl the portal's address as the public reaches it ({@code portal.public-url}), for links in mails
 *     and printed letters; {@code http://localhost:8080} when not set
 */
@ConfigurationProperties(prefix = "portal")
public record PortalSettings(Path dataDir, String publicUrl) {

    @ConstructorBinding
    public PortalSettings {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        publicUrl = publicUrl(publicUrl, "portal.public-url");
    }

    /** Settings with the default public address. */
    public PortalSettings(Path dataDir) {
        this(dataDir, null);
    }

    /**
     * A public address setting as the portal uses it: {@code http://localhost:8080} when blank, without a
     * trailing slash.
     *
     * @throws IllegalArgumentException when it is not an http(s) address, naming {@code property}
     */
    public static String publicUrl(String value, String property) {
        String url = value == null || value.isBlank() ? "http://localhost:8080" : value.strip();
        if (!url.matches("https?://[^\\s]+")) {
            throw new IllegalArgumentException(property + " must be an http(s) address: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An absolute link to a path of the portal (without leading slash), for mails. */
    public String link(String path) {
        return publicUrl + "/" + path;
    }

    /**
     * An absolute link for a party: the page opens in the party's language, whatever their browser remembers (see
     * {@link LanguagePreference#inLanguage}).
     */
    public String link(String path, java.util.Locale language) {
        return LanguagePreference.inLanguage(link(path), language);
    }

    /**
     * A sub-directory of the data directory for personal data (mediation evidence, keys): created owner-only on first
     * use, and made owner-only when it exists and is looser ({@link OwnerOnly#folder}).
     */
    public Path dir(String name) {
        Path dir = dataDir.resolve(name);
        try {
            OwnerOnly.folder(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create data directory " + dir, e);
        }
        return dir;
    }
}
