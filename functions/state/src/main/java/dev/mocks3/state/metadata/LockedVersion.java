package dev.mocks3.state.metadata;

import reactor.core.publisher.Mono;

/** Finds the version a request names after taking the key's lock, for changes that must not race a write. */
final class LockedVersion {
    private LockedVersion() {
    }

    /** The version ({@code versionId} null: the current object), read under the key's lock; empty when none. */
    static Mono<ObjectVersion> find(BlobReferences refs, ObjectStore objects, ObjectVersions versions, String bucket,
                                    String key, String versionId) {
        Mono<ObjectVersion> target = versionId == null
                ? objects.find(bucket, key).map(o -> new ObjectVersion(o, false, true, ObjectVersion.CURRENT))
                : versions.find(bucket, key, versionId);
        return refs.lockName(bucket, key).then(target);
    }
}
