package dev.mocks3.s3.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.core.auth.CallerAccess.Decision;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.s3.Calls;
import dev.mocks3.s3.CountedStatements;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.s3.config.WritableBuckets;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.StateFixture;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.state.metadata.ObjectVersions;

/**
 * The access decision on the real stores, counting the SQL statements it sends: the owner's requests
 * on a bucket cost one read of its access documents, then none while the snapshot is kept; only a policy
 * naming s3:ExistingObjectTag makes a decision read the object.
 */
class BucketCallerAccessTest {
    private static final String OWNER = "owner-key"; // StateFixture's buckets' owner
    private final StateFixture state = new StateFixture();
    private final AtomicInteger statements = new AtomicInteger();
    private final DatabaseClient counted = CountedStatements.counting(state.db, statements);
    private final AccessSnapshots snapshots = new AccessSnapshots(new BucketConfigurationStore(counted), Duration.ofMinutes(1));
    private final BucketCallerAccess access = new BucketCallerAccess(snapshots,
            new AccessedObjects(new ObjectStore(counted), new ObjectVersions(counted)));
    private final String bucket = state.newBucket();

    private S3Call call(S3Operation operation, String method, String key, String accessKey) {
        S3Call call = Calls.call(operation, method, bucket, key, Map.of(), null);
        return accessKey == null ? call.withAccessKey(null) : call.withAccessKey(accessKey);
    }

    @Test
    void ownersRequestsOnABucketWithoutPolicyOrGrantsReadItsDocumentsOnce() {
        for (int i = 0; i < 50; i++) {
            assertThat(access.decide(call(S3Operation.GET_OBJECT, "GET", "k", OWNER), true).block()).isEqualTo(Decision.ALLOW);
            assertThat(access.decide(call(S3Operation.PUT_OBJECT, "PUT", "k", OWNER), false).block()).isEqualTo(Decision.ALLOW);
        }
        assertThat(statements).as("one read of the bucket and its access documents for 100 decisions").hasValue(1);
    }

    @Test
    void openModeDecidesAnotherKeyWithoutReadingAclsOrObjects() {
        for (int i = 0; i < 20; i++) {
            assertThat(access.decide(call(S3Operation.GET_OBJECT, "GET", "k", "other-key"), false).block()).isEqualTo(Decision.NONE);
        }
        assertThat(statements).hasValue(1);
        assertThat(access.decide(call(S3Operation.GET_OBJECT, "GET", "k", "other-key"), true).block())
                .as("strict mode looks for an object ACL grant").isEqualTo(Decision.NONE);
        assertThat(statements).hasValue(2);
    }

    @Test
    void aChangedPolicyIsSeenAtOnceOnThisInstance() {
        BucketDocuments documents = new BucketDocuments(new Lookups(state.buckets, state.objects, state.versions),
                new BucketConfigurationStore(state.db), snapshots);
        assertThat(access.decide(call(S3Operation.GET_OBJECT, "GET", "k", OWNER), true).block()).isEqualTo(Decision.ALLOW);

        documents.store(bucket, BucketSetting.POLICY, """
                {"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}]}"""
                .formatted(bucket)).block();

        assertThat(access.decide(call(S3Operation.GET_OBJECT, "GET", "k", OWNER), true).block()).isEqualTo(Decision.DENY);
        assertThat(access.decide(call(S3Operation.GET_OBJECT, "GET", "k", null), false).block()).isEqualTo(Decision.DENY);
        assertThat(access.decide(call(S3Operation.PUT_OBJECT, "PUT", "k", OWNER), true).block()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void onlyAPolicyNamingExistingObjectTagsMakesADecisionReadTheObject() {
        BucketDocuments documents = new BucketDocuments(new Lookups(state.buckets, state.objects, state.versions),
                new BucketConfigurationStore(state.db), snapshots);
        documents.store(bucket, BucketSetting.POLICY, """
                {"Statement":[{"Effect":"Deny","Principal":"*","Action":["s3:GetObject","s3:PutObject"],
                 "Resource":"arn:aws:s3:::%s/*","Condition":{"StringEquals":{"s3:ExistingObjectTag/class":"secret"}}}]}"""
                .formatted(bucket)).block();
        assertThat(access.decide(call(S3Operation.PUT_OBJECT, "PUT", "k", "other-key"), false).block()).isEqualTo(Decision.NONE);
        statements.set(0);

        assertThat(access.decide(call(S3Operation.PUT_OBJECT, "PUT", "k", "other-key"), false).block()).isEqualTo(Decision.NONE);
        assertThat(statements).as("a write names no existing object's tags").hasValue(0);
        assertThat(access.decide(call(S3Operation.GET_OBJECT, "GET", "k", "other-key"), false).block()).isEqualTo(Decision.NONE);
        assertThat(statements).as("one read of the object for its tags").hasValue(1);
        assertThat(access.decide(call(S3Operation.GET_OBJECT, "GET", "k", OWNER), true).block()).isEqualTo(Decision.ALLOW);
        assertThat(statements).hasValue(2);
    }

    @Test
    void putsShapeTheirObjectsFromTheSameReadAndSeeANewDefaultEncryptionAtOnce() {
        WritableBuckets writable = new WritableBuckets(snapshots);
        for (int i = 0; i < 20; i++) {
            assertThat(access.decide(call(S3Operation.PUT_OBJECT, "PUT", "k", OWNER), false).block()).isEqualTo(Decision.ALLOW);
            assertThat(writable.of(bucket).block().document(BucketSetting.ENCRYPTION)).isEmpty();
        }
        assertThat(statements).as("one read of the bucket for 20 decisions and 20 write settings").hasValue(1);

        BucketDocuments documents = new BucketDocuments(new Lookups(state.buckets, state.objects, state.versions),
                new BucketConfigurationStore(state.db), snapshots);
        String encryption = "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>"
                + "<SSEAlgorithm>aws:kms</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>";
        documents.store(bucket, BucketSetting.ENCRYPTION, encryption).block();

        assertThat(writable.of(bucket).block().document(BucketSetting.ENCRYPTION)).contains(encryption);
        assertThatThrownBy(() -> writable.of("no-such-" + bucket).block()).isInstanceOf(S3Exception.class)
                .hasMessageContaining("bucket does not exist");
    }
}
