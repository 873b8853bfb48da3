package dev.mocks3.drive.purge;

import java.time.Duration;
import java.time.Instant;

import dev.mocks3.events.job.DriveUploadExpire;
import dev.mocks3.events.job.Job;
import dev.mocks3.events.job.JobEvents;
import dev.mocks3.state.outbox.Outbox;
import reactor.core.publisher.Mono;

/** Schedules, with each presigned upload, the delayed job that aborts it if its callback never comes. */
public final class UploadExpiry {
    private final Outbox outbox;
    private final Duration expiry;

    public UploadExpiry(Outbox outbox, Duration expiry) {
        this.outbox = outbox;
        this.expiry = expiry;
    }

    public Mono<Void> schedule(long user, String uploadId) {
        return outbox.schedule(JobEvents.event(Job.DRIVE_UPLOAD_EXPIRE, "drive-upload-expire-" + uploadId, user + "/" + uploadId,
                new DriveUploadExpire(user, uploadId)), Instant.now().plus(expiry));
    }
}
