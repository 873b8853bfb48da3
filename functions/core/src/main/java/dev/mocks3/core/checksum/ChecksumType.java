package dev.mocks3.core.checksum;

import java.util.Locale;

import dev.mocks3.core.error.S3Error;

/**
 * How an object's checksum covers it: FULL_OBJECT is the checksum of all its bytes; COMPOSITE (multipart
 * uploads only) is the checksum of the parts' checksums, written {@code <base64>-<part count>}.
 */
public enum ChecksumType {
    FULL_OBJECT,
    COMPOSITE;

    /** The value of an {@code x-amz-checksum-type} header, or null when there is none. */
    public static ChecksumType parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw S3Error.INVALID_REQUEST.exception("Value for x-amz-checksum-type header is invalid.");
        }
    }
}
