package dev.mocks3.loadtests;

import java.util.concurrent.locks.LockSupport;

/**
 * One client's schedule in paced (open-loop) mode: request k is due at {@code start + offset + k / rate},
 * whether or not the previous one has answered, and its latency counts from when it was due, so a
 * slow answer shows in every request queued behind it (no coordinated omission). Rate 0 is the
 * closed loop: each request is due when the previous one answered.
 */
final class Pacer {
    private final long intervalNanos;
    private long next;

    /** Clients are spread evenly over one interval, so that they do not all fire at once. */
    Pacer(double ratePerSecond, long startNanos, int client, int clients) {
        this.intervalNanos = ratePerSecond > 0 ? (long) (1e9 / ratePerSecond) : 0;
        this.next = startNanos + (intervalNanos * client) / Math.max(1, clients);
    }

    /** Waits until the next request is due; returns when it was due (now, in the closed loop). */
    long awaitTurn() {
        if (intervalNanos == 0) {
            return System.nanoTime();
        }
        long due = next;
        next += intervalNanos;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        return due;
    }
}
