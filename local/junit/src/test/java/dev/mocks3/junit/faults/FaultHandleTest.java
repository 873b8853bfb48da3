package dev.mocks3.junit.faults;

import static dev.mocks3.core.routing.S3Operation.GET_OBJECT;
import static dev.mocks3.core.routing.S3Operation.PUT_OBJECT;
import static dev.mocks3.junit.faults.FaultActions.internalError;
import static dev.mocks3.junit.faults.FaultActions.slowDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.junit.MockS3Buckets;
import dev.mocks3.junit.MockS3Extension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** A rule's handle against real requests: what it counts, logs and asserts, and how it goes away. */
@MockS3Buckets("handles")
class FaultHandleTest {
    private static final String BUCKET = "handles";

    @RegisterExtension
    static MockS3Extension s3 = MockS3Extension.builder().emptyBucketsAfterEach().build();

    private S3Client oneAttempt;

    @BeforeEach
    void singleAttemptClient() {
        oneAttempt = s3.clientBuilder().overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
    }

    @Test
    void theSdksRetriesGetPastTheFirstTwoAttemptsOfEachKey() {
        FaultHandle rule = s3.faults().on(PUT_OBJECT).bucket(BUCKET).prefix("in/").firstAttemptsPerKey(2).respond(slowDown());

        s3.client().putObject(b -> b.bucket(BUCKET).key("in/a"), RequestBody.fromString("a"));
        s3.client().putObject(b -> b.bucket(BUCKET).key("in/b"), RequestBody.fromString("b"));
        s3.client().putObject(b -> b.bucket(BUCKET).key("out/c"), RequestBody.fromString("c"));

        rule.assertTriggered(4).assertEveryFaultRetried().assertEveryKeyRecovered();
        assertThat(rule.events()).extracting(FaultEvent::outcome).containsOnly("503 SlowDown");
        assertThat(rule.events()).extracting(FaultEvent::key).containsOnly("in/a", "in/b");
        assertThat(rule.attempts()).hasSize(6);
    }

    @Test
    void aClientThatGivesUpFailsTheRetryAssertions() {
        FaultHandle rule = s3.faults().on(PUT_OBJECT).bucket(BUCKET).firstAttempts(1).respond(internalError());

        assertThatThrownBy(() -> oneAttempt.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("k")))
                .isInstanceOf(S3Exception.class);

        assertThatThrownBy(rule::assertEveryFaultRetried).isInstanceOf(AssertionError.class).hasMessageContaining("not retried");
        assertThatThrownBy(rule::assertEveryKeyRecovered).isInstanceOf(AssertionError.class).hasMessageContaining("still got");
    }

    @Test
    void aRuleThatNeverFiredFailsTheRetryAssertion() {
        FaultHandle rule = s3.faults().on(GET_OBJECT).bucket(BUCKET).respond(internalError());
        assertThatThrownBy(rule::assertEveryFaultRetried).isInstanceOf(AssertionError.class).hasMessageContaining("no fault");
    }

    @Test
    void aRemovedRuleNoLongerFires() {
        FaultHandle rule = s3.faults().on(PUT_OBJECT).bucket(BUCKET).respond(slowDown());
        assertThatThrownBy(() -> oneAttempt.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("k")))
                .isInstanceOf(S3Exception.class);

        rule.remove();

        assertThat(s3.faults().ruleIds()).doesNotContain(rule.id());
        assertThat(s3.faults().added()).doesNotContain(rule);
        oneAttempt.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("k"));
    }

    @Test
    void aDisabledRuleStaysButDoesNotFireUntilEnabled() {
        FaultHandle rule = s3.faults().on(PUT_OBJECT).bucket(BUCKET).disabled().respond(slowDown());
        oneAttempt.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("k"));

        rule.enable();
        assertThatThrownBy(() -> oneAttempt.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("k")))
                .isInstanceOf(S3Exception.class);

        rule.disable();
        oneAttempt.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("k"));
        assertThat(s3.faults().ruleIds()).contains(rule.id());
        rule.assertTriggered(1);
    }

    @Test
    void aRuleDocumentAddedAsItIsIsRemovedAfterTheTestToo() {
        ObjectNode document = RulesHttp.JSON.createObjectNode().put("name", "raw");
        document.putArray("conditions").addObject().put("type", "bucket").put("value", BUCKET);
        document.putObject("action").put("type", "http_error").put("http_code", 500);

        FaultHandle rule = s3.faults().add(document);

        assertThat(s3.faults().added()).contains(rule);
        assertThatThrownBy(() -> oneAttempt.headObject(b -> b.bucket(BUCKET).key("k")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    @Test
    void statsAndEventsCanBeReadAndCleared() {
        FaultHandle rule = s3.faults().on(PUT_OBJECT).bucket(BUCKET).withoutAttemptLog().respond(slowDown());
        assertThatThrownBy(() -> oneAttempt.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("k")))
                .isInstanceOf(S3Exception.class);
        rule.awaitTriggered(1);

        assertThat(s3.faults().healthy()).isTrue();
        assertThat(s3.faults().rules().path("rules")).anySatisfy(r -> assertThat(r.path("id").asText()).isEqualTo(rule.id()));
        assertThat(s3.faults().events()).anySatisfy(e -> assertThat(e.ruleId()).isEqualTo(rule.id()));
        assertThatThrownBy(rule::attempts).isInstanceOf(IllegalStateException.class);

        s3.faults().clearEvents();
        s3.faults().resetStats();

        assertThat(rule.events()).isEmpty();
        assertThat(s3.faults().stats().path("total_injected").asLong()).isZero();
    }

    @Test
    void aRefusedRuleNamesTheField() {
        assertThatThrownBy(() -> s3.faults().on(PUT_OBJECT).probability(2).respond(slowDown()))
                .isInstanceOfSatisfying(RulesApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).contains("conditions[");
                });
        assertThat(s3.faults().added()).isEmpty();
        assertThat(s3.faults().ruleIds()).isEmpty(); // the attempt log added first was taken back
    }
}
