package dev.mocks3.s3.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedCaseInsensitiveMap;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.checksum.ObjectChecksum;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.http.HttpDates;
import dev.mocks3.core.metadata.MetadataValues;
import dev.mocks3.core.metadata.StoredHeaders;
import dev.mocks3.core.tagging.TagSet;
import dev.mocks3.state.metadata.ObjectDraft;
import dev.mocks3.state.metadata.ObjectRecord;

/**
 * Which request headers become stored object metadata, and how stored metadata is written back
 * as response headers (with the {@code response-*} query overrides of GetObject).
 */
public final class ObjectHeaders {
    public static final String META_PREFIX = "x-amz-meta-";
    static final int MAX_USER_METADATA_BYTES = 2048;
    /** Stored headers under this prefix are settings kept with the object (its ACL, an SSE-C key's hash), never sent. */
    /** Representation headers S3 stores with an object and returns on GET/HEAD. */
    public static final List<String> STORED = List.of("Content-Encoding", "Content-Disposition", "Content-Language",
            "Cache-Control", "Expires", "x-amz-website-redirect-location");
    private static final Map<String, String> OVERRIDES = Map.of(
            "response-content-type", "Content-Type",
            "response-content-language", "Content-Language",
            "response-expires", "Expires",
            "response-cache-control", "Cache-Control",
            "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding");
    private static final List<String> STORAGE_CLASSES = List.of("STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA",
            "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "OUTPOSTS", "GLACIER_IR", "SNOW",
            "EXPRESS_ONEZONE");

    private ObjectHeaders() {
    }

    public static final String VERSION_ID = "x-amz-version-id";
    public static final String TAGGING = "x-amz-tagging";

    /** The metadata a PUT, a multipart create or a REPLACE copy declares, tags from x-amz-tagging. */
    public static ObjectDraft draft(S3Request request, String bucket, String key, String owner) {
        HttpHeaders headers = request.headers();
        Map<String, String> stored = new TreeMap<>();
        for (String name : STORED) {
            String value = headers.getFirst(name);
            if (value != null) {
                stored.put(name, value);
            }
        }
        return new ObjectDraft(bucket, key, headers.getFirst(HttpHeaders.CONTENT_TYPE), stored,
                userMetadata(headers), storageClass(headers), owner, TagSet.fromHeader(headers.getFirst(TAGGING)));
    }

    /** The x-amz-meta-* values by name; MetadataTooLarge over S3's 2 KB (UTF-8 bytes of every name and value). */
    public static Map<String, String> userMetadata(HttpHeaders headers) {
        Map<String, String> meta = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(META_PREFIX) && !values.isEmpty()) {
                meta.put(lower.substring(META_PREFIX.length()), MetadataValues.stored(String.join(",", values)));
            }
        });
        long size = meta.entrySet().stream().mapToLong(entry -> utf8Length(entry.getKey()) + utf8Length(entry.getValue())).sum();
        if (size > MAX_USER_METADATA_BYTES) {
            throw S3Error.METADATA_TOO_LARGE.exception().with("Size", Long.toString(size))
                    .with("MaxSizeAllowed", Integer.toString(MAX_USER_METADATA_BYTES));
        }
        return meta;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    public static String storageClass(HttpHeaders headers) {
        String value = headers.getFirst("x-amz-storage-class");
        if (value == null) {
            return "STANDARD";
        }
        if (!STORAGE_CLASSES.contains(value)) {
            throw S3Error.INVALID_STORAGE_CLASS.exception();
        }
        return value;
    }

    /** x-amz-version-id for an object that has a version id (none for the null version). */
    public static void versionId(HttpHeaders out, ObjectRecord object) {
        if (object.versionId() != null) {
            out.set(VERSION_ID, object.versionId());
        }
    }

    /** Headers of a GET or HEAD answer for this object. */
    public static HttpHeaders forRead(ObjectRecord object, S3Request request) {
        // sized for the usual answer and the headers added after (range, expiration, CORS): no rehashing on the way
        HttpHeaders out = new HttpHeaders(CollectionUtils.toMultiValueMap(new LinkedCaseInsensitiveMap<>(24, Locale.ENGLISH)));
        out.set(HttpHeaders.ETAG, object.quotedEtag());
        out.set(HttpHeaders.LAST_MODIFIED, HttpDates.format(object.lastModified()));
        out.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        out.set(HttpHeaders.CONTENT_TYPE, object.contentType() == null ? "application/octet-stream" : object.contentType());
        object.headers().forEach((name, value) -> {
            if (!StoredHeaders.internal(name)) {
                out.set(name, value);
            }
        });
        object.userMetadata().forEach((name, value) -> out.set(META_PREFIX + name, MetadataValues.mailSafe(value)));
        if (!"STANDARD".equals(object.storageClass())) {
            out.set("x-amz-storage-class", object.storageClass());
        }
        versionId(out, object);
        if (!object.tags().isEmpty()) {
            out.set("x-amz-tagging-count", Integer.toString(object.tags().size()));
        }
        if ("ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode")) && request.header(HttpHeaders.RANGE) == null
                && request.queryParam("partNumber") == null) {
            // S3 sends whole-object checksums only for whole-object reads (no range, no part); clients then verify the body
            ObjectChecksum.from(object.checksums()).ifPresent(checksum -> checksum.writeTo(out));
        }
        OVERRIDES.forEach((param, header) -> {
            String value = request.queryParam(param);
            if (value != null) {
                out.set(header, value);
            }
        });
        return out;
    }
}
