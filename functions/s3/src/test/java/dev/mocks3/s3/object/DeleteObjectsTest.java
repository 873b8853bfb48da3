package dev.mocks3.s3.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.Calls;
import dev.mocks3.s3.access.AccessSnapshots;
import dev.mocks3.s3.access.AccessedObjects;
import dev.mocks3.s3.access.BucketCallerAccess;
import dev.mocks3.s3.lock.LockedBuckets;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.StateFixture;
import dev.mocks3.state.metadata.ObjectRecord;

/** The deleteObjects function on the real stores, without the application. */
class DeleteObjectsTest {
    private final StateFixture state = new StateFixture();
    private final DeleteObjects deleteObjects = new DeleteObjects(
            new LockedBuckets(new BucketConfigurationStore(state.db)), state.writer,
            new BucketCallerAccess(new AccessSnapshots(new BucketConfigurationStore(state.db)),
                    new AccessedObjects(state.objects, state.versions)));
    private final String bucket = state.newBucket();

    @Test
    void deletesEveryListedKeyAndReportsAMissingOneAsDeletedToo() {
        ObjectRecord a = state.writer.write(StateFixture.draft(bucket, "a"), state.stage("a " + UUID.randomUUID()), null).block();
        state.writer.write(StateFixture.draft(bucket, "b"), state.stage("b " + UUID.randomUUID()), null).block();

        S3Call answered = Calls.run(deleteObjects, Calls.call(S3Operation.DELETE_OBJECTS, "POST", bucket, null,
                Map.of("delete", ""), "<Delete><Object><Key>a</Key></Object><Object><Key>never-written</Key></Object></Delete>"));

        XmlDocument result = XmlDocument.parse(Calls.body(answered).getBytes(StandardCharsets.UTF_8));
        assertThat(XmlDocument.children(result.root(), "Deleted")).extracting(d -> XmlDocument.childText(d, "Key"))
                .containsExactly("a", "never-written");
        assertThat(state.objects.find(bucket, "a").blockOptional()).isEmpty();
        assertThat(state.objects.find(bucket, "b").blockOptional()).isPresent();
        assertThat(state.referencesTo(a.blobSha256())).isZero();
    }

    @Test
    void quietModeAnswersAnEmptyResultWhenAllWentWell() {
        state.writer.write(StateFixture.draft(bucket, "a"), state.stage("a " + UUID.randomUUID()), null).block();

        S3Call answered = Calls.run(deleteObjects, Calls.call(S3Operation.DELETE_OBJECTS, "POST", bucket, null,
                Map.of("delete", ""), "<Delete><Quiet>true</Quiet><Object><Key>a</Key></Object></Delete>"));

        XmlDocument result = XmlDocument.parse(Calls.body(answered).getBytes(StandardCharsets.UTF_8));
        assertThat(result.rootName()).isEqualTo("DeleteResult");
        assertThat(XmlDocument.children(result.root(), "Deleted")).isEmpty();
        assertThat(state.objects.find(bucket, "a").blockOptional()).isEmpty();
    }
}
