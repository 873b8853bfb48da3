package dev.mocks3.drive.observe;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mocks3.core.drive.DriveEndpoint;
import dev.mocks3.core.observe.RequestTracing;
import dev.mocks3.drive.http.DriveException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

/**
 * The drive's meters and spans. Every endpoint is measured by the router
 * ({@code mocks3_drive_requests_total{endpoint,outcome}}, {@code mocks3_drive_request_duration_seconds{endpoint}})
 * and is a span; the business counters below are bumped by the functions that know: logins,
 * uploads by kind, instant-upload checks by hit. A new business figure (shares, searches) is one
 * more counter method here, called by its function.
 */
public final class DriveMeters {
    private final MeterRegistry registry;
    private final RequestTracing tracing;
    private final Map<DriveEndpoint, Timer> durations = new EnumMap<>(DriveEndpoint.class);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public DriveMeters(MeterRegistry registry, RequestTracing tracing) {
        this.registry = registry;
        this.tracing = tracing;
        for (DriveEndpoint endpoint : DriveEndpoint.values()) {
            durations.put(endpoint, Timer.builder("mocks3.drive.request.duration").tag("endpoint", endpoint.functionName())
                    .description("drive requests, from the call to the answer").register(registry));
        }
    }

    /** {@code work}, one request of {@code endpoint}: timed, counted by outcome, a span of its own. */
    public <T> Mono<T> request(DriveEndpoint endpoint, Mono<T> work) {
        return tracing.request("drive " + endpoint.functionName(), Mono.defer(() -> {
            long started = System.nanoTime();
            return work.doOnSuccess(reply -> finished(endpoint, started, "ok"))
                    .doOnError(e -> finished(endpoint, started, e instanceof DriveException d ? d.error().name().toLowerCase() : "internal"));
        }));
    }

    private void finished(DriveEndpoint endpoint, long started, String outcome) {
        durations.get(endpoint).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        count("mocks3.drive.requests", "drive requests by endpoint and outcome (ok, or the drive error)",
                "endpoint", endpoint.functionName(), "outcome", outcome);
        if (endpoint == DriveEndpoint.LOGIN) {
            count("mocks3.drive.logins", "drive logins by outcome", "outcome", "ok".equals(outcome) ? "success" : "failure");
        }
        if (endpoint == DriveEndpoint.UPLOAD_CALLBACK && "ok".equals(outcome)) {
            uploaded("presigned");
        }
    }

    /** An instant-upload check: {@code hit} when the content was known and the file appeared at once. */
    public void instantUpload(boolean hit) {
        count("mocks3.drive.instant.upload.checks", "instant-upload checks by whether the content was already stored",
                "hit", Boolean.toString(hit));
        if (hit) {
            uploaded("instant");
        }
    }

    private void uploaded(String kind) {
        count("mocks3.drive.uploads", "files uploaded, by kind (instant: no byte sent; presigned: bytes sent to S3)", "kind", kind);
    }

    /** Adds one to the counter {@code name} with these tag pairs; meters are looked up once per name and tags. */
    public void count(String name, String description, String... tags) {
        counters.computeIfAbsent(name + '\n' + String.join("\n", tags),
                key -> Counter.builder(name).tags(tags).description(description).register(registry)).increment();
    }
}
