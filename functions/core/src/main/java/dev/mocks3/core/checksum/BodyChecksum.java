package dev.mocks3.core.checksum;

import java.util.Optional;

import dev.mocks3.core.call.S3Call;

/**
 * The {@code x-amz-checksum-*} a request declares for the object content in its body, in a header or
 * in the aws-chunked trailer that {@code x-amz-trailer} announces. The auth stage checks it as the
 * body streams; an operation reads {@link #value()} once the body has ended without error, so it is
 * the verified checksum, ready to be stored without computing it again.
 */
public final class BodyChecksum {
    public static final String ATTRIBUTE = "mocks3.bodyChecksum";
    private final ChecksumAlgorithm algorithm;
    private volatile String value;

    /** @param value the header's value, or null while it is still to come in the trailer */
    public BodyChecksum(ChecksumAlgorithm algorithm, String value) {
        this.algorithm = algorithm;
        this.value = value == null ? null : value.strip();
    }

    public static Optional<BodyChecksum> of(S3Call call) {
        return Optional.ofNullable(call.attribute(ATTRIBUTE));
    }

    public ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    /** The trailer's value, once it matched the body. */
    public void trailerMatched(String trailerValue) {
        this.value = trailerValue.strip();
    }

    /** The declared value (base64); empty while a trailer has not been read. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }
}
