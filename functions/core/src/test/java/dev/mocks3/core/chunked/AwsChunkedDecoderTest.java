package dev.mocks3.core.chunked;

import static dev.mocks3.core.chunked.BodyPieces.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.mocks3.core.auth.ChunkSigner;
import dev.mocks3.core.auth.CredentialScope;
import dev.mocks3.core.auth.SigningKey;
import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;

class AwsChunkedDecoderTest {
    private static final byte[] DATA = SdkChunkedUploadTest.randomBytes(100_000);
    private static final ChunkSigner SIGNER = new ChunkSigner(
            SigningKey.derive("secret", new CredentialScope("key", "20240524", "us-east-1", "s3")),
            "20240524T120000Z", "20240524/us-east-1/s3/aws4_request", "0".repeat(64));

    private final BodyPieces pieces = new BodyPieces();

    @AfterEach
    void everyReceivedBufferIsReleased() {
        pieces.assertAllReleased();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ChecksumAlgorithm.class, names = "MD5", mode = EnumSource.Mode.EXCLUDE)
    void signedTrailerOfEveryAlgorithmVerifies(ChecksumAlgorithm algorithm) {
        byte[] wire = new AwsChunkedEncoder(8192, SIGNER, algorithm).encode(DATA);

        assertThat(drain(decoder(SIGNER, true, algorithm, DATA.length).decode(pieces.split(wire, 7)))).isEqualTo(DATA);
    }

    @ParameterizedTest(name = "{0}-byte buffers")
    @ValueSource(ints = {1, 2, 3, 64 * 1024})
    void unsignedChunksDecodeAtAnyBoundary(int pieceSize) {
        byte[] wire = new AwsChunkedEncoder(1000, null, ChecksumAlgorithm.CRC32).encode(DATA);

        assertThat(drain(decoder(null, false, ChecksumAlgorithm.CRC32, -1).decode(pieces.split(wire, pieceSize))))
                .isEqualTo(DATA);
    }

    @Test
    void chunkDataSlicesAreSharedNotCopied() {
        // Big buffers carrying one chunk come out as one slice each: the decoder never gathers a whole body.
        byte[] wire = new AwsChunkedEncoder(64 * 1024, null, null).encode(DATA);
        AtomicInteger emitted = new AtomicInteger();

        byte[] decoded = drain(decoder(null, false, null, DATA.length).decode(pieces.split(wire, 1 << 20))
                .doOnNext(b -> emitted.incrementAndGet()));

        assertThat(decoded).isEqualTo(DATA);
        assertThat(emitted).hasValue(2);
    }

    @Test
    void shorterThanDeclaredDecodedLengthIsIncompleteBody() {
        byte[] wire = new AwsChunkedEncoder(8192, null, null).encode(DATA);

        assertFails(decoder(null, false, null, DATA.length + 1), wire, S3Error.INCOMPLETE_BODY);
    }

    @Test
    void longerThanDeclaredDecodedLengthIsIncompleteBody() {
        byte[] wire = new AwsChunkedEncoder(8192, null, null).encode(DATA);

        assertFails(decoder(null, false, null, DATA.length - 1), wire, S3Error.INCOMPLETE_BODY);
    }

    @Test
    void wrongTrailerChecksumIsBadDigest() {
        byte[] wire = new AwsChunkedEncoder(8192, null, ChecksumAlgorithm.CRC32C).encode(DATA);
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        int value = text.indexOf("x-amz-checksum-crc32c:") + "x-amz-checksum-crc32c:".length();
        wire[value] = (byte) (wire[value] == 'A' ? 'B' : 'A');

        assertFails(decoder(null, false, ChecksumAlgorithm.CRC32C, -1), wire, S3Error.BAD_CHECKSUM);
    }

    @Test
    void missingAnnouncedTrailerIsInvalidRequest() {
        byte[] wire = new AwsChunkedEncoder(8192, null, null).encode(DATA);

        assertFails(decoder(null, false, ChecksumAlgorithm.SHA256, -1), wire, S3Error.INVALID_REQUEST);
    }

    @Test
    void chunkSignedWithAnotherSeedIsSignatureDoesNotMatch() {
        ChunkSigner otherSeed = new ChunkSigner(
                SigningKey.derive("secret", new CredentialScope("key", "20240524", "us-east-1", "s3")),
                "20240524T120000Z", "20240524/us-east-1/s3/aws4_request", "1".repeat(64));
        byte[] wire = new AwsChunkedEncoder(8192, otherSeed, null).encode(DATA);

        assertFails(decoder(SIGNER, false, null, -1), wire, S3Error.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void unsignedChunkInSignedBodyIsSignatureDoesNotMatch() {
        byte[] wire = new AwsChunkedEncoder(8192, null, null).encode(DATA);

        assertFails(decoder(SIGNER, false, null, -1), wire, S3Error.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void garbageChunkSizeIsIncompleteBody() {
        byte[] wire = "zz\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertFails(decoder(null, false, null, -1), wire, S3Error.INCOMPLETE_BODY);
    }

    @Test
    void chunkLongerThanItsSizeIsIncompleteBody() {
        byte[] wire = "3\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertFails(decoder(null, false, null, -1), wire, S3Error.INCOMPLETE_BODY);
    }

    @Test
    void bytesAfterTheFinalChunkAreIncompleteBody() {
        byte[] wire = "5\r\nhello\r\n0\r\n\r\nmore".getBytes(StandardCharsets.US_ASCII);

        assertFails(decoder(null, false, null, -1), wire, S3Error.INCOMPLETE_BODY);
    }

    @Test
    void endlessHeaderLineIsRefusedWithoutBufferingIt() {
        byte[] wire = new byte[100_000];
        Arrays.fill(wire, (byte) '1');

        assertFails(decoder(null, false, null, -1), wire, S3Error.INCOMPLETE_BODY);
    }

    @Test
    void consumerCancellingMidBodyLeaksNothing() {
        // Small chunks in big buffers: the cancel leaves slices of the current buffer undelivered.
        byte[] wire = new AwsChunkedEncoder(100, SIGNER, ChecksumAlgorithm.CRC32).encode(DATA);

        decoder(SIGNER, true, ChecksumAlgorithm.CRC32, DATA.length).decode(pieces.split(wire, 64 * 1024))
                .take(5)
                .doOnNext(DataBufferUtils::release)
                .blockLast();
    }

    private static AwsChunkedDecoder decoder(ChunkSigner signer, boolean signedTrailer, ChecksumAlgorithm trailer,
                                             long decodedLength) {
        return new AwsChunkedDecoder(new AwsChunkedDecoder.Settings(signer, signedTrailer, trailer, decodedLength));
    }

    private void assertFails(AwsChunkedDecoder decoder, byte[] wire, S3Error expected) {
        for (int pieceSize : new int[] {1, 4096}) {
            assertThatThrownBy(() -> drain(decoder.decode(pieces.split(wire, pieceSize))))
                    .as("%d-byte buffers", pieceSize)
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(expected));
        }
    }
}
