package dev.mocks3.junit.examples;

import static dev.mocks3.core.routing.S3Operation.PUT_OBJECT;
import static dev.mocks3.junit.faults.FaultActions.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.mocks3.junit.MockS3Buckets;
import dev.mocks3.junit.MockS3Extension;
import dev.mocks3.junit.faults.FaultHandle;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Example: an uploader with its own retry loop survives the first two 503s on every key. */
@MockS3Buckets("uploads")
class RetryingUploaderTest {

    @RegisterExtension
    static MockS3Extension s3 = MockS3Extension.builder().build();

    /** The code under test: retries 5xx answers with a growing pause, up to {@code attempts} tries. */
    record RetryingUploader(S3Client s3, int attempts, Duration firstPause) {
        int upload(String bucket, String key, String content) throws InterruptedException {
            Duration pause = firstPause;
            for (int attempt = 1; ; attempt++) {
                try {
                    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
                    return attempt;
                } catch (S3Exception e) {
                    if (e.statusCode() < 500 || attempt == attempts) {
                        throw e;
                    }
                    Thread.sleep(pause.toMillis());
                    pause = pause.multipliedBy(2);
                }
            }
        }
    }

    @Test
    void everyFileArrivesAlthoughEachKeyFailsTwiceWith503() throws Exception {
        FaultHandle outage = s3.faults().on(PUT_OBJECT).bucket("uploads").prefix("in/")
                .firstAttemptsPerKey(2).respond(serviceUnavailable());
        // the SDK's own retries off, so that the uploader's loop is what gets tested
        S3Client noSdkRetries = s3.clientBuilder().overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
        RetryingUploader uploader = new RetryingUploader(noSdkRetries, 4, Duration.ofMillis(20));

        for (String name : List.of("a.csv", "b.csv", "c.csv")) {
            assertThat(uploader.upload("uploads", "in/" + name, "rows of " + name)).isEqualTo(3);
        }

        assertThat(s3.client().listObjectsV2(b -> b.bucket("uploads")).contents()).hasSize(3);
        outage.assertTriggered(6).assertEveryFaultRetried().assertEveryKeyRecovered();
    }
}
