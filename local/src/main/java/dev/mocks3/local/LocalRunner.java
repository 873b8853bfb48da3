package dev.mocks3.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mocks3.app.EventLoopThreads;
import dev.mocks3.app.MockS3Application;
import dev.mocks3.local.embedded.EmbeddedPostgres;
import dev.mocks3.local.embedded.EmbeddedRedis;
import dev.mocks3.local.embedded.EmbeddedService;
import dev.mocks3.local.embedded.Supervisor;

/**
 * Runs every MockS3 function in one JVM. PostgreSQL and Redis are started embedded (under the
 * data folder) unless {@code MOCKS3_R2DBC_URL} / {@code MOCKS3_REDIS_URL} (or the matching Spring
 * properties) point at real ones. A stop signal drains running requests before the databases stop, and an
 * embedded database whose process dies is started again.
 */
public final class LocalRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalRunner.class);
    private static final long SUPERVISOR_PERIOD_MILLIS = 1000;
    private final ConfigurableApplicationContext context;
    private final List<AutoCloseable> services;

    private LocalRunner(ConfigurableApplicationContext context, List<AutoCloseable> services) {
        this.context = context;
        this.services = services;
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        // only here, not in start(): a test JVM that embeds MockS3 keeps its own Reactor Netty settings
        EventLoopThreads.onePerCore();
        LocalRunner runner = start(Map.of(), args);
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "mocks3-shutdown"));
        } catch (IllegalStateException e) {
            // stopped (SIGTERM, Ctrl-C) while still starting: the JVM is already shutting down
            runner.close();
            return;
        }
        log.info("MockS3 is up on http://localhost:{} after {} ms", runner.port(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Starts MockS3 with these properties on top of the environment's; embedded services are
     * started for whatever the properties and environment leave unconfigured.
     */
    public static LocalRunner start(Map<String, Object> overrides, String... args) {
        // --name=value arguments are settings like any other: the data folder and database URLs
        // given on the command line decide what is started embedded, and where
        Map<String, Object> properties = new HashMap<>();
        List<String> otherArgs = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                properties.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else {
                otherArgs.add(arg);
            }
        }
        properties.putAll(overrides);
        // a runner on a free S3 port (tests, side instances) takes a free drive port too, never 8888
        if ("0".equals(String.valueOf(properties.get("server.port")))) {
            properties.putIfAbsent("mocks3.drive.port", "0");
        }
        // on a laptop the S3 port and the rules API answer this machine only; the cluster image keeps 0.0.0.0
        properties.put("server.address", setting(properties, "server.address", "MOCKS3_BIND_ADDRESS", "127.0.0.1"));
        List<EmbeddedService> services = new ArrayList<>();
        Path dataDir = Path.of(setting(properties, "mocks3.storage.data-dir", "MOCKS3_DATA_DIR", "data"));
        properties.putIfAbsent("mocks3.storage.data-dir", dataDir.toString());
        if (setting(properties, "spring.r2dbc.url", "MOCKS3_R2DBC_URL", null) == null) {
            EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"), 0);
            services.add(postgres);
            properties.put("spring.r2dbc.url", postgres.r2dbcUrl());
            properties.put("spring.r2dbc.username", postgres.username());
            properties.put("spring.r2dbc.password", postgres.password());
            properties.put("spring.flyway.url", postgres.jdbcUrl());
            properties.put("spring.flyway.user", postgres.username());
            properties.put("spring.flyway.password", postgres.password());
        }
        if (setting(properties, "mocks3.redis.address", "MOCKS3_REDIS_URL", null) == null) {
            EmbeddedRedis redis = EmbeddedRedis.start(dataDir.resolve("redis"), 0);
            services.add(redis);
            properties.put("mocks3.redis.address", redis.address());
            properties.put("mocks3.redis.password", redis.password());
        }
        List<AutoCloseable> closedInReverse = new ArrayList<>(services);
        closedInReverse.add(Supervisor.watch(services, SUPERVISOR_PERIOD_MILLIS));
        try {
            // passed as command-line arguments so they win over application.yml's environment defaults
            List<String> commandLine = new ArrayList<>(otherArgs);
            properties.forEach((key, value) -> commandLine.add("--" + key + "=" + value));
            SpringApplication application = new SpringApplication(MockS3Application.class);
            application.setDefaultProperties(defaults());
            // close() is the one shutdown path: the context first, then the databases its requests use
            application.setRegisterShutdownHook(false);
            return new LocalRunner(application.run(commandLine.toArray(String[]::new)), closedInReverse);
        } catch (RuntimeException e) {
            closeAll(closedInReverse);
            throw e;
        }
    }

    /** Settings the local runner uses unless the environment, application.yml or arguments say otherwise. */
    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // a stop signal stops accepting, lets running requests finish within the phase timeout, then stops
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        return defaults;
    }

    /** The port S3 answers on. */
    public int port() {
        String port = context.getEnvironment().getProperty("local.server.port");
        return port == null ? 8080 : Integer.parseInt(port);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
        closeAll(services);
    }

    private static void closeAll(List<AutoCloseable> services) {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (Exception e) {
                log.warn("could not stop {}: {}", services.get(i), e.toString());
            }
        }
    }

    private static String setting(Map<String, Object> properties, String property, String env, String fallback) {
        Object explicit = properties.get(property);
        if (explicit != null) {
            return explicit.toString();
        }
        String system = System.getProperty(property);
        if (system != null) {
            return system;
        }
        String fromEnv = System.getenv(env);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }
}
