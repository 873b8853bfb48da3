package dev.mocks3.core.checksum;

import static dev.mocks3.core.chunked.BodyPieces.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import dev.mocks3.core.chunked.BodyPieces;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;

class ChecksumHeadersTest {
    private static final byte[] BODY = "the quick brown fox".getBytes(StandardCharsets.UTF_8);

    private final BodyPieces pieces = new BodyPieces();

    @AfterEach
    void everyBufferIsReleased() {
        pieces.assertAllReleased();
    }

    @Test
    void matchingContentMd5PassesTheBodyThrough() {
        DigestCheck check = ChecksumHeaders.of(headers("Content-MD5", base64(ChecksumAlgorithm.MD5, BODY)), true);

        assertThat(drain(check.apply(pieces.split(BODY, 4)))).isEqualTo(BODY);
    }

    @Test
    void otherContentMd5IsBadDigestAtTheEndOfTheBody() {
        DigestCheck check = ChecksumHeaders.of(headers("Content-MD5", base64(ChecksumAlgorithm.MD5, "x".getBytes())),
                true);

        assertFailsWith(check, S3Error.BAD_DIGEST);
    }

    @Test
    void contentMd5ThatIsNotAnMd5IsInvalidDigest() {
        assertThatThrownBy(() -> ChecksumHeaders.of(headers("Content-MD5", "bm90IGFuIG1kNQ=="), true))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_DIGEST));
    }

    @Test
    void matchingAmzChecksumPasses() {
        DigestCheck check = ChecksumHeaders.of(
                headers("x-amz-checksum-crc32c", base64(ChecksumAlgorithm.CRC32C, BODY)), true);

        assertThat(drain(check.apply(pieces.split(BODY, 1)))).isEqualTo(BODY);
    }

    @Test
    void otherAmzChecksumIsBadDigest() {
        DigestCheck check = ChecksumHeaders.of(
                headers("x-amz-checksum-sha256", base64(ChecksumAlgorithm.SHA256, "other".getBytes())), true);

        S3Exception error = assertFailsWith(check, S3Error.BAD_CHECKSUM);
        assertThat(error.code()).isEqualTo("BadDigest");
        assertThat(error.getMessage()).contains("SHA256");
    }

    @Test
    void twoAmzChecksumsAreInvalidRequest() {
        HttpHeaders two = headers("x-amz-checksum-crc32", base64(ChecksumAlgorithm.CRC32, BODY),
                "x-amz-checksum-sha1", base64(ChecksumAlgorithm.SHA1, BODY));

        assertThatThrownBy(() -> ChecksumHeaders.of(two, true))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_REQUEST));
    }

    @Test
    void amzChecksumOfTheWrongLengthIsInvalidRequest() {
        assertThatThrownBy(() -> ChecksumHeaders.of(headers("x-amz-checksum-crc32", "AAAAAAAA"), true))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_REQUEST));
    }

    @Test
    void amzChecksumThatDescribesTheWholeObjectIsNotCheckedAgainstTheBody() {
        DigestCheck check = ChecksumHeaders.of(headers("x-amz-checksum-crc32", "AAAAAA==", "x-amz-checksum-type",
                "COMPOSITE"), false);

        assertThat(check.isEmpty()).isTrue();
    }

    private S3Exception assertFailsWith(DigestCheck check, S3Error expected) {
        S3Exception[] caught = new S3Exception[1];
        assertThatThrownBy(() -> drain(check.apply(pieces.split(BODY, 3))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.error()).isEqualTo(expected);
                    caught[0] = e;
                });
        return caught[0];
    }

    private static String base64(ChecksumAlgorithm algorithm, byte[] bytes) {
        RunningChecksum checksum = algorithm.start();
        checksum.update(ByteBuffer.wrap(bytes));
        return algorithm.base64(checksum.finish());
    }

    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
