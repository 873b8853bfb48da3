package dev.mocks3.junit;

import static dev.mocks3.core.routing.S3Operation.GET_OBJECT;
import static dev.mocks3.core.routing.S3Operation.PUT_OBJECT;
import static dev.mocks3.junit.faults.FaultActions.internalError;
import static dev.mocks3.junit.faults.FaultActions.slowDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.mocks3.junit.faults.FaultHandle;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Two tests of one class, each adding a rule: neither sees the other's, in whichever order they run. */
@MockS3Buckets("between-tests")
class RulesAreGoneBetweenTestsTest {
    private static final String BUCKET = "between-tests";
    private static final Set<String> rulesAddedByTests = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static MockS3Extension s3 = MockS3Extension.builder().build();

    private S3Client oneAttempt;

    @BeforeEach
    void noRuleIsLeft() {
        oneAttempt = s3.clientBuilder().overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
        assertThat(s3.faults().ruleIds()).isEmpty();
        oneAttempt.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("fine"));
        assertThat(oneAttempt.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asUtf8String()).isEqualTo("fine");
    }

    @Test
    void aPutRuleFailsPutsOfThisTestOnly() {
        FaultHandle rule = s3.faults().on(PUT_OBJECT).bucket(BUCKET).respond(slowDown());
        rulesAddedByTests.add(rule.id());

        assertThatThrownBy(() -> oneAttempt.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown"));
        rule.assertTriggered(1);
    }

    @Test
    void aGetRuleFailsGetsOfThisTestOnly() {
        FaultHandle rule = s3.faults().on(GET_OBJECT).bucket(BUCKET).key("k").respond(internalError());
        rulesAddedByTests.add(rule.id());

        assertThatThrownBy(() -> oneAttempt.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        rule.assertTriggered(1);
    }
}
