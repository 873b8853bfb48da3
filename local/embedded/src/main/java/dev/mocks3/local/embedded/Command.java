package dev.mocks3.local.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One external program run to completion, its output kept for the error message if it fails. */
record Command(List<String> args, Path directory) {

    Command {
        args = List.copyOf(args);
    }

    /** Runs the program and returns its output; throws with that output if it fails or outlives the timeout. */
    String run(Duration timeout) throws IOException, InterruptedException {
        return run(ProcessBuilder.Redirect.PIPE, timeout);
    }

    /** Like {@link #run(Duration)}, with the program reading {@code input} as its standard input. */
    String runReading(Path input, Duration timeout) throws IOException, InterruptedException {
        return run(ProcessBuilder.Redirect.from(input.toFile()), timeout);
    }

    private String run(ProcessBuilder.Redirect input, Duration timeout) throws IOException, InterruptedException {
        // Output goes to a file, not a pipe: a daemon the program starts could hold a pipe open forever.
        Path output = Files.createTempFile("mocks3-command", ".out");
        try {
            Process process = new ProcessBuilder(args)
                    .directory(directory.toFile())
                    .redirectInput(input)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(this + " did not finish within " + timeout + ":\n" + read(output));
            }
            String text = read(output);
            if (process.exitValue() != 0) {
                throw new IOException(this + " failed with exit code " + process.exitValue() + ":\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** True when the program exits with 0; for programs that answer a question by their exit code. */
    boolean succeeds(Duration timeout) throws InterruptedException {
        try {
            run(timeout);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path output) throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8).strip();
    }

    @Override
    public String toString() {
        return String.join(" ", args);
    }
}
