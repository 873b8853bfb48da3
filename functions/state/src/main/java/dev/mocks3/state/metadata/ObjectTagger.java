package dev.mocks3.state.metadata;

import java.util.Map;

import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Replaces the tags of one version of an object (PutObjectTagging, DeleteObjectTagging) under the
 * key's lock, so a concurrent write that moves the version between current and non-current cannot
 * lose the change.
 */
public final class ObjectTagger {
    private final ObjectStore objects;
    private final ObjectVersions versions;
    private final BlobReferences refs;
    private final TransactionalOperator tx;

    public ObjectTagger(ObjectStore objects, ObjectVersions versions, BlobReferences refs, TransactionalOperator tx) {
        this.objects = objects;
        this.versions = versions;
        this.refs = refs;
        this.tx = tx;
    }

    /**
     * Sets the tags of the version ({@code versionId} null: the current object); the version as it
     * now is, a delete marker untouched, or empty when there is no such version.
     */
    public Mono<ObjectVersion> retag(String bucket, String key, String versionId, Map<String, String> tags) {
        Mono<ObjectVersion> work = LockedVersion.find(refs, objects, versions, bucket, key, versionId).flatMap(found -> {
            if (found.deleteMarker()) {
                return Mono.just(found);
            }
            ObjectRecord o = found.object();
            Mono<Boolean> updated = found.seq() == ObjectVersion.CURRENT
                    ? objects.setTags(bucket, key, o.versionIdOrNull(), tags)
                    : versions.setTags(bucket, key, o.versionIdOrNull(), tags);
            ObjectRecord retagged = new ObjectRecord(o.bucket(), o.key(), o.blobSha256(), o.size(), o.etag(),
                    o.lastModified(), o.contentType(), o.headers(), o.userMetadata(), o.storageClass(), o.owner(),
                    o.checksums(), o.versionId(), tags);
            return updated.thenReturn(new ObjectVersion(retagged, false, found.latest(), found.seq()));
        });
        return tx.transactional(work);
    }
}
