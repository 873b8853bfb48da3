package dev.mocks3.s3.object;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.CopySource;
import dev.mocks3.core.http.HttpDates;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.restore.ArchiveState;
import dev.mocks3.state.metadata.BucketRecord;
import dev.mocks3.state.metadata.BucketStore;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.state.metadata.ObjectVersion;
import dev.mocks3.state.metadata.ObjectVersions;
import dev.mocks3.state.metadata.Versioning;
import reactor.core.publisher.Mono;

/** Finds a bucket or an object, or fails with the error S3 gives for its absence. */
@Component
public class Lookups {
    private final BucketStore buckets;
    private final ObjectStore objects;
    private final ObjectVersions versions;

    public Lookups(BucketStore buckets, ObjectStore objects, ObjectVersions versions) {
        this.buckets = buckets;
        this.objects = objects;
        this.versions = versions;
    }

    public Mono<BucketRecord> bucket(String name) {
        return buckets.find(name)
                .switchIfEmpty(Mono.error(() -> S3Error.NO_SUCH_BUCKET.at("/" + name).with("BucketName", name)));
    }

    /**
     * The object, or NoSuchKey (NoSuchBucket when the bucket itself is missing). When the key's
     * latest version is a delete marker, the NoSuchKey says so in its headers, as S3's does; only a
     * versioned bucket's miss looks for one.
     */
    public Mono<ObjectRecord> object(String bucket, String key) {
        return current(objects.find(bucket, key), bucket, key);
    }

    /**
     * As {@link #object(String, String, String)}, for a read of the bytes: a small current object's bytes
     * come with it ({@link ObjectRecord#content()}).
     */
    public Mono<ObjectRecord> objectWithContent(String bucket, String key, String versionId) {
        return versionId == null ? current(objects.findWithContent(bucket, key), bucket, key)
                : object(bucket, key, versionId);
    }

    /** The current object {@code lookup} finds, or the NoSuchKey (or NoSuchBucket) its absence means. */
    private Mono<ObjectRecord> current(Mono<ObjectRecord> lookup, String bucket, String key) {
        return lookup
                .switchIfEmpty(Mono.defer(() -> bucket(bucket).flatMap(found -> {
                    S3Exception missing = S3Error.NO_SUCH_KEY.at("/" + bucket + "/" + key).with("Key", key);
                    if (found.versioning() == Versioning.UNVERSIONED) {
                        return Mono.error(missing);
                    }
                    return versions.newestNoncurrent(bucket, key).filter(ObjectVersion::deleteMarker)
                            .map(marker -> markerHeaders(missing, marker)).defaultIfEmpty(missing).flatMap(Mono::error);
                })));
    }

    /**
     * The version asked for ({@code versionId} null: the current object, as {@link #object}); a
     * delete marker is 405 MethodNotAllowed, an unknown version NoSuchVersion.
     */
    public Mono<ObjectRecord> object(String bucket, String key, String versionId) {
        if (versionId == null) {
            return object(bucket, key);
        }
        return versions.find(bucket, key, versionId)
                .map(version -> {
                    if (version.deleteMarker()) {
                        throw markerHeaders(S3Error.METHOD_NOT_ALLOWED.at("/" + bucket + "/" + key)
                                .with("Method", "GET").with("ResourceType", "DeleteMarker"), version)
                                .withHeader("Allow", "DELETE");
                    }
                    return version.object();
                })
                .switchIfEmpty(Mono.defer(() -> bucket(bucket).then(Mono.error(S3Error.NO_SUCH_VERSION
                        .at("/" + bucket + "/" + key).with("Key", key).with("VersionId", versionId)))));
    }

    /**
     * The object (or version) a copy reads from; a version that is a delete marker cannot be copied,
     * nor an archived object without a restored copy (403 InvalidObjectState).
     */
    public Mono<ObjectRecord> copySource(CopySource source) {
        return object(source.bucket(), source.key(), RequestedVersion.checked(source.versionId()))
                .doOnNext(object -> ArchiveState.checkReadable(object, Instant.now()))
                .onErrorMap(e -> e instanceof S3Exception s3 && s3.error() == S3Error.METHOD_NOT_ALLOWED,
                        e -> S3Error.INVALID_REQUEST.exception("The source of a copy request may not specifically refer "
                                + "to a delete marker by version id."));
    }

    private static S3Exception markerHeaders(S3Exception error, ObjectVersion marker) {
        return error.withHeader("x-amz-delete-marker", "true")
                .withHeader("x-amz-version-id", marker.object().versionIdOrNull())
                .withHeader("Last-Modified", HttpDates.format(marker.object().lastModified()));
    }
}
