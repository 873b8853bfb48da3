package dev.mocks3.core.chunked;

import static dev.mocks3.core.auth.SdkSigning.request;
import static dev.mocks3.core.auth.SdkSigning.sign;
import static dev.mocks3.core.auth.SdkSigning.toS3Request;
import static dev.mocks3.core.auth.SdkSigning.wireBody;
import static dev.mocks3.core.chunked.BodyPieces.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

import dev.mocks3.core.auth.AuthCheck;
import dev.mocks3.core.auth.SdkSigning;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.S3Operation;

import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/** aws-chunked uploads encoded and signed by the AWS SDK v2, decoded through {@link AuthCheck}. */
class SdkChunkedUploadTest {
    private static final byte[] PAYLOAD = randomBytes(300_000);

    private final BodyPieces pieces = new BodyPieces();
    private final AuthCheck authCheck = new AuthCheck(SdkSigning.verifier(), true);

    @AfterEach
    void everyReceivedBufferIsReleased() {
        pieces.assertAllReleased();
    }

    @ParameterizedTest(name = "{0}-byte buffers")
    @ValueSource(ints = {1, 7, 8192, 65536, 1 << 20})
    void signedChunkedUploadDecodesAtAnyBufferBoundary(int pieceSize) {
        SignedRequest signed = upload(PAYLOAD, true, null);
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256"))
                .hasValue("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");

        S3Request decoded = receive(signed, wireBody(signed), pieceSize);

        assertThat(drain(decoded.body())).isEqualTo(PAYLOAD);
        assertThat(decoded.contentLength()).isEqualTo(PAYLOAD.length);
        assertThat(decoded.headers().get(HttpHeaders.CONTENT_ENCODING)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CRC32", "CRC32C", "SHA1", "SHA256"})
    void signedUploadWithChecksumTrailerVerifies(String algorithm) {
        SignedRequest signed = upload(PAYLOAD, true, sdkAlgorithm(algorithm));
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256"))
                .hasValue("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");

        assertThat(drain(receive(signed, wireBody(signed), 7).body())).isEqualTo(PAYLOAD);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CRC32", "CRC32C", "SHA1", "SHA256"})
    void unsignedUploadWithChecksumTrailerVerifies(String algorithm) {
        SignedRequest signed = upload(PAYLOAD, false, sdkAlgorithm(algorithm));
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256"))
                .hasValue("STREAMING-UNSIGNED-PAYLOAD-TRAILER");

        assertThat(drain(receive(signed, wireBody(signed), 65536).body())).isEqualTo(PAYLOAD);
    }

    @Test
    void emptySignedUploadDecodesToNothing() {
        SignedRequest signed = upload(new byte[0], true, DefaultChecksumAlgorithm.CRC32);

        assertThat(drain(receive(signed, wireBody(signed), 3).body())).isEmpty();
    }

    @Test
    void flippedDataByteInSignedUploadIsSignatureDoesNotMatch() {
        SignedRequest signed = upload(PAYLOAD, true, null);

        assertRejected(signed, flipDataByte(wireBody(signed)), S3Error.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void flippedDataByteInUnsignedTrailerUploadIsBadDigest() {
        SignedRequest signed = upload(PAYLOAD, false, DefaultChecksumAlgorithm.CRC32C);

        S3Exception error = assertRejected(signed, flipDataByte(wireBody(signed)), S3Error.BAD_CHECKSUM);
        assertThat(error.code()).isEqualTo("BadDigest");
    }

    @Test
    void alteredChunkSignatureIsSignatureDoesNotMatch() {
        SignedRequest signed = upload(PAYLOAD, true, null);
        byte[] wire = wireBody(signed);
        int signature = indexOf(wire, "chunk-signature=") + "chunk-signature=".length();
        wire[signature] = (byte) (wire[signature] == 'a' ? 'b' : 'a');

        assertRejected(signed, wire, S3Error.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void alteredTrailerSignatureIsSignatureDoesNotMatch() {
        SignedRequest signed = upload(PAYLOAD, true, DefaultChecksumAlgorithm.SHA256);
        byte[] wire = wireBody(signed);
        int signature = indexOf(wire, "x-amz-trailer-signature:") + "x-amz-trailer-signature:".length();
        wire[signature] = (byte) (wire[signature] == 'a' ? 'b' : 'a');

        assertRejected(signed, wire, S3Error.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void truncatedUploadIsIncompleteBody() {
        SignedRequest signed = upload(PAYLOAD, true, null);
        byte[] wire = wireBody(signed);

        assertRejected(signed, Arrays.copyOf(wire, wire.length - 120), S3Error.INCOMPLETE_BODY);
    }

    private SignedRequest upload(byte[] payload, boolean signPayload, ChecksumAlgorithm checksum) {
        var put = request(SdkHttpMethod.PUT, "/bucket/big.bin")
                .putHeader("Content-Length", Integer.toString(payload.length))
                .build();
        return sign(put, payload, r -> {
            r.putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signPayload);
            if (checksum != null) {
                r.putProperty(AwsV4HttpSigner.CHECKSUM_ALGORITHM, checksum);
            }
        });
    }

    private S3Request receive(SignedRequest signed, byte[] wire, int pieceSize) {
        S3Request request = toS3Request(signed.request(), pieces.split(wire, pieceSize));
        return authCheck.apply(S3Call.of(request, S3Operation.PUT_OBJECT)).block().request();
    }

    private S3Exception assertRejected(SignedRequest signed, byte[] wire, S3Error expected) {
        S3Request decoded = receive(signed, wire, 4096);
        S3Exception[] caught = new S3Exception[1];
        assertThatThrownBy(() -> drain(decoded.body())).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.error()).isEqualTo(expected);
            caught[0] = e;
        });
        return caught[0];
    }

    private static byte[] flipDataByte(byte[] wire) {
        byte[] copy = wire.clone();
        int data = indexOf(copy, "\r\n") + 2 + 1000;
        copy[data] ^= 0x01;
        return copy;
    }

    private static int indexOf(byte[] haystack, String needle) {
        String text = new String(haystack, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(needle);
        assertThat(at).as("position of " + needle).isNotNegative();
        return at;
    }

    private static ChecksumAlgorithm sdkAlgorithm(String name) {
        return switch (name) {
            case "CRC32" -> DefaultChecksumAlgorithm.CRC32;
            case "CRC32C" -> DefaultChecksumAlgorithm.CRC32C;
            case "SHA1" -> DefaultChecksumAlgorithm.SHA1;
            case "SHA256" -> DefaultChecksumAlgorithm.SHA256;
            default -> throw new IllegalArgumentException(name);
        };
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
