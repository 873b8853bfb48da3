package dev.mocks3.s3.object;

import java.time.Instant;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.access.MissingKeys;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.s3.http.ByteRange;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.Preconditions;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.core.lifecycle.LifecycleConfiguration;
import dev.mocks3.s3.lifecycle.ExpirationHeader;
import dev.mocks3.s3.restore.ArchiveState;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.blob.MissingBlobException;
import dev.mocks3.state.blob.SmallBody;
import dev.mocks3.state.metadata.ObjectRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What GetObject and HeadObject share: lookup, conditions, range and headers. */
@Component
public class ObjectReader {
    private static final int REOPEN_ATTEMPTS = 5;
    private final Lookups lookups;
    private final BlobStore blobs;
    private final ReadThrough readThrough;
    private final ExpirationHeader expiration;
    private final PartRange parts;

    public ObjectReader(Lookups lookups, BlobStore blobs, ReadThrough readThrough, ExpirationHeader expiration,
                        PartRange parts) {
        this.lookups = lookups;
        this.blobs = blobs;
        this.readThrough = readThrough;
        this.expiration = expiration;
        this.parts = parts;
    }

    /**
     * The object's content is opened before the answer is built, so an overwrite that deletes it
     * afterwards cannot cut the answer; one deleted between reading the row and opening it is
     * looked up again, and the answer is then the new object. The bucket's lifecycle rules are read
     * alongside the object, for the current object's {@code x-amz-expiration}.
     */
    public Mono<S3Response> read(S3Call call, boolean withBody) {
        String versionId = RequestedVersion.of(call.request());
        return attempt(call, withBody, versionId, REOPEN_ATTEMPTS)
                .onErrorResume(e -> versionId == null && e instanceof S3Exception s3 && s3.error() == S3Error.NO_SUCH_KEY
                                && !s3.headers().containsKey("x-amz-delete-marker"),
                        missing -> readThrough.read(call, withBody, (S3Exception) missing))
                .onErrorResume(e -> MissingKeys.toldTo(call, e).flatMap(Mono::error));
    }

    /**
     * One lookup and opening of the content; a content deleted in between is looked up again, {@code retries}
     * more times at most (a resubscription of its own: {@code retryWhen} built a retry companion for every read).
     */
    private Mono<S3Response> attempt(S3Call call, boolean withBody, String versionId, int retries) {
        S3Request request = call.request();
        return Mono.defer(() -> {
            ObjectEncryption.refuseMethodOnRead(request.headers());
            Integer partNumber = PartRange.requested(request);
            // the rules only matter for the current object (no x-amz-expiration on a read naming a version)
            Mono<LifecycleConfiguration> rules = versionId == null ? expiration.rules(request.bucket())
                    : Mono.just(LifecycleConfiguration.NONE);
            Mono<ObjectRecord> object = withBody ? lookups.objectWithContent(request.bucket(), request.key(), versionId)
                    : lookups.object(request.bucket(), request.key(), versionId);
            return Mono.zip(object, rules)
                    .flatMap(found -> found(request, found.getT1(), found.getT2(), partNumber, versionId, withBody));
        }).onErrorResume(MissingBlobException.class, gone -> retries > 0 ? attempt(call, withBody, versionId, retries - 1)
                : Mono.error(S3Error.INTERNAL_ERROR.exception("The object's content is missing from the blob store")));
    }

    /** The checks of a read of the object found, then its answer: the range asked, or the part. */
    private Mono<S3Response> found(S3Request request, ObjectRecord object, LifecycleConfiguration rules, Integer partNumber,
                                   String versionId, boolean withBody) {
        ObjectEncryption.checkRead(object.headers(), request.headers());
        Instant now = Instant.now();
        if (withBody) {
            ArchiveState.checkReadable(object, now);
        }
        Preconditions.forRead(request.headers()).check(object.etag(), object.lastModified(), true);
        if (partNumber == null) {
            return answer(request, rules, object, ByteRange.parse(request.header(HttpHeaders.RANGE), object.size()),
                    false, versionId, withBody, now);
        }
        return parts.of(object, partNumber).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(part -> answer(request, rules, object, part.orElse(null), true, versionId, withBody, now));
    }

    /** The answer for the object's bytes in {@code range} (null: all of them), opened before it is built. */
    private Mono<S3Response> answer(S3Request request, LifecycleConfiguration rules, ObjectRecord object, ByteRange range,
                                    boolean partRead, String versionId, boolean withBody, Instant now) {
        HttpHeaders headers = ObjectHeaders.forRead(object, request);
        ArchiveState.describe(object, headers, now);
        if (versionId != null) {
            headers.set(ObjectHeaders.VERSION_ID, object.versionIdOrNull());
        } else {
            expiration.describe(rules, object, headers);
        }
        int partCount = partRead ? PartRange.count(object) : 0;
        if (partCount > 0) {
            headers.set(PartRange.PARTS_COUNT, Integer.toString(partCount));
        }
        long offset = range == null ? 0 : range.first();
        long length = range == null ? object.size() : range.length();
        headers.setContentLength(length);
        if (range != null) {
            headers.set(HttpHeaders.CONTENT_RANGE, range.contentRange());
        }
        int status = range == null ? 200 : 206;
        if (!withBody) {
            return Mono.just(new S3Response(status, headers, Flux.empty()));
        }
        if (object.content() != null) {
            // a small object's bytes came with its row: nothing to open
            return Mono.just(new S3Response(status, headers, Flux.just(SmallBody.range(object.content(), offset, length))));
        }
        return blobs.open(object.blobSha256(), offset, length).map(body -> new S3Response(status, headers, body));
    }
}
