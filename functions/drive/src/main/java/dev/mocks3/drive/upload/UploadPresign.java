package dev.mocks3.drive.upload;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.OnConflict;
import dev.mocks3.drive.storage.DriveBucket;
import dev.mocks3.drive.storage.PartPlan;
import dev.mocks3.drive.purge.UploadExpiry;
import reactor.core.publisher.Mono;

/**
 * POST /file/v1/upload/presign {name, parentId, size, sha256, onConflict} — where to send the bytes:
 * up to the threshold one presigned PUT that S3 accepts only with the declared SHA-256; above it a
 * multipart upload with one presigned UploadPart per part. Nothing is charged until the callback.
 */
@Component("driveUploadPresign")
public class UploadPresign extends DriveFunction {
    private final EntryStore entries;
    private final QuotaLedger quotas;
    private final UploadStore uploads;
    private final UploadPlanner planner;
    private final DriveBucket bucket;
    private final UploadExpiry expiry;

    public UploadPresign(EntryStore entries, QuotaLedger quotas, UploadStore uploads, UploadPlanner planner, DriveBucket bucket, UploadExpiry expiry) {
        this.entries = entries;
        this.quotas = quotas;
        this.uploads = uploads;
        this.planner = planner;
        this.bucket = bucket;
        this.expiry = expiry;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        FileDeclaration file = FileDeclaration.from(call.input());
        OnConflict onConflict = call.input().onConflict();
        String id = UUID.randomUUID().toString();
        String key = "uploads/" + user + "/" + id;
        PartPlan parts = planner.partPlan(file.size());
        if (file.size() > planner.singlePutLimit() && parts == null) {
            throw DriveError.TOO_LARGE.exception("too large for 10,000 parts of the largest part size");
        }
        Mono<String> multipartId = parts == null ? Mono.just("") : bucket.createMultipart(key);
        return entries.requireFolder(user, file.parentId())
                .then(quotas.fits(user, file.size()))
                .flatMap(fits -> fits ? multipartId : Mono.error(DriveError.QUOTA_EXCEEDED.exception()))
                .map(mpu -> new Upload(id, user, file.parentId(), file.name(), file.size(), file.sha256(), key,
                        mpu.isEmpty() ? null : mpu, parts == null ? file.size() : parts.partSize(),
                        parts == null ? 1 : parts.partCount(), onConflict, null))
                // its abort is scheduled first: a job finding no upload does nothing
                .flatMap(upload -> expiry.schedule(user, id).then(uploads.create(upload))
                        .onErrorResume(e -> abandoned(upload).then(Mono.error(e))))
                .map(planner::fresh)
                .map(DriveReply::data);
    }

    /** A multipart upload whose row could not be written is aborted: no row, no sweeper would ever find it. */
    private Mono<Void> abandoned(Upload upload) {
        return upload.multipartId() == null ? Mono.empty()
                : bucket.abortMultipart(upload.s3Key(), upload.multipartId()).onErrorResume(e -> Mono.empty());
    }
}
