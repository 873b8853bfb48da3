package dev.mocks3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.events.EventTypes;
import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Job consumers are idempotent by event id: an event delivered a second time changes nothing, even
 * when there is work it would now do; a new event does that work.
 */
class JobIdempotenceTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final JobEventsOverHttp jobs = new JobEventsOverHttp(mocks3.http(), mocks3.endpoint());

    @Test
    void aLifecycleEventRunTwiceExpiresOnlyWhatTheFirstRunFound() {
        String bucket = mocks3.newBucket("idempotent");
        // a date rule: every object under old/ has expired, whatever the length of a lifecycle day
        mocks3.s3().putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                LifecycleRule.builder().id("past").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("old/"))
                        .expiration(e -> e.date(Instant.parse("2020-01-01T00:00:00Z"))).build())));
        try {
            mocks3.s3().putObject(b -> b.bucket(bucket).key("old/first"), RequestBody.fromString("first"));
            mocks3.s3().putObject(b -> b.bucket(bucket).key("new/kept"), RequestBody.fromString("kept"));
            String event = UUID.randomUUID().toString();
            String payload = "{\"bucket\":\"" + bucket + "\"}";

            JsonNode first = jobs.run(event, EventTypes.JOB_LIFECYCLE_EXPIRE, payload);
            assertThat(first.path("ran").asBoolean()).isTrue();
            assertThat(first.path("result").path("expired_objects").asLong()).isEqualTo(1);
            assertThat(exists(bucket, "old/first")).isFalse();

            mocks3.s3().putObject(b -> b.bucket(bucket).key("old/second"), RequestBody.fromString("second"));
            JsonNode again = jobs.run(event, EventTypes.JOB_LIFECYCLE_EXPIRE, payload);
            assertThat(again.path("ran").asBoolean()).as("the same event delivered again").isFalse();
            assertThat(again.path("result").path("expired_objects").asLong()).as("the first run's result").isEqualTo(1);
            assertThat(exists(bucket, "old/second")).as("written after the first run; the repeat changes nothing").isTrue();

            JsonNode next = jobs.run(UUID.randomUUID().toString(), EventTypes.JOB_LIFECYCLE_EXPIRE, payload);
            assertThat(next.path("ran").asBoolean()).isTrue();
            assertThat(exists(bucket, "old/second")).isFalse();
            assertThat(exists(bucket, "new/kept")).isTrue();
        } finally {
            mocks3.s3().deleteBucketLifecycle(b -> b.bucket(bucket));
        }
    }

    @Test
    void anAbortEventRunTwiceAbortsOnlyTheUploadsOfItsFirstRun() {
        String bucket = mocks3.newBucket("abortonce");
        String first = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("a")).uploadId();
        String event = UUID.randomUUID().toString();
        String payload = "{\"bucket\":\"" + bucket + "\",\"prefix\":\"\",\"initiated_by\":\"" + Instant.now().plusSeconds(3600) + "\"}";

        assertThat(jobs.run(event, EventTypes.JOB_UPLOADS_ABORT, payload).path("result").path("aborted_uploads").asLong())
                .isEqualTo(1);
        String second = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("b")).uploadId();
        assertThat(jobs.run(event, EventTypes.JOB_UPLOADS_ABORT, payload).path("ran").asBoolean()).isFalse();

        assertThat(mocks3.s3().listMultipartUploads(b -> b.bucket(bucket)).uploads())
                .extracting(u -> u.uploadId()).containsExactly(second).doesNotContain(first);
    }

    @Test
    void eventsThatAreNoJobHereAreRefused() {
        assertThat(jobs.send(UUID.randomUUID().toString(), "dev.mocks3.job.unknown", "{}").statusCode()).isEqualTo(404);
        assertThat(jobs.send(UUID.randomUUID().toString(), EventTypes.JOB_UPLOADS_ABORT, "{\"prefix\":\"\"}").statusCode())
                .as("an abort without bucket").isEqualTo(400);
    }

    private boolean exists(String bucket, String key) {
        try {
            mocks3.s3().headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }
}
