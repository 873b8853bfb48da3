package dev.mocks3.app.observe;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.r2dbc.core.DatabaseClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

/**
 * Objects and bytes per bucket and the multipart uploads in flight, read from PostgreSQL (every
 * {@code mocks3.metrics.storage-sample-interval}, see {@link ObservabilityConfiguration}): counted
 * where they are stored, never per request.
 * Only the largest {@code bucket-limit} buckets get a series; the totals cover every bucket.
 */
public final class StorageSampler {
    private final DatabaseClient db;
    private final int bucketLimit;
    private final MultiGauge objects;
    private final MultiGauge bytes;
    private final AtomicLong totalObjects = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong();
    private final AtomicLong uploads = new AtomicLong();

    public StorageSampler(DatabaseClient db, MeterRegistry registry, MetricsProperties p) {
        this.db = db;
        this.bucketLimit = p.bucketLimit();
        this.objects = MultiGauge.builder("mocks3.bucket.objects").description("objects stored per bucket (sampled)")
                .register(registry);
        this.bytes = MultiGauge.builder("mocks3.bucket.size").baseUnit("bytes").description("bytes stored per bucket (sampled)")
                .register(registry);
        Gauge.builder("mocks3.storage.objects", totalObjects, AtomicLong::get).description("objects stored in all buckets (sampled)")
                .register(registry);
        Gauge.builder("mocks3.storage.size", totalBytes, AtomicLong::get).baseUnit("bytes")
                .description("bytes stored in all buckets (sampled)").register(registry);
        Gauge.builder("mocks3.multipart.uploads.in.flight", uploads, AtomicLong::get)
                .description("multipart uploads created and neither completed nor aborted (sampled)").register(registry);
    }

    /** Reads the figures now. */
    public Mono<Void> sample() {
        Mono<Void> perBucket = db.sql("select bucket, count(*) as n, coalesce(sum(size), 0) as b from objects group by bucket")
                .map(row -> new BucketFigures(row.get("bucket", String.class), row.get("n", Long.class), row.get("b", Long.class)))
                .all().collectList()
                .doOnNext(this::publish).then();
        Mono<Void> inFlight = db.sql("select count(*) as n from multipart_uploads").map(row -> row.get("n", Long.class)).one()
                .doOnNext(uploads::set).then();
        return perBucket.then(inFlight);
    }

    private void publish(List<BucketFigures> figures) {
        totalObjects.set(figures.stream().mapToLong(BucketFigures::objects).sum());
        totalBytes.set(figures.stream().mapToLong(BucketFigures::bytes).sum());
        List<BucketFigures> largest = figures.stream()
                .sorted((a, b) -> Long.compare(b.bytes(), a.bytes())).limit(bucketLimit).toList();
        objects.register(largest.stream().map(f -> MultiGauge.Row.of(Tags.of("bucket", f.bucket()), f.objects())).toList(), true);
        bytes.register(largest.stream().map(f -> MultiGauge.Row.of(Tags.of("bucket", f.bucket()), f.bytes())).toList(), true);
    }

    private record BucketFigures(String bucket, long objects, long bytes) {
    }
}
