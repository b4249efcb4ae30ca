package cn.gov.enforcement.portal.search.embedded;

import cn.gov.enforcement.portal.search.DataDirectoryInUseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exclusive operating-system lock on {@code search/node.lock} in a portal data directory, held by the process
 * whose portal runs the directory's embedded search node, for as long as the node may run. A portal that finds
 * another process holding it does not start, so it never stops that portal's node as one a crashed run left behind
 * (a crashed process holds no lock any more, so its node is still stopped).
 *
 * <p>File locks belong to the whole JVM ({@link FileChannel#tryLock} throws {@link OverlappingFileLockException}
 * when the same JVM holds the file already). Several nodes of one JVM on one directory, such as a test that starts a
 * second node after one it left running as a crashed run leaves it, therefore share the JVM's lock: it is counted
 * and released when the last of them stops.
 */
final class DataDirectoryLock {

    static final String FILE = "node.lock";

    /** The locks this JVM holds, by lock file. */
    private static final Map<Path, Held> HELD = new HashMap<>();

    private record Held(FileChannel channel, FileLock lock, int users) {
    }

    private final Path file;
    private boolean released;

    private DataDirectoryLock(Path file) {
        this.file = file;
    }

    /** The lock file of a data directory. */
    static Path file(Path portalDataDir) {
        return portalDataDir.toAbsolutePath().normalize().resolve("search").resolve(FILE);
    }

    /**
     * Takes the data directory's lock, or shares it when this JVM holds it already.
     *
     * @throws DataDirectoryInUseException when another process holds it
     */
    static DataDirectoryLock acquire(Path portalDataDir) throws IOException {
        Path file = file(portalDataDir);
        synchronized (HELD) {
            Held held = HELD.get(file);
            if (held == null) {
                Files.createDirectories(file.getParent());
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (IOException | RuntimeException e) {
                    // an OverlappingFileLockException here is a lock of this JVM taken outside this class: not one
                    // to share, and not another portal's either
                    channel.close();
                    throw e;
                }
                if (lock == null) {
                    channel.close();
                    throw new DataDirectoryInUseException(portalDataDir.toAbsolutePath().normalize(), file);
                }
                held = new Held(channel, lock, 0);
            }
            HELD.put(file, new Held(held.channel(), held.lock(), held.users() + 1));
        }
        return new DataDirectoryLock(file);
    }

    /**
     * Whether another process holds the data directory's lock at this moment, found by taking the lock and giving it
     * up at once: the check made before the portal's context starts, so that a second portal on the directory ends
     * before it opens anything (the log file, which is the running portal's, first). Without a lock file no portal
     * ever ran its node there; this JVM's own lock (nodes of the tests) is no other portal's; a lock file this user
     * cannot open is left to the node's start, which reports what it finds.
     */
    static Optional<DataDirectoryInUseException> heldByAnotherProcess(Path portalDataDir) {
        Path file = file(portalDataDir);
        synchronized (HELD) {
            if (HELD.containsKey(file) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    return Optional.of(new DataDirectoryInUseException(portalDataDir.toAbsolutePath().normalize(),
                            file));
                }
                lock.release();
                return Optional.empty();
            } catch (IOException | OverlappingFileLockException e) {
                return Optional.empty();
            }
        }
    }

    /** Gives the lock up; the file is unlocked once no node of this JVM holds it. Idempotent. */
    void release() throws IOException {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            Held held = HELD.get(file);
            if (held == null) {
                return;
            }
            if (held.users() > 1) {
                HELD.put(file, new Held(held.channel(), held.lock(), held.users() - 1));
                return;
            }
            HELD.remove(file);
            try {
                held.lock().release();
            } finally {
                held.channel().close();
            }
        }
    }
}
