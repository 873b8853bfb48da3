package dev.mocks3.faults.engine;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.routing.S3Operation;

/**
 * What the conditions look at, read from an {@link S3Call} without copying: the engine runs on
 * every request, so anything costly (region, part number) is worked out only when asked.
 *
 * @param size object size in bytes: the upload's Content-Length before the operation, the
 *             response's Content-Length after it; -1 when unknown
 */
public final class RequestFacts {
    private final S3Call call;
    private final long nowMillis;
    private final long size;
    private String region;

    public RequestFacts(S3Call call, long nowMillis, long size) {
        this.call = call;
        this.nowMillis = nowMillis;
        this.size = size;
    }

    /** Facts before the operation: the size is what an upload declares. */
    public static RequestFacts before(S3Call call, long nowMillis) {
        long size = -1;
        S3Operation op = call.operation();
        if (op != null && op.is(S3Operation.Trait.UPLOADS_BODY)) {
            String decoded = call.request().header("x-amz-decoded-content-length");
            size = decoded != null ? parseLong(decoded) : call.request().contentLength();
        }
        return new RequestFacts(call, nowMillis, size);
    }

    /** Facts after the operation: the size of what the response carries. */
    public static RequestFacts after(S3Call call, long nowMillis) {
        long size = -1;
        if (call.response() != null) {
            size = call.response().headers().getContentLength();
        }
        if (size < 0) {
            return before(call, nowMillis);
        }
        return new RequestFacts(call, nowMillis, size);
    }

    public S3Call call() {
        return call;
    }

    public S3Request request() {
        return call.request();
    }

    public S3Operation operation() {
        return call.operation();
    }

    public String bucket() {
        return call.request().bucket();
    }

    public String key() {
        return call.request().key();
    }

    /** The answer came from the bucket's upstream (known after the operation only). */
    public boolean readThrough() {
        return call.response() != null && call.response().fromUpstream();
    }

    public String method() {
        return call.request().method();
    }

    public String header(String lowerCaseName) {
        HttpHeaders h = call.request().headers();
        return h == null ? null : h.getFirst(lowerCaseName);
    }

    public String queryParam(String name) {
        MultiValueMap<String, String> q = call.request().query();
        if (q == null) {
            return null;
        }
        String v = q.getFirst(name);
        // "?uploads" and friends have no value; present with an empty value
        return v == null && q.containsKey(name) ? "" : v;
    }

    public InetAddress remoteAddress() {
        InetSocketAddress a = call.request().remoteAddress();
        return a == null ? null : a.getAddress();
    }

    public String accessKey() {
        return call.accessKey();
    }

    public long size() {
        return size;
    }

    public long nowMillis() {
        return nowMillis;
    }

    public int partNumber() {
        String v = queryParam("partNumber");
        if (v == null || v.isEmpty()) {
            return -1;
        }
        long n = parseLong(v);
        return n > Integer.MAX_VALUE ? -1 : (int) n;
    }

    /** The region of the SigV4 credential scope ({@code AKID/20250101/us-east-1/s3/aws4_request}), or null. */
    public String region() {
        if (region == null) {
            String credential = null;
            String auth = header("authorization");
            if (auth != null) {
                int i = auth.indexOf("Credential=");
                if (i >= 0) {
                    int end = auth.indexOf(',', i);
                    credential = auth.substring(i + 11, end < 0 ? auth.length() : end);
                }
            } else {
                credential = queryParam("X-Amz-Credential");
            }
            String[] parts = credential == null ? new String[0] : credential.split("/");
            region = parts.length >= 3 ? parts[2] : "";
        }
        return region.isEmpty() ? null : region;
    }

    /**
     * What makes two requests "the same request" for a seeded decision: operation, bucket, key and
     * part number (not the upload id, which is new on every run).
     */
    public String identity() {
        return identity(operation().s3Name(), bucket(), key(), partNumber());
    }

    public static String identity(String operation, String bucket, String key, int partNumber) {
        return operation + "/" + (bucket == null ? "" : bucket) + "/" + (key == null ? "" : key) + "#" + partNumber;
    }

    /** The multipart upload this request belongs to, or null. */
    public String uploadId() {
        String id = queryParam("uploadId");
        return id == null || id.isEmpty() ? null : id;
    }

    /** The value request-count conditions scoped per key count under: bucket/key. */
    public String counterKey() {
        String b = bucket();
        String k = key();
        return (b == null ? "" : b) + "/" + (k == null ? "" : k);
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
