package dev.mocks3.s3.lock;

import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.VersionHeaders;
import reactor.core.publisher.Mono;

/** What the retention and legal hold operations share: the lock of the version a request names, read or changed. */
@Component
public class VersionLocks {
    private final LockedBuckets buckets;
    private final Lookups lookups;
    private final VersionHeaders headers;

    public VersionLocks(LockedBuckets buckets, Lookups lookups, VersionHeaders headers) {
        this.buckets = buckets;
        this.lookups = lookups;
        this.headers = headers;
    }

    /** The lock of the version ({@code versionId}, or the current object); a missing one gets a read's error. */
    Mono<ObjectLock> read(S3Call call) {
        S3Request request = call.request();
        String versionId = RequestedVersion.of(request);
        return buckets.requireEnabled(request.bucket())
                .then(lookups.object(request.bucket(), request.key(), versionId))
                .map(object -> ObjectLock.of(object.headers()));
    }

    /**
     * Replaces the version's lock with what {@code change} makes of it (which may refuse with an S3
     * error), under the key's lock, and answers 200; a missing version or a delete marker gets a read's error.
     */
    Mono<S3Response> change(S3Call call, Mono<UnaryOperator<ObjectLock>> change) {
        S3Request request = call.request();
        String versionId = RequestedVersion.of(request);
        return buckets.requireEnabled(request.bucket())
                .then(change)
                .flatMap(wanted -> headers.change(request.bucket(), request.key(), versionId,
                        stored -> wanted.apply(ObjectLock.of(stored)).applyTo(stored)))
                .flatMap(version -> version.deleteMarker() ? Mono.empty() : Mono.just(version))
                .switchIfEmpty(Mono.defer(() -> lookups.object(request.bucket(), request.key(), versionId)
                        .then(Mono.error(() -> S3Error.NO_SUCH_KEY.at("/" + request.bucket() + "/" + request.key())))))
                .thenReturn(Responses.empty(200));
    }
}
