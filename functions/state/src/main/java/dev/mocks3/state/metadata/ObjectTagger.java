package dev.mocks3.state.metadata;

import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.state.notification.ChangeCause;
import dev.mocks3.state.notification.ObjectEvents;
import reactor.core.publisher.Mono;

/** Replaces the tags of one version of an object (PutObjectTagging, DeleteObjectTagging). */
public final class ObjectTagger {
    private final VersionChange change;
    private final ObjectEvents events;

    public ObjectTagger(DatabaseClient db, ObjectStore objects, ObjectVersions versions, BlobReferences refs,
                        TransactionalOperator tx, ObjectEvents events) {
        this.change = new VersionChange(db, objects, versions, refs, tx);
        this.events = events;
    }

    /**
     * Sets the tags of the version ({@code versionId} null: the current object); the version as it
     * now is, a delete marker untouched, or empty when there is no such version. The bucket's notification
     * configuration hears of it as {@code cause}.
     */
    public Mono<ObjectVersion> retag(String bucket, String key, String versionId, Map<String, String> tags,
                                     ChangeCause cause) {
        return change.apply(bucket, key, versionId, VersionChange.Column.TAGS, o -> o.withTags(tags),
                changed -> events.changed(changed, cause));
    }
}
