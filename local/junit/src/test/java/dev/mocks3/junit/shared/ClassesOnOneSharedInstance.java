package dev.mocks3.junit.shared;

import static dev.mocks3.core.routing.S3Operation.PUT_OBJECT;
import static dev.mocks3.junit.faults.FaultActions.httpError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mocks3.junit.MockS3Extension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What each of two test classes does at the same time on the JVM's shared MockS3: both add a rule that
 * fails every PutObject (each with its own error code) and meet at a barrier, so both rules are in
 * force at once; each still sees only its own rule's error, and cannot read the other's bucket. The
 * barrier fails the test when the classes do not run in parallel.
 */
abstract class ClassesOnOneSharedInstance {
    static final int CLASSES = 2;
    private static final CyclicBarrier bothRulesInForce = new CyclicBarrier(CLASSES);
    private static final CyclicBarrier bothChecked = new CyclicBarrier(CLASSES);
    private static final Map<String, String> keyOfClass = new ConcurrentHashMap<>();

    private final String ownBucket;
    private final String otherBucket;
    private final int ownStatus;
    private final String ownErrorCode;

    ClassesOnOneSharedInstance(String ownBucket, String otherBucket, int ownStatus, String ownErrorCode) {
        this.ownBucket = ownBucket;
        this.otherBucket = otherBucket;
        this.ownStatus = ownStatus;
        this.ownErrorCode = ownErrorCode;
    }

    /** Each class's own extension (a static field of the class), so each leases its own key. */
    abstract MockS3Extension s3();

    @Test
    void eachClassSeesOnlyItsOwnRulesAndBuckets() throws Exception {
        s3().faults().on(PUT_OBJECT).respond(httpError(ownStatus, ownErrorCode, null));
        keyOfClass.put(getClass().getSimpleName(), s3().credentials().accessKey());
        S3Client oneAttempt = s3().clientBuilder().overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();

        bothRulesInForce.await(2, TimeUnit.MINUTES);

        assertThatThrownBy(() -> oneAttempt.putObject(b -> b.bucket(ownBucket).key("k"), RequestBody.fromString("k")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(ownStatus);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(ownErrorCode);
                });
        assertThatThrownBy(() -> oneAttempt.listObjectsV2(b -> b.bucket(otherBucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThat(oneAttempt.listBuckets().buckets()).extracting(b -> b.name()).containsExactly(ownBucket);

        bothChecked.await(2, TimeUnit.MINUTES);
        assertThat(keyOfClass.values()).doesNotHaveDuplicates().hasSize(CLASSES);
    }
}
