package dev.mocks3.drive.upload;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.mocks3.drive.DriveProperties;
import dev.mocks3.drive.storage.DriveBucket;
import dev.mocks3.drive.storage.PartPlan;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.Part;

/** Presigns what is left of an upload: shared by presign (nothing sent yet) and parts (resume). */
public final class UploadPlanner {
    private final DriveBucket bucket;
    private final DriveProperties p;

    public UploadPlanner(DriveBucket bucket, DriveProperties p) {
        this.bucket = bucket;
        this.p = p;
    }

    /** The largest file sent in one presigned PUT. */
    public long singlePutLimit() {
        return p.multipartThreshold().toBytes();
    }

    /** How a file of {@code size} is cut: null when it goes in one PUT, or does not fit in 10,000 parts. */
    public PartPlan partPlan(long size) {
        if (size <= singlePutLimit()) {
            return null;
        }
        return PartPlan.of(size, p.minPartSize().toBytes(), p.maxPartSize().toBytes(), p.targetParts());
    }

    /** The parts S3 holds for the upload, and presigned requests for the others. */
    public Mono<UploadPlan> plan(Upload upload) {
        if (!upload.multipart()) {
            return bucket.head(upload.s3Key()).map(head -> List.of(new UploadPlan.DonePart(1, head.contentLength(), head.eTag())))
                    .defaultIfEmpty(List.of())
                    .map(done -> new UploadPlan(upload.id(), false, upload.size(), upload.size(), 1, done, done.isEmpty()
                            ? List.of(UploadPlan.PartRequest.of(1, upload.size(), bucket.presignPut(upload.s3Key(), upload.size(),
                                    base64(upload.sha256()), p.presignExpiry())))
                            : List.of()));
        }
        return uploaded(upload).map(done -> {
            Map<Integer, UploadPlan.DonePart> byNumber = done.stream()
                    .collect(Collectors.toMap(UploadPlan.DonePart::partNumber, Function.identity()));
            PartPlan plan = new PartPlan(upload.size(), upload.partSize(), upload.partCount());
            List<UploadPlan.PartRequest> missing = new ArrayList<>();
            for (int n = 1; n <= upload.partCount(); n++) {
                UploadPlan.DonePart there = byNumber.get(n);
                if (there == null || there.size() != plan.lengthOf(n)) {
                    missing.add(UploadPlan.PartRequest.of(n, plan.lengthOf(n), bucket.presignPart(upload.s3Key(),
                            upload.multipartId(), n, plan.lengthOf(n), p.presignExpiry())));
                }
            }
            return new UploadPlan(upload.id(), true, upload.size(), upload.partSize(), upload.partCount(), done, missing);
        });
    }

    /** The parts S3 holds, as the plan lists them. */
    public Mono<List<UploadPlan.DonePart>> uploaded(Upload upload) {
        return parts(upload).map(part -> new UploadPlan.DonePart(part.partNumber(), part.size(), part.eTag())).collectList();
    }

    public Flux<Part> parts(Upload upload) {
        return bucket.parts(upload.s3Key(), upload.multipartId());
    }

    /** S3 wants checksums in base64; the drive's API speaks hexadecimal. */
    static String base64(String sha256Hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex));
    }
}
