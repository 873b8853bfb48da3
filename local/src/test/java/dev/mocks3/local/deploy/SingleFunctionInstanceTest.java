package dev.mocks3.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mocks3.app.pipeline.OperationPipelines;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.faults.api.FaultsApiServer;
import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.s3.OperationFunction;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A Knative service as deployed: the real application with {@code spring.cloud.function.definition=putObject}
 * (and no rules API, as mocks3-config sets) builds the putObject function and nothing of the other operations.
 */
class SingleFunctionInstanceTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void aPutObjectInstanceStoresObjectsAndAnswersGetObjectNotImplemented() {
        Map<String, Object> settings = mocks3.anotherInstanceSettings();
        settings.put("spring.cloud.function.definition", "putObject");
        settings.put("mocks3.faults.api-port", "-1");
        String bucket = mocks3.newBucket("put-only");
        long started = System.nanoTime();
        try (LocalRunner putOnly = LocalRunner.start(settings);
             S3Client s3 = MockS3Fixture.singleAttemptClient(URI.create("http://localhost:" + putOnly.port()))) {
            long startMs = (System.nanoTime() - started) / 1_000_000;
            InstanceSize size = InstanceSize.of(putOnly.context());
            System.out.printf("putObject instance: %s, started in %d ms; whole app: %s%n", size, startMs,
                    InstanceSize.of(mocks3.runner().context()));

            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("stored by putObject"));
            assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String())
                    .isEqualTo("stored by putObject");
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(501);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                    });

            assertThat(putOnly.context().getBeansOfType(OperationFunction.class)).containsOnlyKeys("putObject");
            assertThat(putOnly.context().getBeansOfType(FaultsApiServer.class)).isEmpty();
            OperationPipelines pipelines = putOnly.context().getBean(OperationPipelines.class);
            assertThat(pipelines.definition(S3Operation.PUT_OBJECT)).isEqualTo("authCheck|faultCheck|putObject|corsHeaders|faultRespond");
            assertThat(size.singletons()).isLessThan(InstanceSize.of(mocks3.runner().context()).singletons());
        }
    }
}
