package dev.mocks3.s3.access;

import org.springframework.stereotype.Component;

import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.state.metadata.ObjectVersion;
import dev.mocks3.state.metadata.ObjectVersions;
import reactor.core.publisher.Mono;

/**
 * The object version a request names, for what access depends on in it (its ACL, its tags): the
 * version of {@code ?versionId}, else the current object. Empty when there is none or it is a delete marker.
 */
@Component
public class AccessedObjects {
    private final ObjectStore objects;
    private final ObjectVersions versions;

    public AccessedObjects(ObjectStore objects, ObjectVersions versions) {
        this.objects = objects;
        this.versions = versions;
    }

    Mono<ObjectRecord> find(String bucket, String key, String versionId) {
        if (versionId == null) {
            return objects.find(bucket, key);
        }
        return versions.find(bucket, key, versionId).filter(version -> !version.deleteMarker()).map(ObjectVersion::object);
    }
}
