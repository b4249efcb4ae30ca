package cn.gov.enforcement.portal.mediation.internal;

import cn.gov.enforcement.portal.platform.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files on disk, in one directory of the portal's data directory (outside the web root,
 * never served directly). Names are generated; the type is recognised from the first bytes, not
 * from the name the user gave. The folder and every file are readable by the portal's own account only
 * ({@link OwnerOnly}): they hold applicants' documents.
 */
public final class EvidenceFiles {

    private final Path dir;

    public EvidenceFiles(Path dir) {
        this.dir = dir;
    }

    /** The recognised type ({@code pdf}, {@code jpeg}, {@code png}) of the content; empty when unknown. */
    public static Optional<String> sniff(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (startsWith(bytes, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return Optional.of("pdf");
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("jpeg");
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of("png");
        }
        return Optional.empty();
    }

    public static String contentType(String type) {
        return switch (type) {
            case "pdf" -> "application/pdf";
            case "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            default -> "application/octet-stream";
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Writes the bytes under a new generated name and returns that name. */
    public String store(byte[] bytes, String type) {
        String name = UUID.randomUUID() + "." + type;
        Path target = dir.resolve(name);
        try {
            OwnerOnly.folder(dir);
            OwnerOnly.write(target, bytes);
        } catch (IOException e) {
            // a full disk leaves the part written: nothing refers to it, so it would stay for ever
            try {
                Files.deleteIfExists(target);
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new UncheckedIOException("Cannot store an evidence file in " + dir, e);
        }
        return name;
    }

    public byte[] read(String storedName) {
        try {
            return Files.readAllBytes(resolve(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read an evidence file", e);
        }
    }

    public boolean exists(String storedName) {
        return Files.exists(resolve(storedName));
    }

    public void delete(String storedName) {
        try {
            Files.deleteIfExists(resolve(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete an evidence file", e);
        }
    }

    private Path resolve(String storedName) {
        Path file = dir.resolve(storedName).normalize();
        if (!file.getParent().equals(dir.normalize())) {
            throw new IllegalArgumentException("Not an evidence file name");
        }
        return file;
    }
}
