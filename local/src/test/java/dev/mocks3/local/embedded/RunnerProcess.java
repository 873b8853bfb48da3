package dev.mocks3.local.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mocks3.local.LocalRunner;

/**
 * {@code java -jar mocks3-local.jar} as a user runs it: {@link LocalRunner#main} in a JVM of its own, on
 * its embedded PostgreSQL and Redis, so a test can stop it with a signal or kill it.
 */
public final class RunnerProcess implements AutoCloseable {

    private static final Pattern UP = Pattern.compile("MockS3 is up on http://localhost:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process jvm;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private RunnerProcess(Process jvm) {
        this.jvm = jvm;
    }

    /**
     * A new data folder under target/ like the shared fixture's: PostgreSQL, which runs as another user
     * when we are root, can reach it there (unlike a private temporary directory).
     */
    public static Path freshDataDir() {
        return Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
    }

    /**
     * Starts a local runner on a free port with its data in {@code dataDir} and waits until it serves.
     *
     * @param settings more {@code --name=value} arguments
     */
    public static RunnerProcess start(Path dataDir, String... settings) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), LocalRunner.class.getName(),
                "--server.port=0", "--mocks3.faults.api-port=0", "--mocks3.storage.data-dir=" + dataDir));
        command.addAll(java.util.List.of(settings));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the embedded servers are what these tests are about, whatever the environment points at
        builder.environment().keySet().removeIf(name -> name.startsWith("MOCKS3_"));
        RunnerProcess runner = new RunnerProcess(builder.start());
        Thread reader = new Thread(runner::readOutput, "runner-output-" + runner.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            runner.port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return runner;
        } catch (ExecutionException | TimeoutException e) {
            runner.close();
            throw new IllegalStateException("the local runner did not start:\n" + runner.output, e);
        }
    }

    public int port() {
        return port.join();
    }

    long pid() {
        return jvm.pid();
    }

    /** Sends SIGTERM, as {@code kill PID}, systemd or Kubernetes do to stop it. */
    void askToStop() {
        jvm.destroy();
    }

    /** SIGKILL: the JVM gets no chance to stop anything. */
    public void kill() throws InterruptedException {
        jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** True when the JVM exited within the timeout. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return jvm.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (jvm.isAlive()) {
            kill();
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher up = UP.matcher(line);
                if (up.find()) {
                    port.complete(Integer.parseInt(up.group(1)));
                }
            }
        } catch (IOException e) {
            // the JVM is gone; its output so far is kept
        }
        port.completeExceptionally(new IllegalStateException("the local runner exited"));
    }
}
