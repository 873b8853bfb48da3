package dev.mocks3.drive;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.storage.DriveBucket;
import dev.mocks3.drive.upload.UploadSweeper;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * What the drive does besides answering: creates its bucket at start (once the S3 port is bound),
 * aborts abandoned uploads and reconciles quotas on their intervals, and writes again the quota
 * figures Redis missed.
 */
final class DriveRuntime implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DriveRuntime.class);
    private final DriveBucket bucket;
    private final UploadSweeper sweeper;
    private final QuotaLedger quotas;
    private final DriveProperties p;
    private volatile Disposable sweeping;
    private volatile Disposable reconciling;
    private volatile Disposable recaching;

    DriveRuntime(DriveBucket bucket, UploadSweeper sweeper, QuotaLedger quotas, DriveProperties p) {
        this.bucket = bucket;
        this.sweeper = sweeper;
        this.quotas = quotas;
        this.p = p;
    }

    @Override
    public void start() {
        if (p.s3().createBucket()) {
            try {
                bucket.create().retryWhen(Retry.backoff(5, Duration.ofMillis(200))).block(Duration.ofSeconds(30));
                log.info("cloud drive bytes in bucket {}", bucket.name());
            } catch (RuntimeException e) {
                log.warn("could not create the drive's bucket {} (uploads fail until it exists): {}", bucket.name(), e.toString());
            }
        }
        sweeping = Flux.interval(p.sweepInterval(), p.sweepInterval())
                .concatMap(tick -> sweeper.sweep(p.uploadExpiry()).onErrorResume(e -> {
                    log.warn("upload sweep failed: {}", e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
        reconciling = Flux.interval(Duration.ZERO, p.reconcileInterval())
                .concatMap(tick -> quotas.reconcile().onErrorResume(e -> {
                    log.warn("quota reconcile failed: {}", e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
        // a tick that comes while the previous write is still waiting for Redis is skipped
        recaching = Flux.interval(QuotaLedger.RETRY_INTERVAL, QuotaLedger.RETRY_INTERVAL).onBackpressureDrop()
                .concatMap(tick -> quotas.storeMissed(), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        for (Disposable d : new Disposable[] {sweeping, reconciling, recaching}) {
            if (d != null) {
                d.dispose();
            }
        }
        sweeping = null;
        reconciling = null;
        recaching = null;
    }

    @Override
    public boolean isRunning() {
        return sweeping != null;
    }
}
