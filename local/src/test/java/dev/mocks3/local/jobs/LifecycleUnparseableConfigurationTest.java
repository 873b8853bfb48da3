package dev.mocks3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mocks3.events.EventTypes;
import dev.mocks3.jobs.lifecycle.LifecycleExpireJob;
import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A lifecycle run skips a bucket whose stored configuration cannot be parsed (as another release may have
 * stored it): that bucket's expire job finishes, says why and logs it once, and deletes nothing there, while
 * the other buckets' rules are carried out in the same run.
 */
class LifecycleUnparseableConfigurationTest {
    // a date rule: every object under old/ has expired, whatever the length of a lifecycle day
    private static final String PAST_RULE = "<LifecycleConfiguration><Rule><ID>past</ID><Status>Enabled</Status>"
            + "<Filter><Prefix>old/</Prefix></Filter><Expiration><Date>2020-01-01T00:00:00Z</Date></Expiration>";
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final JobEventsOverHttp jobs = new JobEventsOverHttp(mocks3.http(), mocks3.endpoint());

    @Test
    void aRunSkipsTheBucketWhoseConfigurationCannotBeParsedOnceAndCarriesOutTheOthers() throws Exception {
        String unparseable = mocks3.newBucket("unparseable-rules");
        String readable = mocks3.newBucket("readable-rules");
        // the same rule, with an element this release does not know
        store(unparseable, PAST_RULE + "<ExpireAfterLastRead>1</ExpireAfterLastRead></Rule></LifecycleConfiguration>");
        store(readable, PAST_RULE + "</Rule></LifecycleConfiguration>");
        for (String bucket : List.of(unparseable, readable)) {
            mocks3.s3().putObject(b -> b.bucket(bucket).key("old/k"), RequestBody.fromString("old"));
        }
        Logger jobLog = (Logger) LoggerFactory.getLogger(LifecycleExpireJob.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        jobLog.addAppender(logged);
        String run = UUID.randomUUID().toString();
        try {
            assertThat(jobs.run(run, EventTypes.JOB_LIFECYCLE_SCAN, "{}").path("ran").asBoolean()).isTrue();
        } finally {
            jobLog.detachAppender(logged);
            for (String bucket : List.of(unparseable, readable)) {
                mocks3.s3().deleteBucketLifecycle(b -> b.bucket(bucket));
            }
        }

        assertThat(LifecycleExpiryTest.exists(mocks3.s3(), readable, "old/k")).as("expired by the readable bucket's rule").isFalse();
        assertThat(LifecycleExpiryTest.exists(mocks3.s3(), unparseable, "old/k")).as("kept: no rule of its bucket could be read").isTrue();
        JsonNode skipped = finishedRun(run + "/" + unparseable);
        assertThat(skipped.path("skipped").asText()).isEqualTo("lifecycle configuration cannot be parsed");
        assertThat(skipped.path("expired_objects").asLong()).isZero();
        assertThat(List.copyOf(logged.list)).filteredOn(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains(unparseable)).as("warnings about the skipped bucket in one run").hasSize(1);
    }

    private void store(String bucket, String document) {
        mocks3.bean(DatabaseClient.class).sql("insert into bucket_lifecycle (bucket, document) values ($1, $2)")
                .bind(0, bucket).bind(1, document).fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    /** The recorded result of the finished job run of this event; none when the run failed (its claim was given back). */
    private JsonNode finishedRun(String eventId) throws Exception {
        String result = mocks3.bean(DatabaseClient.class)
                .sql("select result::text from job_runs where event_id = $1 and finished_at is not null").bind(0, eventId)
                .map(row -> row.get(0, String.class)).one().block(Duration.ofSeconds(10));
        assertThat(result).as("finished run of %s", eventId).isNotNull();
        return new ObjectMapper().readTree(result);
    }
}
