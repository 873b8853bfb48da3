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
    private static final String REQUESTS = "mocks3.drive.requests";
    private static final String REQUESTS_MEANING = "drive requests by endpoint and outcome (ok, or the drive error)";
    private static final String LOGINS = "mocks3.drive.logins";
    private static final String LOGINS_MEANING = "drive logins by outcome";
    private static final String UPLOADS = "mocks3.drive.uploads";
    private static final String UPLOADS_MEANING = "files uploaded, by kind (instant: no byte sent; presigned: bytes sent to S3)";
    private static final String INSTANT_CHECKS = "mocks3.drive.instant.upload.checks";
    private static final String INSTANT_CHECKS_MEANING = "instant-upload checks, by whether the content was already stored";
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
            meter(REQUESTS, REQUESTS_MEANING, "endpoint", endpoint.functionName(), "outcome", "ok");
        }
        // the business series exist from the start, at zero: a dashboard shows 0, not "No data"
        for (String outcome : new String[] {"success", "failure"}) {
            meter(LOGINS, LOGINS_MEANING, "outcome", outcome);
        }
        for (String kind : new String[] {"instant", "presigned"}) {
            meter(UPLOADS, UPLOADS_MEANING, "kind", kind);
        }
        for (String hit : new String[] {"true", "false"}) {
            meter(INSTANT_CHECKS, INSTANT_CHECKS_MEANING, "hit", hit);
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
        count(REQUESTS, REQUESTS_MEANING, "endpoint", endpoint.functionName(), "outcome", outcome);
        if (endpoint == DriveEndpoint.LOGIN) {
            count(LOGINS, LOGINS_MEANING, "outcome", "ok".equals(outcome) ? "success" : "failure");
        }
        if (endpoint == DriveEndpoint.UPLOAD_CALLBACK && "ok".equals(outcome)) {
            uploaded("presigned");
        }
    }

    /** An instant-upload check: {@code hit} when the content was known and the file appeared at once. */
    public void instantUpload(boolean hit) {
        count(INSTANT_CHECKS, INSTANT_CHECKS_MEANING, "hit", Boolean.toString(hit));
        if (hit) {
            uploaded("instant");
        }
    }

    private void uploaded(String kind) {
        count(UPLOADS, UPLOADS_MEANING, "kind", kind);
    }

    /** Adds one to the counter {@code name} with these tag pairs; meters are looked up once per name and tags. */
    public void count(String name, String description, String... tags) {
        meter(name, description, tags).increment();
    }

    private Counter meter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + '\n' + String.join("\n", tags),
                key -> Counter.builder(name).tags(tags).description(description).register(registry));
    }
}
