package dev.mocks3.local.jobs;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something a background job does, failing with a message when it does not happen in time. */
final class Eventually {
    private Eventually() {
    }

    static void within(Duration limit, String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit);
            }
            Thread.sleep(100);
        }
    }
}
