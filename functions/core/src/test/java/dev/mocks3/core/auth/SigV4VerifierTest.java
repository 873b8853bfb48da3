package dev.mocks3.core.auth;

import static dev.mocks3.core.auth.SdkSigning.request;
import static dev.mocks3.core.auth.SdkSigning.sign;
import static dev.mocks3.core.auth.SdkSigning.toS3Request;
import static dev.mocks3.core.auth.SdkSigning.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;

import reactor.core.publisher.Flux;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

class SigV4VerifierTest {

    private static final byte[] BODY = "hello, object".getBytes(StandardCharsets.UTF_8);

    @Test
    void headerSignedGetWithAwkwardKeyAndQueryIsAccepted() {
        SdkHttpRequest get = request(SdkHttpMethod.GET, "/bucket/dir/a%20b%2Bc%21%E2%82%AC~.txt")
                .putRawQueryParameter("versionId", "v 1+2/=")
                .putRawQueryParameter("response-content-type", "text/plain; charset=utf-8")
                .putRawQueryParameter("acl", (String) null)
                .putHeader("Range", "bytes=0-9")
                .putHeader("x-amz-meta-note", "  spaced    out  ")
                .build();
        var signed = sign(get, null, r -> r.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));

        Verification verification = verifier().verify(toS3Request(signed.request(), Flux.empty())).block();

        assertThat(verification.accessKey()).isEqualTo("test");
        assertThat(verification.mode()).isEqualTo(PayloadMode.SIGNED_SINGLE);
        assertThat(verification.contentSha256()).isEqualTo(StringToSign.EMPTY_SHA256);
    }

    @Test
    void unsignedPayloadPutIsAcceptedAsUnsigned() {
        var signed = sign(put("/bucket/key").build(), BODY,
                r -> r.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));

        Verification verification = verifier().verify(toS3Request(signed.request(), Flux.empty())).block();

        assertThat(verification.mode()).isEqualTo(PayloadMode.UNSIGNED);
        assertThat(verification.chunkSigner()).isNull();
    }

    @Test
    void changedSignedHeaderIsSignatureDoesNotMatch() {
        var signed = sign(put("/bucket/key").putHeader("x-amz-meta-color", "blue").build(), BODY, r -> { });
        SdkHttpRequest tampered = signed.request().toBuilder().putHeader("x-amz-meta-color", "red").build();

        assertFailsWith(verifier(), toS3Request(tampered, Flux.empty()), S3Error.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void changedQueryIsSignatureDoesNotMatch() {
        var signed = sign(request(SdkHttpMethod.GET, "/bucket").putRawQueryParameter("prefix", "a").build(), null,
                r -> { });
        SdkHttpRequest tampered = signed.request().toBuilder().putRawQueryParameter("prefix", "b").build();

        assertFailsWith(verifier(), toS3Request(tampered, Flux.empty()), S3Error.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void changedPathIsSignatureDoesNotMatch() {
        var signed = sign(request(SdkHttpMethod.GET, "/bucket/key-a").build(), null, r -> { });
        SdkHttpRequest tampered = signed.request().toBuilder().encodedPath("/bucket/key-b").build();

        assertFailsWith(verifier(), toS3Request(tampered, Flux.empty()), S3Error.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void mismatchNamesTheCanonicalRequestForDebugging() {
        var signed = sign(put("/bucket/key").build(), BODY, "not-the-secret", r -> { });

        S3Exception error = failure(verifier(), toS3Request(signed.request(), Flux.empty()));

        assertThat(error.error()).isEqualTo(S3Error.SIGNATURE_DOES_NOT_MATCH);
        assertThat(error.fields()).containsEntry("AWSAccessKeyId", "test")
                .containsKey("StringToSign").containsKey("CanonicalRequest");
        assertThat(error.fields().get("CanonicalRequest")).startsWith("PUT\n/bucket/key\n");
    }

    @Test
    void unknownAccessKeyIsInvalidAccessKeyId() {
        var signed = sign(put("/bucket/key").build(), BODY, r -> { });
        var onlyOtherKeys = new SigV4Verifier(AccessKeys.single("someone-else", "secret"), SdkSigning.CLOCK);

        S3Exception error = failure(onlyOtherKeys, toS3Request(signed.request(), Flux.empty()));

        assertThat(error.error()).isEqualTo(S3Error.INVALID_ACCESS_KEY_ID);
        assertThat(error.fields()).containsEntry("AWSAccessKeyId", "test");
    }

    @Test
    void clockSkewBeyondFifteenMinutesIsRequestTimeTooSkewed() {
        var signed = sign(put("/bucket/key").build(), BODY, r -> { });
        S3Request request = toS3Request(signed.request(), Flux.empty());

        assertThat(verifier(shifted(Duration.ofMinutes(14))).verify(request).block().accessKey()).isEqualTo("test");
        assertFailsWith(verifier(shifted(Duration.ofMinutes(16))), request, S3Error.REQUEST_TIME_TOO_SKEWED);
        assertFailsWith(verifier(shifted(Duration.ofMinutes(-16))), request, S3Error.REQUEST_TIME_TOO_SKEWED);
    }

    @Test
    void streamingSignedPutCarriesAChunkSignerSeededWithTheHeaderSignature() {
        var signed = sign(put("/bucket/key").putHeader("Content-Length", Integer.toString(BODY.length)).build(), BODY,
                r -> r.putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true));
        S3Request request = toS3Request(signed.request(), Flux.empty());

        Verification verification = verifier().verify(request).block();

        assertThat(verification.mode()).isEqualTo(PayloadMode.STREAMING_SIGNED);
        String authorization = request.header(HttpHeaders.AUTHORIZATION);
        assertThat(verification.chunkSigner().seedSignature())
                .isEqualTo(authorization.substring(authorization.indexOf("Signature=") + 10));
    }

    @Test
    void presignedGetIsAcceptedUntilItExpires() {
        var signed = sign(request(SdkHttpMethod.GET, "/bucket/photos/cat%201.jpg").build(), null, r -> r
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(10))
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        S3Request request = toS3Request(signed.request(), Flux.empty());
        assertThat(request.header(HttpHeaders.AUTHORIZATION)).isNull();

        Verification verification = verifier(shifted(Duration.ofMinutes(9))).verify(request).block();
        assertThat(verification.accessKey()).isEqualTo("test");
        assertThat(verification.mode()).isEqualTo(PayloadMode.UNSIGNED);

        S3Exception expired = failure(verifier(shifted(Duration.ofMinutes(11))), request);
        assertThat(expired.error()).isEqualTo(S3Error.EXPIRED_TOKEN);
        assertThat(expired.code()).isEqualTo("AccessDenied");
        assertThat(expired.getMessage()).isEqualTo("Request has expired");
    }

    @Test
    void presignedPutWithTamperedQueryIsSignatureDoesNotMatch() {
        var signed = sign(put("/bucket/upload.bin").build(), null, r -> r
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofHours(1))
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        assertThat(verifier().verify(toS3Request(signed.request(), Flux.empty())).block().accessKey())
                .isEqualTo("test");

        SdkHttpRequest longer = signed.request().toBuilder().putRawQueryParameter("X-Amz-Expires", "7200").build();
        assertFailsWith(verifier(), toS3Request(longer, Flux.empty()), S3Error.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void presignedExpiryBeyondAWeekOrNotPositiveIsAccessDenied() {
        var signed = sign(request(SdkHttpMethod.GET, "/bucket/key").build(), null, r -> r
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofDays(7)));
        SdkHttpRequest tooLong = signed.request().toBuilder().putRawQueryParameter("X-Amz-Expires", "604801").build();
        assertFailsWith(verifier(), toS3Request(tooLong, Flux.empty()), S3Error.ACCESS_DENIED);

        for (String notPositive : new String[] {"0", "-7"}) {
            SdkHttpRequest expired = signed.request().toBuilder().putRawQueryParameter("X-Amz-Expires", notPositive).build();
            assertFailsWith(verifier(), toS3Request(expired, Flux.empty()), S3Error.EXPIRED_TOKEN);
        }
    }

    @Test
    void presignedWithMissingParameterIsAuthorizationQueryParametersError() {
        var signed = sign(request(SdkHttpMethod.GET, "/bucket/key").build(), null, r -> r
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING));
        SdkHttpRequest partial = signed.request().toBuilder().removeQueryParameter("X-Amz-Date").build();

        assertFailsWith(verifier(), toS3Request(partial, Flux.empty()), S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
    }

    @Test
    void requestWithoutSignatureIsAnonymous() {
        S3Request plain = toS3Request(request(SdkHttpMethod.GET, "/bucket/key").build(), Flux.empty());

        Verification verification = verifier().verify(plain).block();

        assertThat(verification.anonymous()).isTrue();
        assertThat(verification.mode()).isEqualTo(PayloadMode.UNSIGNED);
    }

    @Test
    void malformedCredentialIsAuthorizationHeaderMalformed() {
        S3Request request = withHeaders(HttpHeaders.AUTHORIZATION,
                "AWS4-HMAC-SHA256 Credential=test/20240524/s3/aws4_request, SignedHeaders=host, Signature=00",
                "x-amz-date", "20240524T120000Z", "x-amz-content-sha256", "UNSIGNED-PAYLOAD");

        assertFailsWith(verifier(), request, S3Error.AUTHORIZATION_HEADER_MALFORMED);
    }

    @Test
    void credentialDateOtherThanRequestDateIsAuthorizationHeaderMalformed() {
        S3Request request = withHeaders(HttpHeaders.AUTHORIZATION,
                "AWS4-HMAC-SHA256 Credential=test/20240523/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00",
                "x-amz-date", "20240524T120000Z", "x-amz-content-sha256", "UNSIGNED-PAYLOAD");

        assertFailsWith(verifier(), request, S3Error.AUTHORIZATION_HEADER_MALFORMED);
    }

    @Test
    void documentedGetObjectExampleVerifies() {
        // The GET Object example of the S3 SigV4 documentation (signed payload of an empty body).
        var request = new S3Request("req", "GET", "examplebucket.s3.amazonaws.com", "/test.txt", null, "examplebucket",
                "test.txt", new LinkedMultiValueMap<>(), headers(
                "Host", "examplebucket.s3.amazonaws.com",
                "Range", "bytes=0-9",
                "x-amz-content-sha256", StringToSign.EMPTY_SHA256,
                "x-amz-date", "20130524T000000Z",
                HttpHeaders.AUTHORIZATION, "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
                        + "aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
                Flux.empty(), null, SdkSigning.NOW);
        var documented = new SigV4Verifier(AccessKeys.single("AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                Clock.fixed(java.time.Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC));

        assertThat(documented.verify(request).block().accessKey()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
    }

    static S3Exception failure(SigV4Verifier verifier, S3Request request) {
        try {
            verifier.verify(request).block();
        } catch (S3Exception e) {
            return e;
        }
        throw new AssertionError("expected an S3 error");
    }

    static void assertFailsWith(SigV4Verifier verifier, S3Request request, S3Error expected) {
        assertThatThrownBy(() -> verifier.verify(request).block())
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    private static Clock shifted(Duration by) {
        return Clock.offset(SdkSigning.CLOCK, by);
    }

    private static software.amazon.awssdk.http.SdkHttpFullRequest.Builder put(String path) {
        return request(SdkHttpMethod.PUT, path).putHeader("Content-Type", "application/octet-stream");
    }

    private static S3Request withHeaders(String... namesAndValues) {
        return toS3Request(request(SdkHttpMethod.GET, "/bucket/key").build(), Flux.empty())
                .withHeaders(headers(namesAndValues));
    }

    static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
