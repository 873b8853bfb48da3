package dev.mocks3.s3.multipart;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.checksum.ObjectChecksum;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.s3.http.ByteRange;
import dev.mocks3.s3.http.CopyResult;
import dev.mocks3.s3.http.Preconditions;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.core.routing.CopySource;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.metadata.MultipartStore;
import reactor.core.publisher.Mono;

/** PUT /bucket/key?partNumber=N&uploadId=U with x-amz-copy-source — a part copied from an object (or a range of it). */
@Component("uploadPartCopy")
public class UploadPartCopy extends OperationFunction {
    private final Uploads uploads;
    private final Lookups lookups;
    private final BlobStore blobs;
    private final BlobStaging staging;
    private final MultipartStore store;

    public UploadPartCopy(Uploads uploads, Lookups lookups, BlobStore blobs, BlobStaging staging, MultipartStore store) {
        this.uploads = uploads;
        this.lookups = lookups;
        this.blobs = blobs;
        this.staging = staging;
        this.store = store;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        int partNumber = Uploads.partNumber(request.queryParam("partNumber"));
        CopySource source = CopySource.parse(request.header("x-amz-copy-source"));
        return uploads.of(request).flatMap(upload -> lookups.copySource(source).flatMap(original -> {
            ObjectEncryption.checkCopySource(original.headers(), request.headers());
            ObjectEncryption.checkRead(upload.draft().headers(), request.headers());
            Preconditions.forCopySource(request.headers()).check(original.etag(), original.lastModified(), false);
            ByteRange range = copyRange(request.header("x-amz-copy-source-range"), original.size());
            long offset = range == null ? 0 : range.first();
            long length = range == null ? original.size() : range.length();
            UploadChecksum checksum = UploadChecksum.of(upload);
            return staging.stage(blobs.read(original.blobSha256(), offset, length), UploadPart.computed(checksum, false))
                    .flatMap(staged -> store.putPart(upload.uploadId(), partNumber, staged,
                            UploadPart.partChecksum(checksum, null, staged))
                            .map(part -> CopyResult.ofPart(part.lastModified(), part.quotedEtag(),
                                    checksum.isNone() ? null : ObjectChecksum.fullObject(checksum.algorithm(),
                                            part.checksums().get(checksum.algorithm().name())))));
        })).onErrorMap(MultipartStore.UploadGoneException.class, e -> Uploads.noSuchUpload(request))
                .map(result -> Responses.xml(result.xml()));
    }

    /**
     * {@code x-amz-copy-source-range}: exactly {@code bytes=first-last}, both given, first <= last
     * (else InvalidArgument); a range reaching past the source is InvalidRange, never clipped.
     */
    static ByteRange copyRange(String header, long sourceSize) {
        if (header == null) {
            return null;
        }
        String spec = header.strip();
        int dash = spec.indexOf('-');
        try {
            if (!spec.startsWith("bytes=") || dash < 0) {
                throw new NumberFormatException();
            }
            long first = Long.parseLong(spec.substring(6, dash).strip());
            long last = Long.parseLong(spec.substring(dash + 1).strip());
            if (first < 0 || last < first) {
                throw new NumberFormatException();
            }
            if (last >= sourceSize) {
                throw S3Error.INVALID_RANGE.exception("The requested range is not satisfiable")
                        .with("RangeRequested", header).with("ActualObjectSize", Long.toString(sourceSize));
            }
            return new ByteRange(first, last, sourceSize);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw S3Error.INVALID_ARGUMENT.exception("The x-amz-copy-source-range value must be of the form bytes=first-last "
                    + "where first and last are the zero-based offsets of the first and last bytes to copy")
                    .with("ArgumentName", "x-amz-copy-source-range").with("ArgumentValue", header);
        }
    }

}
