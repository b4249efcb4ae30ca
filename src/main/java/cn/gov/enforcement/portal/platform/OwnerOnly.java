package cn.gov.enforcement.portal.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Folders and files of personal data that only the portal's own operating-system account may read: {@code 0700} for
 * a folder, {@code 0600} for a file. Without this they followed the process's umask ({@code drwxr-xr-x},
 * {@code -rw-r--r--}), readable by every local account, the search node's {@code nobody} included. A folder is
 * created owner-only and an existing one made so when it is looser (the group's and others' permissions taken away);
 * its missing parents (the data directory itself) are created as usual, so that the search node can still pass
 * through them. On a file system without POSIX permissions nothing is changed.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {}

    /** Whether the file system of {@code path} has POSIX permissions. */
    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * The folder, created owner-only when missing (its missing parents as usual), or made owner-only when it exists
     * and the group or others may use it.
     *
     * @return {@code dir}
     */
    public static Path folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            try {
                if (posix(absolute)) {
                    Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
                } else {
                    Files.createDirectory(absolute);
                }
            } catch (FileAlreadyExistsException createdMeanwhile) {
                if (!Files.isDirectory(absolute)) {
                    throw createdMeanwhile;
                }
            }
        }
        tighten(absolute);
        return dir;
    }

    /**
     * The folder, created owner-only when missing (its missing parents as usual); an existing one keeps its
     * permissions. For a folder the operator may have chosen outside the data directory, where tightening an existing
     * one could take a shared folder away from others.
     *
     * @return {@code dir}
     */
    public static Path newFolder(Path dir) throws IOException {
        return Files.isDirectory(dir) ? dir : folder(dir);
    }

    /**
     * Takes the group's and others' permissions away from an existing file or folder (a link is followed); nothing
     * when it does not exist, is owner-only already or the file system has no POSIX permissions.
     *
     * @return true when the permissions were changed
     */
    public static boolean tighten(Path path) throws IOException {
        if (!posix(path) || !Files.exists(path)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (permissions.stream().noneMatch(OTHERS::contains)) {
            return false;
        }
        Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
        owner.addAll(permissions);
        owner.removeAll(OTHERS);
        Files.setPosixFilePermissions(path, owner);
        return true;
    }

    /** A new file (it must not exist), owner-only from its creation on, open for writing. */
    public static OutputStream create(Path file) throws IOException {
        return Channels.newOutputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileAttributes(file)));
    }

    /** Writes a new file (it must not exist), owner-only from its creation on. */
    public static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = create(file)) {
            out.write(bytes);
        }
    }

    /** An empty file, created owner-only when missing, or made owner-only when it exists and is looser. */
    public static void file(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, fileAttributes(file));
            } catch (FileAlreadyExistsException createdMeanwhile) {
                // another process made it: tightened below
            }
        }
        tighten(file);
    }

    private static FileAttribute<?>[] fileAttributes(Path file) {
        return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }
}
