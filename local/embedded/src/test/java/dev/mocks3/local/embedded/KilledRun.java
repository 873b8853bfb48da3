package dev.mocks3.local.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A local runner killed with SIGKILL together with the watchdogs that would stop its servers: another
 * JVM starts a service in a work directory and dies without stopping it, leaving the server running.
 */
final class KilledRun {

    private static final String READY = "READY";

    private KilledRun() {
    }

    /**
     * Starts {@code service} ("postgres" or "redis") in another JVM, waits until it is up, then kills that
     * JVM and its watchdogs.
     */
    static void withItsWatchdogs(String service, Path workDir, int port) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                KilledRun.class.getName(), service, workDir.toString(), Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.equals(READY)) {
                    jvm.descendants()
                            .filter(process -> process.info().commandLine().orElse("").contains("mocks3-watchdog"))
                            .forEach(ProcessHandle::destroyForcibly);
                    jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    return;
                }
            }
        }
        throw new IllegalStateException(service + " did not start in the other JVM:\n" + output);
    }

    public static void main(String[] args) throws InterruptedException {
        Path workDir = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        AutoCloseable service = switch (args[0]) {
            case "postgres" -> EmbeddedPostgres.start(workDir, port);
            case "redis" -> EmbeddedRedis.start(workDir, port);
            default -> throw new IllegalArgumentException("unknown service " + args[0]);
        };
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // keeps `service` running until the test kills this JVM
        System.out.println(service);
    }
}
