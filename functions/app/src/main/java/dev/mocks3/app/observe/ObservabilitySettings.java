package dev.mocks3.app.observe;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns MockS3's few observability settings into Spring Boot's, before logging starts:
 * <ul>
 * <li>{@code MOCKS3_OTLP_ENDPOINT} ({@code mocks3.otlp.endpoint}) or the standard
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}: the OTLP/HTTP base address; spans go to {@code <base>/v1/traces},
 * every request sampled. Neither set: tracing is off and no tracer exists.</li>
 * <li>{@code mocks3.log.format=json}: one JSON line per event (Spring Boot's structured logging, ECS
 * shape) on the console; {@code plain} (the default) leaves the usual lines.</li>
 * </ul>
 * Settings given explicitly (e.g. {@code management.tracing.sampling.probability}) win.
 */
public final class ObservabilitySettings implements EnvironmentPostProcessor {
    static final String SOURCE = "mocks3-observability";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        String endpoint = otlpEndpoint(env);
        if (endpoint == null) {
            derived.put("management.tracing.enabled", "false");
        } else {
            derived.put("management.tracing.enabled", "true");
            derived.put("management.otlp.tracing.endpoint", tracesUrl(endpoint));
            derived.put("management.tracing.sampling.probability", "1.0");
        }
        String format = env.getProperty("mocks3.log.format", "plain");
        if ("json".equalsIgnoreCase(format)) {
            derived.put("logging.structured.format.console", "ecs");
        }
        // put last: every explicit setting (arguments, environment, application.yml) wins
        env.getPropertySources().addLast(new MapPropertySource(SOURCE, derived));
    }

    /** Whether spans are made and exported: an OTLP endpoint is configured. */
    static boolean tracingOn(Environment env) {
        return otlpEndpoint(env) != null && env.getProperty("management.tracing.enabled", Boolean.class, true);
    }

    private static String otlpEndpoint(Environment env) {
        String mine = env.getProperty("mocks3.otlp.endpoint");
        if (mine != null && !mine.isBlank()) {
            return mine.trim();
        }
        String standard = env.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
        return standard != null && !standard.isBlank() ? standard.trim() : null;
    }

    static String tracesUrl(String base) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b.endsWith("/v1/traces") ? b : b + "/v1/traces";
    }
}
