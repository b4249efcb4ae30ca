package cn.gov.enforcement.portal.search.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Download, checksum, unpacking and directory checks, without starting a node. */
class EmbeddedNodeFilesTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private final byte[] payload = "pretend this is a distribution".repeat(1000).getBytes(StandardCharsets.UTF_8);
    private String sha1 = "";

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dist.zip", exchange -> {
            exchange.sendResponseHeaders(200, payload.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(payload);
            }
        });
        server.createContext("/dist.zip.sha1", exchange -> {
            byte[] body = sha1.getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/dist.zip";
    }

    @Test
    void a_download_matching_the_published_sha1_is_kept() throws Exception {
        sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(payload)) + "  dist.zip\n";
        Path target = tmp.resolve("downloads/dist.zip");

        EmbeddedNode.download(url(), target);

        assertThat(Files.readAllBytes(target)).isEqualTo(payload);
        assertThat(target.resolveSibling("dist.zip.part")).doesNotExist();
    }

    @Test
    void a_download_with_a_wrong_checksum_is_refused_and_leaves_no_file() {
        sha1 = "0000000000000000000000000000000000000000";
        Path target = tmp.resolve("downloads/dist.zip");

        assertThatThrownBy(() -> EmbeddedNode.download(url(), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Checksum mismatch");
        assertThat(target).doesNotExist();
        assertThat(target.resolveSibling("dist.zip.part")).doesNotExist();
    }

    @Test
    void unpacking_makes_bin_scripts_executable_and_everything_readable_by_others() throws Exception {
        Path zip = tmp.resolve("es.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("elasticsearch-x/bin/elasticsearch"));
            out.write("#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII));
            out.putNextEntry(new ZipEntry("elasticsearch-x/bin/elasticsearch.bat"));
            out.putNextEntry(new ZipEntry("elasticsearch-x/config/jvm.options"));
            out.closeEntry();
        }

        EmbeddedNode.unzip(zip, tmp.resolve("out"));

        Path home = tmp.resolve("out/elasticsearch-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("bin/elasticsearch"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("bin/elasticsearch.bat"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("config/jvm.options"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void a_distribution_another_portal_unpacked_meanwhile_is_used_instead_of_failing_the_start() throws Exception {
        // reachable by nobody when the tests run as root, so the cache below is used and not a fallback
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path zip = tmp.resolve("es.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("elasticsearch-" + EmbeddedNode.VERSION + "/bin/elasticsearch"));
            out.write("#!/bin/sh\n# ours\n".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        Path cache = tmp.resolve("cache");
        // another portal's distribution, moved in after this one looked (its scripts not yet marked executable):
        // the move onto it fails on Linux with a plain FileSystemException (Directory not empty)
        Path theirs = cache.resolve("elasticsearch-" + EmbeddedNode.VERSION);
        Files.createDirectories(theirs.resolve("bin"));
        Files.writeString(theirs.resolve("bin/elasticsearch"), "#!/bin/sh\n# theirs\n");
        EmbeddedNode node = new EmbeddedNode(new EmbeddedNode.Options(zip, null, cache, tmp.resolve("data"), "512m", 0,
                0, null, null, null, null, null, null, null));

        assertThat(node.provisionDistribution()).isEqualTo(theirs);

        assertThat(Files.readString(theirs.resolve("bin/elasticsearch"))).contains("theirs");
        try (var left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no unpacking folder left")
                    .containsExactly("elasticsearch-" + EmbeddedNode.VERSION);
        }
    }

    @Test
    void a_zip_entry_escaping_the_target_is_refused() throws Exception {
        Path zip = tmp.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../escaped"));
            out.closeEntry();
        }

        assertThatThrownBy(() -> EmbeddedNode.unzip(zip, tmp.resolve("out"))).hasMessageContaining("escapes");
        assertThat(tmp.resolve("escaped")).doesNotExist();
    }

    @Test
    void a_directory_behind_a_private_parent_is_not_reachable_by_nobody() throws Exception {
        Path open = Files.createDirectories(tmp.resolve("open/data"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tmp.resolve("open"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path hidden = Files.createDirectories(tmp.resolve("private/data"));
        Files.setPosixFilePermissions(tmp.resolve("private"), PosixFilePermissions.fromString("rwx------"));

        boolean tmpReachable = EmbeddedNode.traversableByNobody(tmp);
        assertThat(EmbeddedNode.traversableByNobody(open)).isEqualTo(tmpReachable);
        assertThat(EmbeddedNode.traversableByNobody(hidden)).isFalse();
        assertThat(EmbeddedNode.traversableByNobody(hidden.resolve("not-yet-created"))).isFalse();
    }

    @Test
    void the_fallback_directory_name_is_twelve_hex_characters_of_the_data_dir_hash() {
        assertThat(EmbeddedNode.shortHash("/root/portal/data")).matches("[0-9a-f]{12}")
                .isEqualTo(EmbeddedNode.shortHash("/root/portal/data"))
                .isNotEqualTo(EmbeddedNode.shortHash("/root/portal/data2"));
    }
}
