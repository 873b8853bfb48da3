package dev.mocks3.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.app.pipeline.OperationPipelines;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.events.job.Job;
import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;

/**
 * One job deployed alone, as its Knative service runs it (definition {@code lifecycleExpire}): it
 * runs its job's events from {@code POST /_mocks3/jobs}, refuses other jobs' events, builds no
 * other job function and serves no S3 operation.
 */
class JobServiceTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void aJobServiceRunsItsJobOnly() throws Exception {
        Map<String, Object> settings = mocks3.anotherInstanceSettings();
        settings.put("spring.cloud.function.definition", Job.LIFECYCLE_EXPIRE.functionName());
        String bucket = mocks3.newBucket("jobservice");
        try (LocalRunner service = LocalRunner.start(settings)) {
            OperationPipelines pipelines = service.context().getBean(OperationPipelines.class);
            for (S3Operation operation : S3Operation.values()) {
                assertThat(pipelines.of(operation)).as(operation.s3Name()).isEmpty();
            }
            URI jobs = URI.create("http://localhost:" + service.port() + "/_mocks3/jobs");

            HttpResponse<String> ran = post(jobs, Job.LIFECYCLE_EXPIRE.type(), "{\"bucket\":\"" + bucket + "\"}");
            assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
            assertThat(ran.body()).contains("\"ran\":true");
            assertThat(post(jobs, Job.RECLAIM_BLOBS.type(), "{}").statusCode()).as("another job's event").isEqualTo(404);

            assertThat(Arrays.stream(Job.values()).map(Job::functionName)
                    .filter(name -> service.context().getBeanFactory().containsSingleton(name)))
                    .as("job functions built").containsExactly(Job.LIFECYCLE_EXPIRE.functionName());
        }
    }

    private HttpResponse<String> post(URI jobs, String type, String json) throws Exception {
        return mocks3.http().send(HttpRequest.newBuilder(jobs).header("ce-specversion", "1.0")
                .header("ce-id", UUID.randomUUID().toString()).header("ce-type", type).header("ce-source", "/tests")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
