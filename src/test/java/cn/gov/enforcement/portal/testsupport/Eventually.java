package cn.gov.enforcement.portal.testsupport;

import java.util.function.BooleanSupplier;

/** Waiting in tests for what the portal does asynchronously (an index following the database, for instance). */
public final class Eventually {

    private Eventually() {
    }

    /** Polls the condition every 100 ms for up to 30 s; fails naming what it waited for. */
    public static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
