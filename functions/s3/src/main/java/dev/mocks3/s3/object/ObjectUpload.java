package dev.mocks3.s3.object;

import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.BodySizeLimit;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.checksum.BodyChecksum;
import dev.mocks3.core.checksum.ObjectChecksum;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.config.WritableBuckets;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.Preconditions;
import dev.mocks3.state.StorageProperties;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.blob.SmallBody;
import dev.mocks3.state.metadata.ObjectDraft;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.state.metadata.Versioning;
import dev.mocks3.state.metadata.WriteCondition;
import dev.mocks3.state.notification.ChangeCause;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one path by which a request body becomes an object (PutObject, and PostObject's file): the
 * body is streamed to a temporary file, then made the object in one transaction; a body declared small
 * ({@link SmallBody#fits}) is read into memory instead and kept in its blob's row where it can be (unless
 * {@code mocks3.storage.small-bodies-in-rows} is off). The body arrives
 * already checked against Content-MD5 and x-amz-checksum-* by {@code authCheck}, which also hands over
 * the verified x-amz-checksum-* (header or trailer) that the object keeps (else its CRC32); a body that fails
 * midway leaves neither an object nor a blob. If-Match and If-None-Match: * are checked against the
 * object replaced, in the same transaction.
 */
@Component
public class ObjectUpload {
    static final long MAX_SINGLE_PUT = BodySizeLimit.MAX_SINGLE_UPLOAD;
    private final WritableBuckets buckets;
    private final BlobStaging staging;
    private final ObjectWriter writer;
    private final boolean smallBodiesInRows;

    public ObjectUpload(WritableBuckets buckets, BlobStaging staging, ObjectWriter writer, StorageProperties storage) {
        this.buckets = buckets;
        this.staging = staging;
        this.writer = writer;
        this.smallBodiesInRows = storage.smallBodiesInRows();
    }

    /** Writes the call's body as the object its request names, announcing it as {@code event}. */
    public Mono<ObjectRecord> write(S3Call call, String event) {
        S3Request request = call.request();
        if (request.contentLength() > MAX_SINGLE_PUT) {
            throw S3Error.ENTITY_TOO_LARGE.exception().with("ProposedSize", Long.toString(request.contentLength()))
                    .with("MaxSizeAllowed", Long.toString(MAX_SINGLE_PUT));
        }
        ObjectDraft draft = ObjectHeaders.draft(request, request.bucket(), request.key(), call.accessKey());
        WriteCondition condition = Preconditions.forWrite(request.headers(), request.key());
        return buckets.of(call).flatMap(bucket -> {
            ObjectDraft settled = WritableBuckets.withSettings(draft, call, bucket);
            ChangeCause cause = ChangeCause.of(call, event);
            if (bucket.bucket().versioning() != Versioning.UNVERSIONED) {
                // a version is written in a transaction: no single statement to try first (which would decline)
                return staging.stage(limited(request)).flatMap(staged -> writer.writeInTransaction(settled, staged,
                        null, declaredChecksum(call), condition, cause));
            }
            return smallBodiesInRows && SmallBody.fits(request.contentLength())
                    ? staging.collect(request.body()).flatMap(small -> writer.write(settled, small, null,
                            declaredChecksum(call), condition, cause))
                    : staging.stage(limited(request)).flatMap(staged -> writer.write(settled, staged, null,
                            declaredChecksum(call), condition, cause));
        });
    }

    /**
     * The body, held to 5 GiB as it streams when its length is not declared (a form's file, whose
     * length no header gives; a chunked PUT): a declared length over it is refused before any byte.
     */
    private static Flux<DataBuffer> limited(S3Request request) {
        return request.contentLength() < 0 ? BodySizeLimit.atMost(request.body(), MAX_SINGLE_PUT) : request.body();
    }

    /** The verified checksum the client sent with the body (read after the body ended), or null for the default CRC32. */
    private static Map<String, String> declaredChecksum(S3Call call) {
        return BodyChecksum.of(call).flatMap(declared -> declared.value()
                        .map(value -> ObjectChecksum.fullObject(declared.algorithm(), value).toMap()))
                .orElse(null);
    }

    /** The headers every answer to a write carries: ETag, checksum, encryption, version id. */
    public static void writtenHeaders(HttpHeaders out, ObjectRecord object) {
        out.set(HttpHeaders.ETAG, object.quotedEtag());
        ObjectChecksum.from(object.checksums()).ifPresent(checksum -> checksum.writeTo(out));
        ObjectEncryption.echo(object.headers(), out);
        ObjectHeaders.versionId(out, object);
    }
}
