package dev.mocks3.core.checksum;

import java.security.MessageDigest;
import java.util.function.Function;

import dev.mocks3.core.error.S3Exception;

/**
 * A digest the client promised for the body, and the error to answer when the body does not
 * match it.
 *
 * @param mismatch builds the error from the digest actually computed
 */
public record ExpectedDigest(ChecksumAlgorithm algorithm, byte[] value, Function<byte[], S3Exception> mismatch) {

    /** Null when {@code computed} matches, else the error to raise. */
    public S3Exception check(byte[] computed) {
        return MessageDigest.isEqual(value, computed) ? null : mismatch.apply(computed);
    }
}
