package dev.mocks3.core.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An S3 error on its way to the client: rendered as the S3 XML error document with the
 * table's HTTP status. Extra fields (BucketName, Key, ...) are added as XML elements.
 */
public final class S3Exception extends RuntimeException {
    private final S3Error error;
    private final String code;
    private final int status;
    private final String resource;
    private final Map<String, String> fields;
    private final Map<String, String> headers;

    public S3Exception(S3Error error, String message, String resource) {
        this(error, error.code(), error.status(), message, resource, Map.of(), Map.of());
    }

    private S3Exception(S3Error error, String code, int status, String message, String resource,
                        Map<String, String> fields, Map<String, String> headers) {
        super(message, null, false, false);
        this.error = error;
        this.code = code;
        this.status = status;
        this.resource = resource;
        this.fields = fields;
        this.headers = headers;
    }

    /** An error with any code and status, as a fault rule may ask for (e.g. 500 InternalError). */
    public static S3Exception custom(int status, String code, String message) {
        return new S3Exception(null, code, status, message, null, Map.of(), Map.of());
    }

    public S3Exception with(String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return new S3Exception(error, code, status, getMessage(), resource, copy, headers);
    }

    /** A response header S3 sends with this error (a 304 carries the object's ETag and Last-Modified). */
    public S3Exception withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new S3Exception(error, code, status, getMessage(), resource, fields, copy);
    }

    public S3Exception at(String newResource) {
        return new S3Exception(error, code, status, getMessage(), newResource, fields, headers);
    }

    /** The table entry, or null for a custom (injected) error. */
    public S3Error error() {
        return error;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String resource() {
        return resource;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
