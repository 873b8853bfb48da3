package dev.mocks3.core.auth;

import static dev.mocks3.core.auth.SdkSigning.request;
import static dev.mocks3.core.auth.SdkSigning.sign;
import static dev.mocks3.core.auth.SdkSigning.toS3Request;
import static dev.mocks3.core.auth.SdkSigning.wireBody;
import static dev.mocks3.core.chunked.BodyPieces.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.chunked.BodyPieces;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.S3Operation;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

class AuthCheckTest {
    private static final byte[] BODY = "object body".getBytes(StandardCharsets.UTF_8);

    private final BodyPieces pieces = new BodyPieces();
    private final AuthCheck strict = new AuthCheck(SdkSigning.verifier(), true);
    private final AuthCheck lenient = new AuthCheck(SdkSigning.verifier(), false);

    @AfterEach
    void everyBufferIsReleased() {
        pieces.assertAllReleased();
    }

    @Test
    void strictModeRefusesAnonymousRequestsWithAccessDenied() {
        S3Call anonymous = S3Call.of(toS3Request(request(SdkHttpMethod.GET, "/bucket/key").build(),
                pieces.split(new byte[0], 1)), S3Operation.GET_OBJECT);

        assertThatThrownBy(() -> strict.apply(anonymous).block())
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.error()).isEqualTo(S3Error.ACCESS_DENIED);
                    assertThat(e.resource()).isEqualTo("/bucket/key");
                });
    }

    @Test
    void lenientModePassesAnonymousRequestsOnUntouched() {
        S3Call anonymous = S3Call.of(toS3Request(request(SdkHttpMethod.PUT, "/bucket/key").build(),
                pieces.split(BODY, 4)), S3Operation.PUT_OBJECT);

        S3Call passed = lenient.apply(anonymous).block();

        assertThat(passed).isSameAs(anonymous);
        assertThat(drain(passed.request().body())).isEqualTo(BODY);
    }

    @Test
    void signedRequestCarriesItsAccessKeyOn() {
        var signed = sign(request(SdkHttpMethod.GET, "/bucket/key").build(), null, r -> { });

        S3Call verified = strict.apply(S3Call.of(toS3Request(signed.request(), pieces.split(new byte[0], 1)),
                S3Operation.GET_OBJECT)).block();

        assertThat(verified.accessKey()).isEqualTo("test");
    }

    @Test
    void bodyOtherThanTheSignedSha256IsXAmzContentSha256Mismatch() {
        var signed = sign(request(SdkHttpMethod.PUT, "/bucket/key").build(), BODY,
                r -> r.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        byte[] other = "object bodY".getBytes(StandardCharsets.UTF_8);

        S3Call verified = strict.apply(S3Call.of(toS3Request(signed.request(), pieces.split(other, 5)),
                S3Operation.PUT_OBJECT)).block();

        assertThatThrownBy(() -> drain(verified.request().body()))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.error()).isEqualTo(S3Error.X_AMZ_CONTENT_SHA256_MISMATCH));
    }

    @Test
    void bodyMatchingTheSignedSha256PassesThrough() {
        var signed = sign(request(SdkHttpMethod.PUT, "/bucket/key").build(), BODY,
                r -> r.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));

        S3Call verified = strict.apply(S3Call.of(toS3Request(signed.request(), pieces.split(BODY, 5)),
                S3Operation.PUT_OBJECT)).block();

        assertThat(drain(verified.request().body())).isEqualTo(BODY);
    }

    @Test
    void awsChunkedIsRemovedFromContentEncodingAndOtherEncodingsKept() {
        var put = request(SdkHttpMethod.PUT, "/bucket/key.gz")
                .putHeader("Content-Encoding", "gzip")
                .putHeader("Content-Length", Integer.toString(BODY.length))
                .build();
        var signed = sign(put, BODY, r -> r.putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true));
        var sent = toS3Request(signed.request(), pieces.split(wireBody(signed), 10));
        assertThat(String.join(",", sent.headers().get(HttpHeaders.CONTENT_ENCODING))).contains("aws-chunked");

        var received = strict.apply(S3Call.of(sent, S3Operation.PUT_OBJECT)).block().request();

        assertThat(received.headers().get(HttpHeaders.CONTENT_ENCODING)).containsExactly("gzip");
        assertThat(received.contentLength()).isEqualTo(BODY.length);
        assertThat(drain(received.body())).isEqualTo(BODY);
    }

    @Test
    void completeMultipartUploadChecksumIsNotTheBodys() {
        var signed = sign(request(SdkHttpMethod.POST, "/bucket/key").putRawQueryParameter("uploadId", "u1")
                .putHeader("x-amz-checksum-crc32", "AAAAAA==").build(), BODY, r -> { });

        var received = strict.apply(S3Call.of(toS3Request(signed.request(), pieces.split(BODY, 5)),
                S3Operation.COMPLETE_MULTIPART_UPLOAD)).block().request();

        assertThat(drain(received.body())).isEqualTo(BODY);
    }
}
