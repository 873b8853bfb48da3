package dev.mocks3.jobs.run;

import java.time.Duration;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.mocks3.events.EventJson;
import io.cloudevents.CloudEvent;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;

/**
 * Makes job consumers idempotent by event: an event (CloudEvents source and id) is claimed in
 * PostgreSQL before its job runs and marked finished after, so a second delivery finds it taken and
 * changes nothing. A failed run gives its claim back, so a retry runs it; a claim whose process died
 * is taken over after the lease.
 */
public final class JobLedger {
    private static final TypeReference<Map<String, Object>> RESULT = new TypeReference<>() {
    };
    private final DatabaseClient db;
    private final Duration lease;
    private final Duration retention;

    public JobLedger(DatabaseClient db, Duration lease, Duration retention) {
        this.db = db;
        this.lease = lease;
        this.retention = retention;
    }

    /** Runs {@code job} unless this event was run before; either way, says what happened. */
    public Mono<JobRun> once(CloudEvent event, Mono<Map<String, Object>> job) {
        String source = event.getSource().toString();
        return claim(source, event)
                .flatMap(claimed -> claimed
                        ? job.defaultIfEmpty(Map.of())
                                .flatMap(result -> finish(source, event, result)
                                        .thenReturn(new JobRun(event.getId(), event.getType(), true, result)))
                                .onErrorResume(e -> release(source, event).then(Mono.error(e)))
                        : earlier(source, event));
    }

    /** Forgets finished runs older than the retention. */
    public Mono<Long> prune() {
        return db.sql("delete from job_runs where finished_at < now() - make_interval(secs => $1)")
                .bind(0, (double) retention.toMillis() / 1000).fetch().rowsUpdated();
    }

    private Mono<Boolean> claim(String source, CloudEvent event) {
        return db.sql("insert into job_runs (source, event_id, type) values ($1, $2, $3) "
                        + "on conflict (source, event_id) do update set started_at = now() "
                        + "where job_runs.finished_at is null and job_runs.started_at < now() - make_interval(secs => $4) "
                        + "returning 1")
                .bind(0, source).bind(1, event.getId()).bind(2, event.getType())
                .bind(3, (double) lease.toMillis() / 1000)
                .map(row -> 1).first().hasElement();
    }

    private Mono<Void> finish(String source, CloudEvent event, Map<String, Object> result) {
        return db.sql("update job_runs set finished_at = now(), result = $3 where source = $1 and event_id = $2")
                .bind(0, source).bind(1, event.getId()).bind(2, Json.of(EventJson.bytes(result))).then();
    }

    private Mono<Void> release(String source, CloudEvent event) {
        return db.sql("delete from job_runs where source = $1 and event_id = $2 and finished_at is null")
                .bind(0, source).bind(1, event.getId()).then();
    }

    private Mono<JobRun> earlier(String source, CloudEvent event) {
        return db.sql("select result from job_runs where source = $1 and event_id = $2")
                .bind(0, source).bind(1, event.getId())
                .map(row -> {
                    Json result = row.get(0, Json.class);
                    return result == null ? Map.<String, Object>of() : read(result);
                }).one()
                .defaultIfEmpty(Map.of())
                .map(result -> new JobRun(event.getId(), event.getType(), false, result));
    }

    private static Map<String, Object> read(Json json) {
        try {
            return EventJson.MAPPER.readValue(json.asArray(), RESULT);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable job result: " + json.asString(), e);
        }
    }
}
