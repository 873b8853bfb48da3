package dev.mocks3.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.env.Environment;

/**
 * A MockS3 of a test's own, for settings the shared fixture must not have (short timeouts, a
 * database that is stopped on purpose). It uses the shared fixture's PostgreSQL and Redis unless the
 * overrides name others, so it starts in seconds; its data folder is its own.
 */
public final class SideRunner implements AutoCloseable {
    private static final String[] SHARED_SETTINGS = {"spring.r2dbc.url", "spring.r2dbc.username", "spring.r2dbc.password",
            "spring.flyway.url", "spring.flyway.user", "spring.flyway.password", "mocks3.redis.address", "mocks3.redis.password"};
    private final LocalRunner runner;
    private final Path dataDir;

    private SideRunner(LocalRunner runner, Path dataDir) {
        this.runner = runner;
        this.dataDir = dataDir;
    }

    public static SideRunner start(Map<String, Object> overrides) {
        Environment shared = MockS3Fixture.shared().runner().context().getEnvironment();
        Map<String, Object> properties = new HashMap<>();
        for (String name : SHARED_SETTINGS) {
            properties.put(name, shared.getProperty(name, ""));
        }
        Path dataDir = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
        properties.put("mocks3.storage.data-dir", dataDir.toString());
        properties.put("server.port", "0");
        properties.put("mocks3.faults.api-port", "0");
        properties.putAll(overrides);
        return new SideRunner(LocalRunner.start(properties), dataDir);
    }

    public int port() {
        return runner.port();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + port());
    }

    public LocalRunner runner() {
        return runner;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        runner.close();
    }
}
