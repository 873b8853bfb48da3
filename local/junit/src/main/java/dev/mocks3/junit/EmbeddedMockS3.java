package dev.mocks3.junit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mocks3.faults.api.FaultsApiServer;
import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.embedded.FileTree;

/**
 * The local runner in this JVM, on free ports, on a fresh data folder whose PostgreSQL cluster is a
 * copy of the {@link PostgresTemplate}; the folder is deleted when it stops (kept with
 * {@code -Dmocks3.junit.keep-data=true}).
 */
final class EmbeddedMockS3 implements MockS3Instance {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMockS3.class);
    private final LocalRunner runner;
    private final Path dataDir;

    private EmbeddedMockS3(LocalRunner runner, Path dataDir) {
        this.runner = runner;
        this.dataDir = dataDir;
    }

    /** Starts one with these settings (Spring properties) on top of the kit's. */
    static EmbeddedMockS3 start(Map<String, String> settings) {
        Path dataDir = dataRoot().resolve(UUID.randomUUID().toString());
        PostgresTemplate.copyInto(dataDir);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("mocks3.faults.api-port", "0");
        properties.put("mocks3.storage.data-dir", dataDir.toString());
        properties.putAll(settings);
        try {
            return new EmbeddedMockS3(LocalRunner.start(properties), dataDir);
        } catch (RuntimeException e) {
            deleteData(dataDir);
            throw e;
        }
    }

    @Override
    public URI s3Endpoint() {
        return URI.create("http://localhost:" + runner.port());
    }

    @Override
    public URI rulesEndpoint() {
        return URI.create("http://localhost:" + runner.context().getBean(FaultsApiServer.class).port());
    }

    @Override
    public void close() {
        runner.close();
        if (!Boolean.getBoolean("mocks3.junit.keep-data")) {
            deleteData(dataDir);
        }
    }

    /** {@code mocks3.junit.data-root}, else {@code target/mocks3-junit} in a Maven build, else the temporary directory. */
    private static Path dataRoot() {
        String configured = System.getProperty("mocks3.junit.data-root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path target = Path.of("target");
        return (Files.isDirectory(target) ? target.resolve("mocks3-junit")
                : Path.of(System.getProperty("java.io.tmpdir"), "mocks3-junit", "runs")).toAbsolutePath();
    }

    private static void deleteData(Path dataDir) {
        try {
            FileTree.delete(dataDir);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dataDir, e.toString());
        }
    }
}
