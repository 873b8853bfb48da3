package dev.mocks3.drive.upload;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mocks3.drive.storage.DriveBucket;
import reactor.core.publisher.Mono;

/** Aborts and forgets uploads whose callback never came: the multipart upload or the lone object goes. */
public final class UploadSweeper {
    private static final Logger log = LoggerFactory.getLogger(UploadSweeper.class);
    private final UploadStore uploads;
    private final DriveBucket bucket;

    public UploadSweeper(UploadStore uploads, DriveBucket bucket) {
        this.uploads = uploads;
        this.bucket = bucket;
    }

    /** Returns how many uploads older than {@code age} were aborted. */
    public Mono<Long> sweep(Duration age) {
        return uploads.takeOlderThan(age)
                .concatMap(upload -> abort(upload).thenReturn(upload))
                .count()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("aborted {} abandoned drive uploads", n);
                    }
                });
    }

    /** Removes what an upload left in S3; what cannot be removed now is only logged. */
    public Mono<Void> abort(Upload upload) {
        Mono<Void> removal = upload.multipart() ? bucket.abortMultipart(upload.s3Key(), upload.multipartId())
                : bucket.delete(upload.s3Key());
        return removal.onErrorResume(e -> {
            log.warn("could not remove the bytes of upload {}: {}", upload.id(), e.toString());
            return Mono.empty();
        });
    }
}
