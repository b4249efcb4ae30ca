package cn.gov.enforcement.portal.knowledge;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the knowledge base.
 *
 * @param dir the knowledge base directory; when unset, {@code ./knowledge-base} if that directory
 *     exists in the working directory, else the copy packaged in the jar
 *     ({@code classpath:knowledge-base/})
 * @param strict when true the portal refuses to start if any content file has a problem (CI, tests)
 * @param loadOnStart when false the start loads nothing (default true); a command-line import
 *     ({@code --import=<folder>}) sets it, since it needs none of the content and the next start loads it
 */
@ConfigurationProperties(prefix = "portal.knowledge")
public record KnowledgeSettings(Path dir, boolean strict, Boolean loadOnStart) {

    public KnowledgeSettings {
        loadOnStart = loadOnStart == null || loadOnStart;
    }
}
