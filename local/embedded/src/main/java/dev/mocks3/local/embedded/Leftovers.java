package dev.mocks3.local.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Finds server processes that a killed run left behind. Both servers run with their own directory as
 * working directory (PostgreSQL moves into its data directory), which names them better than a pid
 * file whose pid the kernel may since have given to another process.
 */
final class Leftovers {

    private Leftovers() {
    }

    /**
     * Live processes whose working directory is {@code directory} and whose program file name contains
     * {@code program}; Linux only, through /proc.
     */
    static List<ProcessHandle> workingIn(Path directory, String program) throws IOException {
        Path wanted = directory.toRealPath();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> process.info().command()
                        .map(command -> Path.of(command).getFileName().toString().contains(program))
                        .orElse(false))
                .filter(process -> wanted.equals(workingDirectory(process)))
                .toList();
    }

    /** Waits until no such process is left; true when that happened within the timeout. */
    static boolean awaitNoneIn(Path directory, String program, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!workingIn(directory, program).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Asks the process to exit, and kills it if it has not within the timeout. */
    static void terminate(ProcessHandle process, Duration timeout) throws InterruptedException {
        process.destroy();
        // Not our child, so no waitpid; a process that has no working directory any more has exited
        // (a zombie that nobody reaps still counts as alive for ProcessHandle).
        long deadline = System.nanoTime() + timeout.toNanos();
        while (workingDirectory(process) != null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (workingDirectory(process) != null) {
            process.destroyForcibly();
        }
    }

    private static Path workingDirectory(ProcessHandle process) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null; // gone, or not ours to inspect
        }
    }
}
