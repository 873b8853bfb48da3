package dev.mocks3.loadtests.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kills the embedded PostgreSQL of a local runner the hard way (SIGKILL to the postmaster, whose
 * pid is the first line of {@code postmaster.pid}), as a crash would: the runner has to notice,
 * start it again, and the gateway has to recover without a restart of MockS3.
 */
record PostgresKill(Path dataDir) {

    Path pidFile() {
        return dataDir.resolve("postgres").resolve("pgdata").resolve("postmaster.pid");
    }

    /** Answers the pid it killed. */
    long now() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(pidFile()).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IOException("no process " + pid + " (from " + pidFile() + ")"));
        if (!postmaster.destroyForcibly()) {
            throw new IOException("could not kill PostgreSQL (pid " + pid + ")");
        }
        return pid;
    }
}
