package dev.mocks3.junit;

import static dev.mocks3.core.routing.S3Operation.HEAD_OBJECT;
import static dev.mocks3.junit.faults.FaultActions.internalError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.mocks3.junit.faults.FaultRules;
import dev.mocks3.junit.faults.RulesApiAuth;
import dev.mocks3.junit.faults.RulesApiException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The extension on a MockS3 that runs already (started here by hand, as a container or a colleague's
 * would be), whose rules API asks for a bearer token: buckets, clients and rules work through its URLs.
 */
@MockS3Buckets("running")
class RunningInstanceTest {
    private static final String TOKEN = "a-token-for-this-test";
    private static final EmbeddedMockS3 elsewhere = EmbeddedMockS3.start(Map.of("mocks3.faults.api-token", TOKEN));

    /** Declared before the MockS3 extension, so it stops the instance after that one has cleaned up. */
    @RegisterExtension
    static AfterAllCallback stopIt = context -> elsewhere.close();

    @RegisterExtension
    static MockS3Extension s3 = MockS3Extension.builder()
            .running(elsewhere.s3Endpoint(), elsewhere.rulesEndpoint()).rulesApiToken(TOKEN).build();

    @Test
    void bucketsClientsAndRulesWorkThroughTheUrls() {
        assertThat(s3.endpoint()).isEqualTo(elsewhere.s3Endpoint());
        assertThat(s3.client().listBuckets().buckets()).extracting(b -> b.name()).contains("running");

        s3.faults().on(HEAD_OBJECT).bucket("running").respond(internalError());

        assertThatThrownBy(() -> s3.clientBuilder().overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build()
                .headObject(b -> b.bucket("running").key("k")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    @Test
    void withoutTheTokenOrASignatureTheRulesApiRefuses() {
        FaultRules anonymous = new FaultRules(s3.rulesEndpoint(), RulesApiAuth.none());
        assertThatThrownBy(anonymous::rules).isInstanceOfSatisfying(RulesApiException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        FaultRules signed = new FaultRules(s3.rulesEndpoint(), RulesApiAuth.signedWith("test", "test"));
        assertThat(signed.rules().path("rules").isArray()).isTrue();
    }
}
