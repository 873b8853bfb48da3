package dev.mocks3.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tier;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * The notifications of changes that neither create nor remove an object ({@code dev.mocks3.object.changed}):
 * tagging, ACL, a lifecycle transition, and a restore when it starts and when its copy becomes readable. A
 * lifecycle day lasts three seconds here, and a restore takes {@link #RESTORE_DELAY}.
 */
class ObjectChangeNotificationsTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Duration RESTORE_DELAY = Duration.ofSeconds(3);
    private static final String SINK = "changes-" + UUID.randomUUID().toString().substring(0, 8);

    private static TestSink sink;
    private static SideRunner mocks3;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        sink = new TestSink();
        mocks3 = SideRunner.start(Map.of(
                "mocks3.notifications.destinations." + SINK, sink.uri().toString(),
                "mocks3.notifications.poll-interval", "200ms",
                "mocks3.lifecycle.day", "3000ms",
                "mocks3.restore.delay", RESTORE_DELAY.toMillis() + "ms",
                "mocks3.restore.day", "60000ms"));
        s3 = MockS3Fixture.singleAttemptClient(mocks3.endpoint());
    }

    @AfterAll
    static void stop() {
        s3.close();
        mocks3.close();
        sink.close();
    }

    @Test
    void taggingAndAclChangesAreAnnouncedInTheirOrder() throws Exception {
        String bucket = bucketNotifying("tags", "s3:ObjectTagging:*", "s3:ObjectAcl:Put");
        String etag = s3.putObject(b -> b.bucket(bucket).key("photo one.jpg"), RequestBody.fromString("hello")).eTag();
        String requestId = s3.putObjectTagging(b -> b.bucket(bucket).key("photo one.jpg")
                .tagging(t -> t.tagSet(s -> s.key("colour").value("blue")))).responseMetadata().requestId();
        s3.deleteObjectTagging(b -> b.bucket(bucket).key("photo one.jpg"));
        s3.putObjectAcl(b -> b.bucket(bucket).key("photo one.jpg").acl(ObjectCannedACL.PUBLIC_READ));

        List<TestSink.Received> events = sink.await(TestSink.aboutBucket(bucket), 3, WAIT);
        assertThat(events).extracting(e -> e.record().get("eventName").asText())
                .containsExactly("ObjectTagging:Put", "ObjectTagging:Delete", "ObjectAcl:Put");
        for (TestSink.Received event : events) {
            assertThat(event.type()).isEqualTo("dev.mocks3.object.changed");
            assertThat(event.attribute("subject")).isEqualTo("photo one.jpg");
            JsonNode object = event.record().get("s3").get("object");
            assertThat(object.get("key").asText()).isEqualTo("photo+one.jpg");
            assertThat(object.get("size").asLong()).isEqualTo(5);
            assertThat("\"" + object.get("eTag").asText() + "\"").isEqualTo(etag);
            assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty();
        }
        assertThat(events.get(0).record().get("responseElements").get("x-amz-request-id").asText()).isEqualTo(requestId);
        assertThat(events.get(0).record().get("s3").get("configurationId").asText()).isEqualTo("watch");
    }

    @Test
    void aRestoreIsAnnouncedWhenItStartsAndWhenItsCopyIsReadable() throws Exception {
        String bucket = bucketNotifying("restore", "s3:ObjectRestore:*");
        s3.putObject(b -> b.bucket(bucket).key("frozen").storageClass(StorageClass.GLACIER), RequestBody.fromString("cold"));
        s3.putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromString("standard"));
        Instant asked = Instant.now();
        int status = s3.restoreObject(b -> b.bucket(bucket).key("frozen")
                .restoreRequest(r -> r.days(2).glacierJobParameters(g -> g.tier(Tier.STANDARD)))).sdkHttpResponse().statusCode();
        assertThat(status).isEqualTo(202);

        List<TestSink.Received> started = sink.await(TestSink.aboutBucket(bucket), 1, WAIT);
        assertThat(started.get(0).record().get("eventName").asText()).isEqualTo("ObjectRestore:Post");
        assertThat(Duration.between(asked, Instant.now())).as("the start is announced before the copy is ready")
                .isLessThan(RESTORE_DELAY);

        List<TestSink.Received> both = sink.await(TestSink.aboutBucket(bucket), 2, WAIT);
        Instant completedSeen = Instant.now();
        assertThat(both).hasSize(2);
        TestSink.Received completed = both.get(1);
        JsonNode record = completed.record();
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectRestore:Completed");
        assertThat(Duration.between(asked, completedSeen)).as("completion is announced once the copy is ready")
                .isGreaterThanOrEqualTo(RESTORE_DELAY.minusMillis(100));
        assertThat(String.valueOf(s3.headObject(b -> b.bucket(bucket).key("frozen")).restore()))
                .as("the copy is readable when its completion arrives").startsWith("ongoing-request=\"false\"");
        JsonNode restore = record.get("glacierEventData").get("restoreEventData");
        assertThat(restore.get("lifecycleRestoreStorageClass").asText()).isEqualTo("GLACIER");
        assertThat(Instant.parse(restore.get("lifecycleRestorationExpiryTime").asText()))
                .isAfter(asked.plus(RESTORE_DELAY)).isBefore(asked.plus(RESTORE_DELAY).plusSeconds(130));
        assertThat(record.get("s3").get("object").get("key").asText()).isEqualTo("frozen");
        for (TestSink.Received event : both) {
            assertThat(event.type()).isEqualTo("dev.mocks3.object.changed");
            assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty();
        }
        s3.restoreObject(b -> b.bucket(bucket).key("frozen").restoreRequest(r -> r.days(3)));
        Thread.sleep(RESTORE_DELAY.toMillis() + 1000);
        assertThat(sink.all().stream().filter(TestSink.aboutBucket(bucket))).as("extending a restored copy starts no restore")
                .hasSize(2);
    }

    @Test
    void aLifecycleTransitionIsAnnounced() throws Exception {
        String bucket = bucketNotifying("transition", "s3:LifecycleTransition");
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                LifecycleRule.builder().id("archive").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("cold/"))
                        .transitions(t -> t.days(1).storageClass(TransitionStorageClass.GLACIER)).build())));
        s3.putObject(b -> b.bucket(bucket).key("cold/a"), RequestBody.fromString("to archive"));
        s3.putObject(b -> b.bucket(bucket).key("warm/b"), RequestBody.fromString("stays"));

        List<TestSink.Received> events = sink.await(TestSink.aboutBucket(bucket), 1, WAIT);
        assertThat(events).hasSize(1);
        TestSink.Received event = events.get(0);
        assertThat(event.type()).isEqualTo("dev.mocks3.object.changed");
        assertThat(event.record().get("eventName").asText()).isEqualTo("LifecycleTransition");
        assertThat(event.attribute("subject")).isEqualTo("cold/a");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("cold/a")).storageClass()).isEqualTo(StorageClass.GLACIER);
        assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty();
    }

    private static String bucketNotifying(String purpose, String... events) {
        String bucket = MockS3Fixture.uniqueBucket("changes-" + purpose);
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n.queueConfigurations(
                QueueConfiguration.builder().id("watch").queueArn(BucketNotificationsTest.arn(SINK))
                        .eventsWithStrings(events).build())));
        return bucket;
    }
}
