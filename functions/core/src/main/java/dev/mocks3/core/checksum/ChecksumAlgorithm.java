package dev.mocks3.core.checksum;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import dev.mocks3.core.error.S3Error;

/**
 * The digests S3 checks a body against: the {@code x-amz-checksum-*} family (CRC32, CRC32C,
 * CRC64NVME, SHA1, SHA256) and Content-MD5. Values travel base64-encoded.
 */
public enum ChecksumAlgorithm {
    CRC32(4, () -> new ZipChecksum(new CRC32())),
    CRC32C(4, () -> new ZipChecksum(new CRC32C())),
    CRC64NVME(8, Crc64Nvme::new),
    SHA1(20, () -> new MessageDigestChecksum("SHA-1")),
    SHA256(32, () -> new MessageDigestChecksum("SHA-256")),
    MD5(16, () -> new MessageDigestChecksum("MD5"));

    private static final String HEADER_PREFIX = "x-amz-checksum-";

    private final int length;
    private final Supplier<RunningChecksum> factory;

    ChecksumAlgorithm(int length, Supplier<RunningChecksum> factory) {
        this.length = length;
        this.factory = factory;
    }

    public RunningChecksum start() {
        return factory.get();
    }

    /** Digest length in bytes. */
    public int length() {
        return length;
    }

    /** The {@code x-amz-checksum-*} header that carries this digest (MD5 travels in Content-MD5). */
    public String headerName() {
        return this == MD5 ? "content-md5" : HEADER_PREFIX + name().toLowerCase(Locale.ROOT);
    }

    /** The element that carries this checksum in S3's XML ({@code ChecksumCRC32}). */
    public String xmlElement() {
        return "Checksum" + name();
    }

    /** The name as S3 writes it in messages ({@code crc32c}). */
    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the parts' checksums of a multipart upload combine into the whole object's (the CRCs). */
    public boolean combinesFullObject() {
        return this == CRC32 || this == CRC32C || this == CRC64NVME;
    }

    /** Whether a multipart upload may use it as a checksum of its parts' checksums (all but CRC64NVME). */
    public boolean allowsComposite() {
        return this != CRC64NVME && this != MD5;
    }

    /** The {@code x-amz-checksum-*} algorithms, without Content-MD5. */
    public static List<ChecksumAlgorithm> amzChecksums() {
        return List.of(CRC32, CRC32C, CRC64NVME, SHA1, SHA256);
    }

    /** The algorithm an {@code x-amz-checksum-algorithm} or {@code x-amz-sdk-checksum-algorithm} value names, or null. */
    public static ChecksumAlgorithm requested(String value, String header) {
        if (value == null) {
            return null;
        }
        return named(value).filter(algorithm -> algorithm != MD5).orElseThrow(() -> S3Error.INVALID_REQUEST.exception(
                header.equals("x-amz-sdk-checksum-algorithm") ? "Value for x-amz-sdk-checksum-algorithm header is invalid."
                        : "Checksum algorithm provided is unsupported. Please try again with any of the valid types: "
                        + "[CRC32, CRC32C, CRC64NVME, SHA1, SHA256]"));
    }

    public String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    /** Decodes a base64 digest of this algorithm, or empty if it is not one. */
    public Optional<byte[]> decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.trim());
            return bytes.length == length ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The algorithm whose value header is {@code name} (e.g. {@code x-amz-checksum-crc32}); not Content-MD5. */
    public static Optional<ChecksumAlgorithm> forHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(HEADER_PREFIX)) {
            return Optional.empty();
        }
        return named(lower.substring(HEADER_PREFIX.length())).filter(algorithm -> algorithm != MD5);
    }

    /** The algorithm called {@code name} as in {@code x-amz-checksum-algorithm: CRC32C}, any case. */
    public static Optional<ChecksumAlgorithm> named(String name) {
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
