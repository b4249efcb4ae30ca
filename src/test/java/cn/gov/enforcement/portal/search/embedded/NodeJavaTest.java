package cn.gov.enforcement.portal.search.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Java the embedded node runs on when none is configured, and a configured one that is not Java. */
class NodeJavaTest {

    @TempDir
    Path dir;

    private Path install(String name, String release) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        if (release != null) {
            Files.writeString(home.resolve("release"), release);
        }
        return home;
    }

    @Test
    void the_newest_installation_from_21_to_the_newest_checked_version_is_chosen() throws Exception {
        Path own = install("own-17", "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\"\n");
        Path jvms = dir.resolve("jvm");
        install("jvm/openjdk-21", "JAVA_VERSION=\"21.0.4\"\n");
        Path newest = install("jvm/temurin-25", "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        install("jvm/openjdk-99", "JAVA_VERSION=\"99\"\n");
        install("jvm/java-8", "JAVA_VERSION=\"1.8.0_402\"\n");
        install("jvm/no-release", null);
        Files.createDirectories(jvms.resolve("not-a-jdk"));

        assertThat(NodeJava.choose(null, own, jvms)).isEqualTo(newest);
    }

    @Test
    void without_a_faster_installation_the_node_runs_on_the_portals_own() throws Exception {
        Path own = install("own-17", "JAVA_VERSION=\"17.0.15\"\n");
        install("jvm/java-11", "JAVA_VERSION=\"11.0.2\"\n");

        assertThat(NodeJava.choose(null, own, dir.resolve("jvm"))).isEqualTo(own);
        assertThat(NodeJava.choose(null, own, dir.resolve("no-such-folder"))).isEqualTo(own);
    }

    @Test
    void the_portals_own_java_counts_when_it_is_new_enough() throws Exception {
        Path own = install("own-21", "JAVA_VERSION=\"21.0.4\"\n");
        install("jvm/java-17", "JAVA_VERSION=\"17.0.15\"\n");

        assertThat(NodeJava.choose(null, own, dir.resolve("jvm"))).isEqualTo(own);
    }

    @Test
    void a_configured_java_home_wins_and_must_hold_bin_java() throws Exception {
        Path own = install("own-17", "JAVA_VERSION=\"17.0.15\"\n");
        Path configured = install("jvm/java-17", "JAVA_VERSION=\"17.0.15\"\n");
        install("jvm/temurin-25", "JAVA_VERSION=\"25.0.3\"\n");

        assertThat(NodeJava.choose(configured, own, dir.resolve("jvm"))).isEqualTo(configured);
        assertThatThrownBy(() -> NodeJava.choose(dir.resolve("jvm/nothing"), own, dir.resolve("jvm")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("portal.search.embedded.java-home")
                .hasMessageContaining("bin/java");
    }
}
