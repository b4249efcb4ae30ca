package cn.gov.enforcement.portal.search.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which Java installation the embedded node runs on.
 *
 * <p>The portal itself runs on Java 17, where Lucene computes vector similarities in plain Java.
 * From Java 21 on, Elasticsearch uses SIMD instructions (Lucene's Panama vectorization and its own
 * native vector library) to compare vectors, which made loading (then into an HNSW graph) and kNN searches
 * somewhat cheaper (about 5 % on the whole import on two cores, see bench/README.md). So unless a
 * Java home is configured, the node runs on the newest Java
 * installation of a version Elasticsearch {@value EmbeddedNode#VERSION} was checked with
 * ({@value #NEWEST_CHECKED} at most) found among the portal's own and {@code /usr/lib/jvm/*}; with
 * none of at least {@value #FASTER_FROM}, on the portal's own.
 */
public final class NodeJava {

    /** The first feature version on which the node uses SIMD for vectors. */
    static final int FASTER_FROM = 21;

    /** The newest feature version the node was run and tested on. */
    static final int NEWEST_CHECKED = 25;

    /** Where Debian and Ubuntu packages (and Temurin's) install Java. */
    static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");

    /** A Java installation and its feature version. */
    record Installation(Path home, int feature) {}

    private NodeJava() {}

    /**
     * The installation the node runs on.
     *
     * @param configured {@code portal.search.embedded.java-home}, or null to choose
     * @param own the portal's own {@code java.home}
     * @param system the folder of installed JVMs, normally {@link #SYSTEM_JVMS}
     * @throws IllegalArgumentException when the configured folder holds no {@code bin/java}
     */
    public static Path choose(Path configured, Path own, Path system) {
        if (configured != null) {
            if (!Files.isRegularFile(configured.resolve("bin/java"))) {
                throw new IllegalArgumentException("portal.search.embedded.java-home is " + configured
                        + ", which has no bin/java: give the folder of a Java installation (21 to " + NEWEST_CHECKED
                        + " makes vector search faster), or leave it empty");
            }
            return configured;
        }
        return candidates(own, system).stream()
                .filter(i -> i.feature() >= FASTER_FROM && i.feature() <= NEWEST_CHECKED)
                .max(Comparator.comparingInt(Installation::feature))
                .map(Installation::home)
                .orElse(own);
    }

    /** The portal's own installation and every one under {@code system} whose {@code release} file names a version. */
    static List<Installation> candidates(Path own, Path system) {
        List<Path> others = List.of();
        if (Files.isDirectory(system)) {
            try (Stream<Path> list = Files.list(system)) {
                others = list.sorted().toList();
            } catch (IOException e) {
                // an unreadable folder offers no installation
            }
        }
        return Stream.concat(Stream.of(own), others.stream()).flatMap(home -> installation(home).stream()).toList();
    }

    /** The installation at {@code home}, when it has {@code bin/java} and a {@code release} file with a version. */
    static Optional<Installation> installation(Path home) {
        if (!Files.isRegularFile(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        OptionalInt feature = feature(home);
        return feature.isPresent() ? Optional.of(new Installation(home, feature.getAsInt())) : Optional.empty();
    }

    /** The feature version in {@code home/release} ({@code JAVA_VERSION="25.0.3"} gives 25; {@code "1.8.0"} gives 1). */
    static OptionalInt feature(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
            return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
