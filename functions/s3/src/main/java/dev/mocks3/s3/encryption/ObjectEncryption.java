package dev.mocks3.s3.encryption;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.metadata.StoredHeaders;

/**
 * An object's encryption settings, kept among its stored headers so that GET and HEAD echo them
 * as S3 does: SSE-S3 ({@code AES256}), SSE-KMS ({@code aws:kms} with a key id and the bucket-key
 * flag) or SSE-C (the algorithm and the key's MD5, plus a salted hash of the key under an internal
 * name that is never sent). Bytes are stored plain; an SSE-C object is served only with its key.
 */
public final class ObjectEncryption {
    public static final String SSE = "x-amz-server-side-encryption";
    public static final String KMS_KEY_ID = "x-amz-server-side-encryption-aws-kms-key-id";
    public static final String BUCKET_KEY_ENABLED = "x-amz-server-side-encryption-bucket-key-enabled";
    public static final String CUSTOMER_ALGORITHM = "x-amz-" + CustomerKey.ALGORITHM;
    public static final String CUSTOMER_KEY_MD5 = "x-amz-" + CustomerKey.KEY_MD5;
    private static final String REQUEST_PREFIX = "x-amz-";
    private static final String COPY_SOURCE_PREFIX = "x-amz-copy-source-";
    /** What a response about the object carries (never the key's hash). */
    private static final List<String> ECHOED = List.of(SSE, KMS_KEY_ID, BUCKET_KEY_ENABLED, CUSTOMER_ALGORITHM, CUSTOMER_KEY_MD5);

    private ObjectEncryption() {
    }

    /**
     * The headers to store for an object this request writes: its own SSE or SSE-C headers,
     * checked as S3 checks them, or else the bucket's default (null: none).
     */
    public static Map<String, String> forWrite(HttpHeaders request, BucketEncryption bucketDefault) {
        String algorithm = request.getFirst(SSE);
        String kmsKeyId = request.getFirst(KMS_KEY_ID);
        CustomerKey customerKey = CustomerKey.from(request, REQUEST_PREFIX);
        Map<String, String> stored = new TreeMap<>();
        if (algorithm != null && !BucketEncryption.ALGORITHMS.contains(algorithm)) {
            throw S3Error.INVALID_ARGUMENT.exception("The encryption method specified is not supported")
                    .with("ArgumentName", SSE).with("ArgumentValue", algorithm);
        }
        boolean kms = algorithm != null && algorithm.startsWith("aws:kms");
        if (kmsKeyId != null && !kms) {
            throw S3Error.INVALID_ARGUMENT.exception("Server Side Encryption with AWS KMS managed key requires HTTP header "
                    + "x-amz-server-side-encryption : aws:kms").with("ArgumentName", SSE);
        }
        if (customerKey != null) {
            if (algorithm != null) {
                throw S3Error.INVALID_ARGUMENT.exception("Server Side Encryption with Customer provided key is incompatible "
                        + "with the encryption method specified").with("ArgumentName", SSE).with("ArgumentValue", algorithm);
            }
            stored.put(CUSTOMER_ALGORITHM, "AES256");
            stored.put(CUSTOMER_KEY_MD5, customerKey.keyMd5());
            stored.put(StoredHeaders.SSE_CUSTOMER_KEY_HASH, customerKey.hash());
        } else if (algorithm != null) {
            stored.put(SSE, algorithm);
            if (kms) {
                putIfPresent(stored, KMS_KEY_ID, kmsKeyId);
                if ("true".equalsIgnoreCase(request.getFirst(BUCKET_KEY_ENABLED))) {
                    stored.put(BUCKET_KEY_ENABLED, "true");
                }
            }
        } else if (bucketDefault != null) {
            stored.put(SSE, bucketDefault.algorithm());
            putIfPresent(stored, KMS_KEY_ID, bucketDefault.kmsKeyId());
            if (bucketDefault.bucketKeyEnabled() && bucketDefault.algorithm().startsWith("aws:kms")) {
                stored.put(BUCKET_KEY_ENABLED, "true");
            }
        }
        return stored;
    }

    /**
     * Refuses a GET or HEAD that names a server-side encryption method: S3 answers 400
     * InvalidArgument, since a read cannot choose how the object is encrypted (SSE-C keys are
     * checked by {@link #checkRead} instead).
     */
    public static void refuseMethodOnRead(HttpHeaders request) {
        String algorithm = request.getFirst(SSE);
        if (algorithm != null) {
            throw S3Error.INVALID_ARGUMENT.exception("x-amz-server-side-encryption header is not supported for this operation.")
                    .with("ArgumentName", SSE).with("ArgumentValue", algorithm);
        }
    }

    /** Refuses a read (GET, HEAD, UploadPart into the upload) that does not bring the object's SSE-C key. */
    public static void checkRead(Map<String, String> stored, HttpHeaders request) {
        check(stored, request, REQUEST_PREFIX);
    }

    /** Refuses a copy whose source is an SSE-C object unless it brings the key ({@code x-amz-copy-source-…}). */
    public static void checkCopySource(Map<String, String> stored, HttpHeaders request) {
        check(stored, request, COPY_SOURCE_PREFIX);
    }

    private static void check(Map<String, String> stored, HttpHeaders request, String prefix) {
        String hash = stored.get(StoredHeaders.SSE_CUSTOMER_KEY_HASH);
        CustomerKey given = CustomerKey.from(request, prefix);
        if (hash == null) {
            if (given != null) {
                throw S3Error.INVALID_REQUEST.exception("The encryption parameters are not applicable to this object.");
            }
            return;
        }
        if (given == null) {
            throw StoredHeaders.customerKeyRequired();
        }
        if (!given.matches(hash)) {
            throw S3Error.ACCESS_DENIED.exception();
        }
    }

    /** Sets the object's encryption headers on a response (PUT, copy, UploadPart, Complete). */
    public static void echo(Map<String, String> stored, HttpHeaders response) {
        for (String name : ECHOED) {
            String value = stored.get(name);
            if (value != null) {
                response.set(name, value);
            }
        }
    }

    /** The stored headers without any encryption setting: a copy takes its own. */
    public static Map<String, String> without(Map<String, String> stored) {
        Map<String, String> rest = new TreeMap<>(stored);
        ECHOED.forEach(rest::remove);
        rest.remove(StoredHeaders.SSE_CUSTOMER_KEY_HASH);
        return rest;
    }

    private static void putIfPresent(Map<String, String> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
