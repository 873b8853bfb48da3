package dev.mocks3.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The server CPU that PeerComparison divides by its requests: the root process's descendants count,
 * a process that is no descendant counts only when it names the marker (as the detached embedded
 * PostgreSQL names its data folder), and nothing else does.
 */
class ProcessFamilyCpuTest {

    private static final Duration BUSY = Duration.ofMillis(1500);
    /** Well below what a second and a half of a busy loop gets even on a loaded machine. */
    private static final long COUNTED = Duration.ofMillis(150).toNanos();
    /** An idle {@code sleep} uses next to nothing. */
    private static final long NOT_COUNTED = Duration.ofMillis(50).toNanos();

    @Test
    void countsDescendantsAndMarkedDaemonsButNotStrangers() throws Exception {
        String marker = "mocks3-family-" + UUID.randomUUID();
        Process idleRoot = new ProcessBuilder("sleep", "30").start();
        Process busyParent = new ProcessBuilder("sh", "-c", "(while :; do :; done) & wait").start();
        Process markedStranger = new ProcessBuilder("sh", "-c", "while :; do :; done", marker).start();
        try {
            ProcessFamilyCpu idleAlone = new ProcessFamilyCpu(idleRoot.pid(), null);
            ProcessFamilyCpu idleWithMarked = new ProcessFamilyCpu(idleRoot.pid(), marker);
            ProcessFamilyCpu busyTree = new ProcessFamilyCpu(busyParent.pid(), null);
            long[] before = {idleAlone.nanos(), idleWithMarked.nanos(), busyTree.nanos()};
            Thread.sleep(BUSY.toMillis());
            long[] after = {idleAlone.nanos(), idleWithMarked.nanos(), busyTree.nanos()};

            assertThat(after[0] - before[0]).as("an idle root with no marker").isLessThan(NOT_COUNTED);
            assertThat(after[1] - before[1]).as("the marked busy process, no descendant of the root").isGreaterThan(COUNTED);
            assertThat(after[2] - before[2]).as("the busy child of the root").isGreaterThan(COUNTED);
        } finally {
            for (Process p : new Process[] {idleRoot, markedStranger}) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            busyParent.descendants().forEach(ProcessHandle::destroyForcibly);
            busyParent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
