package dev.mocks3.s3.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.S3Operation;

/**
 * A PUT that gives its version a lock needs Content-MD5 or an actual checksum (an x-amz-checksum-*
 * value or trailer), as on S3: the algorithm named alone proves nothing about the bytes. This holds
 * wherever the request comes from, also on an instance without the auth stage in front.
 */
class WriteLockTest {
    private static final Optional<String> LOCK_ENABLED = Optional.of(ObjectLockConfiguration.ENABLED.xml());

    @Test
    void anSdkChecksumAlgorithmAloneIsNoIntegrityCheck() {
        HttpHeaders headers = retention();
        headers.set("x-amz-sdk-checksum-algorithm", "CRC32");
        S3Exception refused = catchThrowableOfType(S3Exception.class,
                () -> WriteLock.apply(Map.of(), S3Operation.PUT_OBJECT, headers, LOCK_ENABLED));
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo("InvalidRequest");
        assertThat(refused.getMessage()).contains("Content-MD5 OR x-amz-checksum- HTTP header is required");

        HttpHeaders part = new HttpHeaders();
        part.set("x-amz-sdk-checksum-algorithm", "CRC32");
        part.set("x-amz-checksum-algorithm", "CRC32");
        Map<String, String> locked = WriteLock.apply(Map.of(), S3Operation.CREATE_MULTIPART_UPLOAD, retention(), LOCK_ENABLED);
        assertThat(catchThrowableOfType(S3Exception.class, () -> WriteLock.checkPart(locked, part)).code())
                .isEqualTo("InvalidRequest");
    }

    @Test
    void checksumHeadersThatCarryNoValueAreNoIntegrityCheck() {
        for (String name : new String[] {"x-amz-checksum-type", "x-amz-checksum-mode", "x-amz-checksum-algorithm"}) {
            HttpHeaders headers = retention();
            headers.set(name, "FULL_OBJECT");
            assertThat(catchThrowableOfType(S3Exception.class,
                    () -> WriteLock.apply(Map.of(), S3Operation.PUT_OBJECT, headers, LOCK_ENABLED)).code())
                    .as(name).isEqualTo("InvalidRequest");
        }
    }

    @Test
    void contentMd5OrAChecksumValueOrTrailerIsOne() {
        for (Map.Entry<String, String> check : Map.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==",
                "x-amz-checksum-crc32", "AAAAAA==", "x-amz-trailer", "x-amz-checksum-crc32c").entrySet()) {
            HttpHeaders headers = retention();
            headers.set(check.getKey(), check.getValue());
            assertThat(ObjectLock.of(WriteLock.apply(Map.of(), S3Operation.PUT_OBJECT, headers, LOCK_ENABLED)).mode())
                    .as(check.getKey()).isEqualTo(RetentionMode.GOVERNANCE);
        }
    }

    private static HttpHeaders retention() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(ObjectLock.MODE, "GOVERNANCE");
        headers.set(ObjectLock.RETAIN_UNTIL, Instant.now().plus(1, ChronoUnit.DAYS).toString());
        return headers;
    }
}
