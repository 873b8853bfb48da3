package dev.mocks3.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import dev.mocks3.local.faults.RulesApiClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Bucket notifications end to end: a MockS3 whose destinations are real HTTP sinks, configured with
 * the AWS SDK's PutBucketNotificationConfiguration, each change delivered from the outbox as a
 * CloudEvent in binary mode.
 */
class BucketNotificationsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String SINK = "sink-" + SUFFIX;
    private static final String FLAKY = "flaky-" + SUFFIX;
    private static final String BROKEN = "broken-" + SUFFIX;
    private static final int MAX_ATTEMPTS = 4;

    private static TestSink sink;
    private static TestSink flaky;
    private static TestSink broken;
    private static TestSink deadLetters;
    private static SideRunner mocks3;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        sink = new TestSink();
        flaky = new TestSink();
        broken = new TestSink();
        deadLetters = new TestSink();
        Map<String, Object> settings = new HashMap<>();
        settings.put("mocks3.notifications.destinations." + SINK, sink.uri().toString());
        settings.put("mocks3.notifications.destinations." + FLAKY, flaky.uri().toString());
        settings.put("mocks3.notifications.destinations." + BROKEN, broken.uri().toString());
        settings.put("mocks3.notifications.dead-letter", deadLetters.uri().toString());
        settings.put("mocks3.notifications.max-attempts", Integer.toString(MAX_ATTEMPTS));
        settings.put("mocks3.notifications.backoff", "100ms");
        settings.put("mocks3.notifications.poll-interval", "200ms");
        mocks3 = SideRunner.start(settings);
        s3 = MockS3Fixture.singleAttemptClient(mocks3.endpoint());
    }

    @AfterAll
    static void stop() {
        s3.close();
        mocks3.close();
        List.of(sink, flaky, broken, deadLetters).forEach(TestSink::close);
    }

    @Test
    void aPutMatchingTheFilterSendsExactlyOneCloudEventWithTheS3Record() throws Exception {
        String bucket = bucket("photos");
        notifyOn(bucket, SINK, "images", List.of("s3:ObjectCreated:*"), "photos/", ".jpg");

        String requestId = s3.putObject(b -> b.bucket(bucket).key("photos/a b.jpg"), RequestBody.fromString("hello"))
                .responseMetadata().requestId();
        s3.putObject(b -> b.bucket(bucket).key("photos/a.png"), RequestBody.fromString("not a jpg"));
        s3.putObject(b -> b.bucket(bucket).key("docs/a.jpg"), RequestBody.fromString("not under photos/"));
        s3.putObject(b -> b.bucket(bucket).key("photos/marker.jpg"), RequestBody.fromString("last"));

        sink.await(e -> "photos/marker.jpg".equals(e.attribute("subject")), 1, WAIT);
        Thread.sleep(1000); // room for a duplicate to show up
        List<TestSink.Received> events = sink.all().stream().filter(TestSink.aboutBucket(bucket)).toList();
        assertThat(events).extracting(e -> e.attribute("subject")).containsExactlyInAnyOrder("photos/a b.jpg", "photos/marker.jpg");

        TestSink.Received event = events.stream().filter(e -> e.attribute("subject").equals("photos/a b.jpg")).findFirst().orElseThrow();
        assertThat(event.attribute("specversion")).isEqualTo("1.0");
        assertThat(event.type()).isEqualTo("dev.mocks3.object.created");
        assertThat(event.attribute("source")).isEqualTo("/mocks3/s3/" + bucket);
        assertThat(event.attribute("mocks3destination")).isEqualTo(SINK);
        assertThat(event.id()).isNotBlank();
        assertThat(event.headers().get("content-type")).startsWith("application/json");
        JsonNode record = event.record();
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.get("responseElements").get("x-amz-request-id").asText()).isEqualTo(requestId);
        assertThat(record.get("userIdentity").get("principalId").asText()).isEqualTo(MockS3Fixture.ACCESS_KEY);
        JsonNode s3Entity = record.get("s3");
        assertThat(s3Entity.get("configurationId").asText()).isEqualTo("images");
        assertThat(s3Entity.get("bucket").get("name").asText()).isEqualTo(bucket);
        assertThat(s3Entity.get("bucket").get("arn").asText()).isEqualTo("arn:aws:s3:::" + bucket);
        JsonNode object = s3Entity.get("object");
        assertThat(object.get("key").asText()).isEqualTo("photos/a+b.jpg");
        assertThat(object.get("size").asLong()).isEqualTo(5);
        assertThat(object.get("eTag").asText()).isEqualTo(md5("hello"));
        assertThat(object.get("sequencer").asText()).matches("[0-9A-F]{16}");
        assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty();
    }

    @Test
    void getReturnsTheConfigurationAsPut() {
        String bucket = bucket("config");
        notifyOn(bucket, SINK, "images", List.of("s3:ObjectCreated:Put", "s3:ObjectRemoved:Delete"), "in/", ".txt");

        GetBucketNotificationConfigurationResponse got = s3.getBucketNotificationConfiguration(b -> b.bucket(bucket));

        assertThat(got.queueConfigurations()).hasSize(1);
        QueueConfiguration queue = got.queueConfigurations().get(0);
        assertThat(queue.id()).isEqualTo("images");
        assertThat(queue.queueArn()).isEqualTo(arn(SINK));
        assertThat(queue.events()).containsExactly(Event.S3_OBJECT_CREATED_PUT, Event.S3_OBJECT_REMOVED_DELETE);
        assertThat(queue.filter().key().filterRules()).extracting(FilterRule::nameAsString, FilterRule::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prefix", "in/"),
                        org.assertj.core.groups.Tuple.tuple("suffix", ".txt"));
        assertThat(got.topicConfigurations()).isEmpty();

        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n.queueConfigurations(List.of())));
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).queueConfigurations()).isEmpty();
    }

    @Test
    void anArnNamingNoConfiguredDestinationIsRefused() {
        String bucket = bucket("unknown");
        assertThatThrownBy(() -> notifyOn(bucket, "nowhere-" + SUFFIX, "x", List.of("s3:ObjectCreated:*"), null, null))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unable to validate the following destination configurations");
                });
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).queueConfigurations()).isEmpty();
    }

    @Test
    void copyCompleteMultipartUploadDeleteAndDeleteObjectsEachSendTheirEvent() throws Exception {
        String bucket = bucket("changes");
        notifyOn(bucket, SINK, "all", List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"), null, null);

        s3.putObject(b -> b.bucket(bucket).key("a"), RequestBody.fromString("first"));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("a").destinationBucket(bucket).destinationKey("b"));
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key("c")).uploadId();
        String etag = s3.uploadPart(b -> b.bucket(bucket).key("c").uploadId(upload).partNumber(1),
                RequestBody.fromString("part")).eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("c").uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
        s3.deleteObject(b -> b.bucket(bucket).key("a"));
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ObjectIdentifier.builder().key("b").build(),
                ObjectIdentifier.builder().key("c").build())));
        s3.deleteObject(b -> b.bucket(bucket).key("never-existed"));

        List<TestSink.Received> events = sink.await(TestSink.aboutBucket(bucket), 6, WAIT);
        Thread.sleep(1000);
        events = sink.all().stream().filter(TestSink.aboutBucket(bucket)).toList();
        assertThat(events).extracting(e -> e.attribute("subject") + " " + e.record().get("eventName").asText())
                .containsExactlyInAnyOrder("a ObjectCreated:Put", "b ObjectCreated:Copy", "c ObjectCreated:CompleteMultipartUpload",
                        "a ObjectRemoved:Delete", "b ObjectRemoved:Delete", "c ObjectRemoved:Delete");
        for (TestSink.Received event : events) {
            assertThat(event.type()).isEqualTo(event.record().get("eventName").asText().startsWith("ObjectCreated")
                    ? "dev.mocks3.object.created" : "dev.mocks3.object.removed");
            assertThat(EventSchemas.violations(event.type(), event.data())).as(event.type()).isEmpty();
        }
        List<String> sequencersOfA = events.stream().filter(e -> e.attribute("subject").equals("a"))
                .map(e -> e.record().get("s3").get("object").get("sequencer").asText()).toList();
        assertThat(sequencersOfA).as("put then delete of a, in order").isSorted().doesNotHaveDuplicates();
    }

    @Test
    void inAVersionedBucketADeleteCreatesAMarkerAndAVersionDeleteRemovesIt() throws Exception {
        String bucket = bucket("versioned");
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status("Enabled")));
        notifyOn(bucket, SINK, "all", List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"), null, null);

        String version = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v")).versionId();
        String marker = s3.deleteObject(b -> b.bucket(bucket).key("k")).versionId();
        s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(version));

        List<TestSink.Received> events = sink.await(TestSink.aboutBucket(bucket), 3, WAIT);
        assertThat(events).extracting(e -> e.record().get("eventName").asText() + " "
                        + e.record().get("s3").get("object").get("versionId").asText())
                .containsExactly("ObjectCreated:Put " + version, "ObjectRemoved:DeleteMarkerCreated " + marker,
                        "ObjectRemoved:Delete " + version);
        for (TestSink.Received event : events) {
            assertThat(EventSchemas.violations(event.type(), event.data())).as(event.type()).isEmpty();
        }
    }

    @Test
    void theChangesOfOneKeyArriveInTheirOrder() throws Exception {
        String bucket = bucket("order");
        notifyOn(bucket, SINK, "all", List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"), null, null);
        for (int i = 0; i < 5; i++) {
            int n = i;
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("version " + n));
        }
        s3.deleteObject(b -> b.bucket(bucket).key("k"));

        List<TestSink.Received> events = sink.await(TestSink.aboutBucket(bucket), 6, WAIT);

        assertThat(events).extracting(e -> e.record().get("eventName").asText()).containsExactly("ObjectCreated:Put",
                "ObjectCreated:Put", "ObjectCreated:Put", "ObjectCreated:Put", "ObjectCreated:Put", "ObjectRemoved:Delete");
        assertThat(events).extracting(e -> e.record().get("s3").get("object").get("sequencer").asText()).isSorted();
    }

    @Test
    void aSinkFailingTwiceIsRetriedUntilItTakesTheEvent() throws Exception {
        String bucket = bucket("retried");
        notifyOn(bucket, FLAKY, "all", List.of("s3:ObjectCreated:*"), null, null);
        flaky.failFirst(2);

        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));

        flaky.await(TestSink.aboutBucket(bucket), 3, WAIT);
        Thread.sleep(1000);
        List<TestSink.Received> attempts = flaky.all().stream().filter(TestSink.aboutBucket(bucket)).toList();
        assertThat(attempts).extracting(TestSink.Received::answeredStatus).containsExactly(500, 500, 202);
        assertThat(attempts).extracting(TestSink.Received::id).containsOnly(attempts.get(0).id());
        assertThat(deadLetters.all()).noneMatch(e -> e.id().equals(attempts.get(0).id()));
        assertThat(undelivered(attempts.get(0).id())).isEqualTo(404);
    }

    @Test
    void aSinkFailingAlwaysEndsInTheDeadLetterSink() throws Exception {
        String bucket = bucket("dead");
        notifyOn(bucket, BROKEN, "all", List.of("s3:ObjectCreated:*"), null, null);
        broken.failAlways();

        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));

        List<TestSink.Received> letters = deadLetters.await(TestSink.aboutBucket(bucket), 1, WAIT);
        assertThat(letters).hasSize(1);
        TestSink.Received letter = letters.get(0);
        List<TestSink.Received> attempts = broken.all().stream().filter(TestSink.aboutBucket(bucket)).toList();
        assertThat(attempts).hasSize(MAX_ATTEMPTS).extracting(TestSink.Received::id).containsOnly(letter.id());
        assertThat(letter.type()).isEqualTo("dev.mocks3.object.created");
        assertThat(letter.attribute("mocks3attempts")).isEqualTo(Integer.toString(MAX_ATTEMPTS));
        assertThat(letter.attribute("mocks3error")).contains("500");
        assertThat(letter.record().get("s3").get("object").get("key").asText()).isEqualTo("k");
        assertThat(undelivered(letter.id())).isEqualTo(404);
    }

    @Test
    void aScheduledEventIsListedUntilCancelled() throws Exception {
        String id = "job-" + UUID.randomUUID();
        String event = """
                {"specversion":"1.0","id":"%s","source":"/tests","type":"dev.mocks3.test.later","datacontenttype":"application/json","data":{"n":1}}"""
                .formatted(id);
        HttpResponse<String> scheduled = http(HttpRequest.newBuilder(mocks3.endpoint().resolve("/_mocks3/jobs/scheduled?delay=1h"))
                .header("Content-Type", "application/cloudevents+json").POST(HttpRequest.BodyPublishers.ofString(event)));
        assertThat(scheduled.statusCode()).isEqualTo(201);

        JsonNode listed = JSON.readTree(http(HttpRequest.newBuilder(mocks3.endpoint().resolve("/_mocks3/jobs/scheduled?state=pending&limit=1000"))).body());
        JsonNode entry = null;
        for (JsonNode e : listed.get("events")) {
            if (e.get("id").asText().equals(id)) {
                entry = e;
            }
        }
        assertThat(entry).as("listed as pending").isNotNull();
        assertThat(entry.get("state").asText()).isEqualTo("pending");
        assertThat(entry.get("type").asText()).isEqualTo("dev.mocks3.test.later");
        assertThat(entry.get("event").get("data").get("n").asInt()).isEqualTo(1);

        assertThat(http(HttpRequest.newBuilder(mocks3.endpoint().resolve("/_mocks3/jobs/scheduled/" + id)).DELETE()).statusCode())
                .isEqualTo(204);
        assertThat(undelivered(id)).isEqualTo(404);
        assertThat(http(HttpRequest.newBuilder(mocks3.endpoint().resolve("/_mocks3/jobs/scheduled/" + id)).DELETE()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void faultRulesOnNotificationDeliveryDuplicateAndDropEvents() throws Exception {
        String bucket = bucket("faulty");
        notifyOn(bucket, SINK, "all", List.of("s3:ObjectCreated:*"), null, null);
        RulesApiClient rules = rules();
        String duplicate = rules.create("""
                {"name": "three copies", "service": "notification-delivery",
                 "conditions": [{"type": "bucket", "value": "%s"}, {"type": "key", "prefix": "dup/"}],
                 "action": {"type": "duplicate", "copies": 3}}""".formatted(bucket));
        String drop = rules.create("""
                {"name": "lost", "service": "notification-delivery",
                 "conditions": [{"type": "bucket", "value": "%s"}, {"type": "key", "prefix": "lost/"}],
                 "action": {"type": "drop"}}""".formatted(bucket));
        try {
            s3.putObject(b -> b.bucket(bucket).key("dup/k"), RequestBody.fromString("x"));
            s3.putObject(b -> b.bucket(bucket).key("lost/k"), RequestBody.fromString("x"));
            s3.putObject(b -> b.bucket(bucket).key("plain/k"), RequestBody.fromString("x"));

            List<TestSink.Received> copies = sink.await(e -> "dup/k".equals(e.attribute("subject"))
                    && TestSink.aboutBucket(bucket).test(e), 3, WAIT);
            sink.await(e -> "plain/k".equals(e.attribute("subject")) && TestSink.aboutBucket(bucket).test(e), 1, WAIT);
            Thread.sleep(1000);

            assertThat(copies).hasSize(3).extracting(TestSink.Received::id).containsOnly(copies.get(0).id());
            assertThat(sink.all()).filteredOn(TestSink.aboutBucket(bucket)).extracting(e -> e.attribute("subject"))
                    .containsExactlyInAnyOrder("dup/k", "dup/k", "dup/k", "plain/k");
            JsonNode injected = rules.events("bucket=" + bucket, 2).get("events");
            assertThat(injected).extracting(e -> e.get("action").asText() + " " + e.get("service").asText() + " " + e.get("key").asText())
                    .containsExactlyInAnyOrder("duplicate notification-delivery dup/k", "drop notification-delivery lost/k");
        } finally {
            rules.delete(duplicate);
            rules.delete(drop);
        }
    }

    @Test
    void anHttpErrorRuleFailsTheFirstAttemptAndTheRetryDelivers() throws Exception {
        String bucket = bucket("refused");
        notifyOn(bucket, SINK, "all", List.of("s3:ObjectCreated:*"), null, null);
        RulesApiClient rules = rules();
        String refuse = rules.create("""
                {"name": "sink refuses once", "service": "notification-delivery", "max_triggers": 1,
                 "conditions": [{"type": "bucket", "value": "%s"}],
                 "action": {"type": "http_error", "http_code": 503}}""".formatted(bucket));
        try {
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));

            List<TestSink.Received> delivered = sink.await(TestSink.aboutBucket(bucket), 1, WAIT);
            assertThat(delivered).hasSize(1);
            assertThat(rules.events("bucket=" + bucket, 1).get("events")).singleElement()
                    .satisfies(e -> assertThat(e.get("outcome").asText()).isEqualTo("attempt failed: 503 SlowDown"));
        } finally {
            rules.delete(refuse);
        }
    }

    @Test
    void dropAndDuplicateAreRefusedForS3Requests() {
        RulesApiClient rules = rules();
        assertThatThrownBy(() -> rules.create("""
                {"name": "wrong stage", "service": "storage-service", "action": {"type": "drop"}}"""))
                .hasMessageContaining("400").hasMessageContaining("notification delivery only");
        assertThatThrownBy(() -> rules.create("""
                {"name": "wrong action", "service": "notification-delivery", "action": {"type": "truncate"}}"""))
                .hasMessageContaining("400").hasMessageContaining("takes delay, drop, duplicate or http_error");
    }

    /** The status of {@code GET /_mocks3/jobs/scheduled/{id}}, once the dispatcher had time: 404 when delivered. */
    private static int undelivered(String id) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int status;
        do {
            status = http(HttpRequest.newBuilder(mocks3.endpoint().resolve("/_mocks3/jobs/scheduled/" + id))).statusCode();
            if (status == 404) {
                return status;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return status;
    }

    private static RulesApiClient rules() {
        return new RulesApiClient(mocks3.runner(), MockS3Fixture.shared().http());
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        return MockS3Fixture.shared().http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bucket(String purpose) {
        String name = MockS3Fixture.uniqueBucket("events-" + purpose);
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    static String arn(String destination) {
        return "arn:aws:sqs:us-east-1:000000000000:" + destination;
    }

    private static void notifyOn(String bucket, String destination, String id, List<String> events, String prefix, String suffix) {
        QueueConfiguration.Builder queue = QueueConfiguration.builder().id(id).queueArn(arn(destination)).eventsWithStrings(events);
        if (prefix != null || suffix != null) {
            java.util.List<FilterRule> rules = new java.util.ArrayList<>();
            if (prefix != null) {
                rules.add(FilterRule.builder().name(FilterRuleName.PREFIX).value(prefix).build());
            }
            if (suffix != null) {
                rules.add(FilterRule.builder().name(FilterRuleName.SUFFIX).value(suffix).build());
            }
            queue.filter(f -> f.key(k -> k.filterRules(rules)));
        }
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n.queueConfigurations(queue.build())));
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

}
