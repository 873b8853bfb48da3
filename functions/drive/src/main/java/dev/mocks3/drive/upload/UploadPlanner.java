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

    /** A new upload's plan: every part still to send (asks S3 nothing). */
    public UploadPlan fresh(Upload upload) {
        return withMissing(upload, List.of());
    }

    /** The parts S3 holds for the upload, and presigned requests for the others (resume). */
    public Mono<UploadPlan> plan(Upload upload) {
        Mono<List<UploadPlan.DonePart>> done = upload.multipart() ? uploaded(upload)
                : bucket.head(upload.s3Key()).map(head -> List.of(new UploadPlan.DonePart(1, head.contentLength(), head.eTag())))
                        .defaultIfEmpty(List.of());
        return done.map(parts -> withMissing(upload, parts));
    }

    private UploadPlan withMissing(Upload upload, List<UploadPlan.DonePart> done) {
        Map<Integer, UploadPlan.DonePart> byNumber = done.stream()
                .collect(Collectors.toMap(UploadPlan.DonePart::partNumber, Function.identity()));
        PartPlan plan = new PartPlan(upload.size(), upload.partSize(), upload.partCount());
        List<UploadPlan.PartRequest> missing = new ArrayList<>();
        for (int n = 1; n <= upload.partCount(); n++) {
            UploadPlan.DonePart there = byNumber.get(n);
            if (there == null || there.size() != plan.lengthOf(n)) {
                missing.add(UploadPlan.PartRequest.of(n, plan.lengthOf(n), presign(upload, n, plan.lengthOf(n))));
            }
        }
        return new UploadPlan(upload.id(), upload.multipart(), upload.size(), upload.partSize(), upload.partCount(), done, missing);
    }

    private dev.mocks3.drive.storage.PresignedRequest presign(Upload upload, int partNumber, long length) {
        return upload.multipart()
                ? bucket.presignPart(upload.s3Key(), upload.multipartId(), partNumber, length, p.presignExpiry())
                : bucket.presignPut(upload.s3Key(), upload.size(), base64(upload.sha256()), p.presignExpiry());
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
