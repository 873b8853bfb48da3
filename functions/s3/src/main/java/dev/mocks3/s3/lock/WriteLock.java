package dev.mocks3.s3.lock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.routing.S3Operation;

/**
 * The lock a write (PutObject, CopyObject, CreateMultipartUpload) gives the version it makes: its own
 * {@code x-amz-object-lock-*} headers, checked as S3 checks them, with the bucket's default retention
 * where it names no retention. A bucket without Object Lock refuses the headers.
 */
public final class WriteLock {
    private static final String INTEGRITY_REQUIRED = "Content-MD5 OR x-amz-checksum- HTTP header is required for "
            + "Put Object requests with Object Lock parameters";

    private WriteLock() {
    }

    /**
     * The stored headers with the lock this write gives its version; {@code bucketLock} is the bucket's
     * stored ObjectLockConfiguration, empty when Object Lock is not enabled.
     */
    public static Map<String, String> apply(Map<String, String> stored, S3Operation operation, HttpHeaders request,
                                            Optional<String> bucketLock) {
        String mode = request.getFirst(ObjectLock.MODE);
        String until = request.getFirst(ObjectLock.RETAIN_UNTIL);
        String hold = request.getFirst(ObjectLock.LEGAL_HOLD);
        boolean asked = mode != null || until != null || hold != null;
        if (bucketLock.isEmpty()) {
            if (asked) {
                throw S3Error.INVALID_REQUEST.exception("Bucket is missing ObjectLockConfiguration");
            }
            return stored;
        }
        Instant now = Instant.now();
        ObjectLock lock = mode == null && until == null
                ? ObjectLockConfiguration.stored(bucketLock.get()).defaultFor(now).orElse(ObjectLock.NONE)
                : retention(mode, until, now);
        if (hold != null) {
            if (!hold.equals("ON") && !hold.equals("OFF")) {
                throw S3Error.INVALID_ARGUMENT.exception("Legal Hold must be either of 'ON' or 'OFF'")
                        .with("ArgumentName", ObjectLock.LEGAL_HOLD).with("ArgumentValue", hold);
            }
            lock = lock.withLegalHold(hold.equals("ON"));
        }
        if (lock.equals(ObjectLock.NONE)) {
            return stored;
        }
        if (operation == S3Operation.PUT_OBJECT && !carriesIntegrityCheck(request)) {
            throw S3Error.INVALID_REQUEST.exception(INTEGRITY_REQUIRED);
        }
        return lock.applyTo(stored);
    }

    /** UploadPart into an upload whose object gets a lock: Content-MD5 or a checksum, as S3 requires. */
    public static void checkPart(Map<String, String> uploadHeaders, HttpHeaders request) {
        if (!ObjectLock.of(uploadHeaders).equals(ObjectLock.NONE) && !carriesIntegrityCheck(request)) {
            throw S3Error.INVALID_REQUEST.exception("Content-MD5 OR x-amz-checksum- HTTP header is required for "
                    + "Put Part requests with Object Lock parameters");
        }
    }

    private static ObjectLock retention(String mode, String until, Instant now) {
        if (mode == null || until == null) {
            throw S3Error.INVALID_ARGUMENT.exception("x-amz-object-lock-retain-until-date and x-amz-object-lock-mode "
                    + "must both be supplied").with("ArgumentName", mode == null ? ObjectLock.MODE : ObjectLock.RETAIN_UNTIL);
        }
        RetentionMode named = RetentionMode.named(mode);
        if (named == null) {
            throw S3Error.INVALID_ARGUMENT.exception("Unknown wormMode directive.").with("ArgumentName", ObjectLock.MODE)
                    .with("ArgumentValue", mode);
        }
        Instant date = date(until);
        if (date == null) {
            throw S3Error.INVALID_ARGUMENT.exception("The retain until date must be provided in ISO 8601 format")
                    .with("ArgumentName", ObjectLock.RETAIN_UNTIL).with("ArgumentValue", until);
        }
        requireFuture(date, now);
        return new ObjectLock(named, date, null);
    }

    /** An ISO 8601 date and time with its offset, to the millisecond S3 keeps; null when it is none. */
    static Instant date(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static void requireFuture(Instant date, Instant now) {
        if (!date.isAfter(now)) {
            throw S3Error.INVALID_ARGUMENT.exception("The retain until date must be in the future!")
                    .with("ArgumentName", ObjectLock.RETAIN_UNTIL);
        }
    }

    /**
     * Content-MD5, an x-amz-checksum-* header, or a checksum announced for the trailer; an
     * x-amz-sdk-checksum-algorithm alone names an algorithm but carries no value, so S3 does not count it.
     */
    private static boolean carriesIntegrityCheck(HttpHeaders request) {
        if (request.getFirst("Content-MD5") != null) {
            return true;
        }
        String trailer = request.getFirst("x-amz-trailer");
        if (trailer != null && trailer.toLowerCase(Locale.ROOT).contains("x-amz-checksum-")) {
            return true;
        }
        // a value header (x-amz-checksum-crc32, ...), not x-amz-checksum-mode, -type or -algorithm
        return request.keySet().stream().anyMatch(name -> ChecksumAlgorithm.forHeader(name).isPresent());
    }
}
