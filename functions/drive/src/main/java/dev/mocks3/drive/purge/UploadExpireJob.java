package dev.mocks3.drive.purge;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveException;
import dev.mocks3.drive.upload.UploadStore;
import dev.mocks3.drive.upload.UploadSweeper;
import dev.mocks3.events.job.DriveUploadExpire;
import dev.mocks3.events.job.Job;
import dev.mocks3.jobs.run.JobFunction;
import dev.mocks3.jobs.run.JobLedger;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * {@code dev.mocks3.job.drive.upload.expire}: the delayed job scheduled with each presigned upload.
 * When it falls due and the callback never came, the upload is forgotten and its bytes (the lone
 * object, or the multipart upload) leave S3; an upload completed meanwhile is left alone.
 */
@Component("driveUploadExpire")
public class UploadExpireJob extends JobFunction {
    private final UploadStore uploads;
    private final UploadSweeper sweeper;

    public UploadExpireJob(JobLedger ledger, UploadStore uploads, UploadSweeper sweeper) {
        super(ledger, Job.DRIVE_UPLOAD_EXPIRE);
        this.uploads = uploads;
        this.sweeper = sweeper;
    }

    @Override
    protected Mono<Map<String, Object>> run(CloudEvent event) {
        DriveUploadExpire expired = payload(event, DriveUploadExpire.class);
        return uploads.of(expired.userId(), expired.uploadId())
                .flatMap(upload -> uploads.claim(upload.userId(), upload.id())
                        .filter(Boolean::booleanValue)
                        .flatMap(claimed -> sweeper.abort(upload).thenReturn(Map.<String, Object>of("aborted", true))))
                .onErrorResume(DriveException.class, gone -> Mono.empty())
                .defaultIfEmpty(Map.of("aborted", false));
    }
}
