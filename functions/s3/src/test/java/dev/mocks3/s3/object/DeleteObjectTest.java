package dev.mocks3.s3.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.s3.Calls;
import dev.mocks3.s3.CountedStatements;
import dev.mocks3.s3.lock.LockedBuckets;
import dev.mocks3.s3.lock.ObjectLockConfiguration;
import dev.mocks3.state.StateFixture;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.metadata.BlobReferences;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.state.metadata.ObjectVersions;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.state.metadata.Versioning;
import dev.mocks3.state.notification.NotificationStore;
import dev.mocks3.state.notification.ObjectEvents;
import dev.mocks3.state.outbox.Outbox;
import dev.mocks3.state.outbox.OutboxSignal;

/** The deleteObject function on the real stores, counting the SQL statements it sends. */
class DeleteObjectTest {
    private final StateFixture state = new StateFixture();
    private final AtomicInteger statements = new AtomicInteger();
    private final DatabaseClient counted = CountedStatements.counting(state.db, statements);
    private final ObjectWriter writer = new ObjectWriter(new ObjectStore(counted), new ObjectVersions(counted),
            new BlobReferences(counted, state.tx, state.blobs), state.blobs, state.staging, state.tx,
            new ObjectEvents(counted, new NotificationStore(counted), new Outbox(counted, new OutboxSignal())));
    private final DeleteObject deleteObject = new DeleteObject(new LockedBuckets(new BucketConfigurationStore(counted)), writer);

    @Test
    void aVersionDeletedFromABucketWithoutObjectLockIsNotReadAgainForItsLock() {
        String plain = state.newBucket(Versioning.ENABLED);
        String locked = state.newBucket(Versioning.ENABLED);
        new BucketConfigurationStore(state.db).put(locked, BucketSetting.OBJECT_LOCK, ObjectLockConfiguration.ENABLED.xml()).block();

        int withoutLock = statementsToDeleteTheOlderVersion(plain);
        int withLock = statementsToDeleteTheOlderVersion(locked);

        assertThat(withoutLock).as("no guard query without Object Lock").isEqualTo(withLock - 1);
    }

    private int statementsToDeleteTheOlderVersion(String bucket) {
        ObjectRecord older = state.writer.write(StateFixture.draft(bucket, "k"), state.stage("older " + UUID.randomUUID()), null).block();
        state.writer.write(StateFixture.draft(bucket, "k"), state.stage("newer " + UUID.randomUUID()), null).block();
        statements.set(0);

        S3Call answered = Calls.run(deleteObject, Calls.call(S3Operation.DELETE_OBJECT, "DELETE", bucket, "k",
                Map.of("versionId", older.versionId()), null));

        assertThat(answered.response().status()).isEqualTo(204);
        assertThat(state.versions.find(bucket, "k", older.versionId()).blockOptional()).isEmpty();
        assertThat(state.referencesTo(older.blobSha256())).isZero();
        return statements.get();
    }
}
