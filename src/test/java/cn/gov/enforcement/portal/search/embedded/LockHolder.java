package cn.gov.enforcement.portal.search.embedded;

import cn.gov.enforcement.portal.search.DataDirectoryInUseException;
import java.nio.file.Path;

/**
 * A stand-in for another portal, run in a child JVM by {@link DataDirectoryLockTest}: takes the lock of the data
 * directory given as first argument, prints {@code locked} and holds it until its standard input closes; prints
 * {@code in use} and ends with status 2 when another process holds it. Its command line names elasticsearch, so
 * that a pid file pointing at it passes for one of a search node.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        DataDirectoryLock lock;
        try {
            lock = DataDirectoryLock.acquire(Path.of(args[0]));
        } catch (DataDirectoryInUseException e) {
            System.out.println("in use");
            System.exit(2);
            return;
        }
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
            // held until the parent closes the pipe
        }
        lock.release();
    }
}
