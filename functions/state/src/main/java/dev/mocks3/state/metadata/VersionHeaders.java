package dev.mocks3.state.metadata;

import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Changes the stored headers of one version of an object (its Object Lock retention and legal hold, its restore)
 * under the key's lock, so a concurrent write that moves the version between current and non-current
 * cannot lose the change, and a check of the old value against the new one cannot race another.
 */
public final class VersionHeaders {
    private final VersionChange change;

    public VersionHeaders(DatabaseClient db, ObjectStore objects, ObjectVersions versions, BlobReferences refs,
                    TransactionalOperator tx) {
        this.change = new VersionChange(db, objects, versions, refs, tx);
    }

    /**
     * Replaces the version's stored headers ({@code versionId} null: the current object) with what
     * {@code change} makes of them; {@code change} may throw the S3 error that refuses the change. The
     * version as it now is, a delete marker untouched, or empty when there is no such version.
     */
    public Mono<ObjectVersion> change(String bucket, String key, String versionId,
                                      UnaryOperator<Map<String, String>> change) {
        return changeOf(bucket, key, versionId, object -> change.apply(object.headers()), changed -> Mono.empty());
    }

    /**
     * As {@link #change(String, String, String, UnaryOperator)}, where the new headers may depend on the whole
     * version, and {@code announce} runs in the same transaction with the changed version (its notifications).
     */
    public Mono<ObjectVersion> changeOf(String bucket, String key, String versionId,
                                        Function<ObjectRecord, Map<String, String>> change,
                                        Function<ObjectRecord, Mono<Void>> announce) {
        return this.change.apply(bucket, key, versionId, VersionChange.Column.HEADERS, o -> o.withHeaders(change.apply(o)),
                announce);
    }
}
