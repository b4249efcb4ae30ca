package cn.gov.enforcement.portal;

import cn.gov.enforcement.portal.search.embedded.LockHolder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A child JVM standing in for a portal that runs on a data folder: it holds the folder's lock until it is ended. */
final class OtherPortal {

    private OtherPortal() {
    }

    /** Starts it and waits until it holds the lock of {@code dataDir}. */
    static Process holdingTheLockOf(Path dataDir) throws Exception {
        Process child = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dataDir.toString(), "elasticsearch")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String first = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (!"locked".equals(first)) {
            end(child);
            throw new IllegalStateException("The stand-in portal did not take the lock: " + first);
        }
        return child;
    }

    /** Lets it release the lock and end. */
    static void end(Process child) throws Exception {
        child.getOutputStream().close();
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
