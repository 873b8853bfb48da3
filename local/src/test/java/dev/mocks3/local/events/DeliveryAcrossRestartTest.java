package dev.mocks3.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.embedded.RunnerProcess;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

/**
 * The outbox survives the process: a local runner (its own JVM, PostgreSQL and Redis) is killed with
 * SIGKILL after a PUT committed and while its event was out but not yet acknowledged, with a delayed
 * job due a few seconds later; started again on the same data folder, it delivers both, the job once.
 */
class DeliveryAcrossRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anEventCommittedBeforeAKillAndAJobDueWhileDownAreDeliveredAfterTheRestart() throws Exception {
        Path dataDir = RunnerProcess.freshDataDir();
        String jobId = "job-" + UUID.randomUUID();
        try (TestSink sink = new TestSink(); TestSink jobs = new TestSink()) {
            String[] settings = {"--mocks3.notifications.destinations.sink=" + sink.uri(),
                    "--mocks3.events.triggers.jobs.subscriber=" + jobs.uri(),
                    "--mocks3.events.triggers.jobs.filter.type=dev.mocks3.test.job",
                    "--mocks3.notifications.poll-interval=200ms", "--mocks3.notifications.backoff=200ms"};
            String bucket = "restart";
            sink.hangFirst(1);
            try (RunnerProcess first = RunnerProcess.start(dataDir, settings);
                 S3Client s3 = MockS3Fixture.singleAttemptClient(endpoint(first))) {
                s3.createBucket(b -> b.bucket(bucket));
                s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n.queueConfigurations(
                        QueueConfiguration.builder().id("all").queueArn("arn:aws:sns:us-east-1:000000000000:sink")
                                .eventsWithStrings("s3:ObjectCreated:*").build())));
                assertThat(schedule(first, jobId, "8s")).isEqualTo(201);

                s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("committed"));
                List<TestSink.Received> inFlight = sink.await(e -> true, 1, WAIT);
                assertThat(inFlight).as("the dispatcher sent the event; the sink holds it unanswered").hasSize(1);

                first.kill();
            }
            assertThat(jobs.all()).as("the job was not due before the kill").isEmpty();
            String eventId = sink.all().get(0).id();
            Thread.sleep(8000); // the job falls due while nothing runs

            try (RunnerProcess second = RunnerProcess.start(dataDir, settings)) {
                List<TestSink.Received> delivered = sink.await(TestSink.Received::accepted, 1, WAIT);
                List<TestSink.Received> ranJobs = jobs.await(e -> jobId.equals(e.id()), 1, WAIT);
                Thread.sleep(2000); // room for a second delivery to show up

                assertThat(delivered).extracting(TestSink.Received::id).containsExactly(eventId);
                assertThat(sink.accepted(e -> true)).as("acknowledged once").hasSize(1);
                assertThat(delivered.get(0).record().get("s3").get("object").get("key").asText()).isEqualTo("k");
                assertThat(EventSchemas.violations(delivered.get(0).type(), delivered.get(0).data())).isEmpty();
                assertThat(ranJobs).hasSize(1);
                assertThat(jobs.all()).as("the delayed job runs once").hasSize(1);
                assertThat(http.send(HttpRequest.newBuilder(endpoint(second).resolve("/_mocks3/jobs/scheduled/" + jobId)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            }
        }
    }

    private int schedule(RunnerProcess runner, String id, String delay) throws Exception {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/tests","type":"dev.mocks3.test.job","datacontenttype":"application/json","data":{"purge":"trash"}}"""
                .formatted(id);
        return http.send(HttpRequest.newBuilder(endpoint(runner).resolve("/_mocks3/jobs/scheduled?delay=" + delay))
                .header("Content-Type", "application/cloudevents+json").POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static URI endpoint(RunnerProcess runner) {
        return URI.create("http://localhost:" + runner.port());
    }
}
