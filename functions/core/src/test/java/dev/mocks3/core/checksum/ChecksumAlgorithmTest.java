package dev.mocks3.core.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;

class ChecksumAlgorithmTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CRC32, cbf43926",
            "CRC32C, e3069283",
            "CRC64NVME, ae8b14860a799888",
            "SHA1, f7c3bc1d808e04732adf679965ccc34ca7ae3441",
            "SHA256, 15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225",
            "MD5, 25f9e794323b453885f5181f1b624d0b"})
    void standardCheckValueOf123456789(ChecksumAlgorithm algorithm, String hex) {
        RunningChecksum checksum = algorithm.start();
        checksum.update(ByteBuffer.wrap("12345".getBytes(StandardCharsets.US_ASCII)));
        checksum.update(ByteBuffer.wrap("6789".getBytes(StandardCharsets.US_ASCII)));

        assertThat(HexFormat.of().formatHex(checksum.finish())).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CRC32", "CRC32C", "SHA1", "SHA256", "MD5"})
    void base64AgreesWithTheAwsSdk(String name) {
        byte[] data = new byte[100_003];
        new Random(7).nextBytes(data);
        ChecksumAlgorithm ours = ChecksumAlgorithm.valueOf(name);
        SdkChecksum sdk = SdkChecksum.forAlgorithm(switch (name) {
            case "CRC32" -> DefaultChecksumAlgorithm.CRC32;
            case "CRC32C" -> DefaultChecksumAlgorithm.CRC32C;
            case "SHA1" -> DefaultChecksumAlgorithm.SHA1;
            case "SHA256" -> DefaultChecksumAlgorithm.SHA256;
            default -> DefaultChecksumAlgorithm.MD5;
        });
        sdk.update(data, 0, data.length);
        RunningChecksum checksum = ours.start();
        checksum.update(ByteBuffer.wrap(data));

        assertThat(ours.base64(checksum.finish())).isEqualTo(Base64.getEncoder().encodeToString(sdk.getChecksumBytes()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
            "x-amz-checksum-crc32, CRC32",
            "X-Amz-Checksum-CRC32C, CRC32C",
            "x-amz-checksum-crc64nvme, CRC64NVME",
            "x-amz-checksum-sha256, SHA256",
            "x-amz-checksum-type, none",
            "x-amz-checksum-algorithm, none",
            "x-amz-checksum-md5, none",
            "content-md5, none"})
    void onlyValueHeadersNameAnAlgorithm(String header, ChecksumAlgorithm expected) {
        assertThat(ChecksumAlgorithm.forHeader(header).orElse(null)).isEqualTo(expected);
    }
}
