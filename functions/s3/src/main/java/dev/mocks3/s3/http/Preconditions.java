package dev.mocks3.s3.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.http.HttpDates;
import dev.mocks3.state.metadata.WriteCondition;

/**
 * If-Match / If-None-Match / If-Modified-Since / If-Unmodified-Since with S3's precedence: a
 * matching If-Match overrides a failing If-Unmodified-Since, and a non-matching If-None-Match
 * overrides a failing If-Modified-Since. The same rules, with different header names and
 * every failure a 412, guard the source of a copy.
 */
public record Preconditions(String ifMatch, String ifNoneMatch, Instant ifModifiedSince, Instant ifUnmodifiedSince) {

    public static Preconditions forRead(HttpHeaders headers) {
        return new Preconditions(headers.getFirst("If-Match"), headers.getFirst("If-None-Match"),
                HttpDates.parse(headers.getFirst("If-Modified-Since")),
                HttpDates.parse(headers.getFirst("If-Unmodified-Since")));
    }

    public static Preconditions forCopySource(HttpHeaders headers) {
        return new Preconditions(headers.getFirst("x-amz-copy-source-if-match"),
                headers.getFirst("x-amz-copy-source-if-none-match"),
                HttpDates.parse(headers.getFirst("x-amz-copy-source-if-modified-since")),
                HttpDates.parse(headers.getFirst("x-amz-copy-source-if-unmodified-since")));
    }

    /**
     * If-Match / If-None-Match on a write (PutObject, CompleteMultipartUpload), checked against the
     * object it would replace: 412 when it exists for If-None-Match: * or has another ETag for
     * If-Match, 404 NoSuchKey for If-Match when there is none (as AWS answers).
     */
    public static WriteCondition forWrite(HttpHeaders headers, String key) {
        String ifMatch = headers.getFirst("If-Match");
        String ifNoneMatch = headers.getFirst("If-None-Match");
        if (ifMatch == null && ifNoneMatch == null) {
            return WriteCondition.NONE;
        }
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw S3Error.NOT_IMPLEMENTED.exception("If-None-Match on a write accepts only *").with("Header", "If-None-Match");
        }
        return current -> {
            if (ifNoneMatch != null && current.isPresent()) {
                throw failed("If-None-Match");
            }
            if (ifMatch != null) {
                String etag = current.orElseThrow(() -> S3Error.NO_SUCH_KEY.exception().with("Key", key));
                if (!matches(ifMatch, etag)) {
                    throw failed("If-Match");
                }
            }
        };
    }

    /** If-Match on a delete, checked against the current object's ETag: 412 when it differs ({@code *} matches any). */
    public static void checkDelete(String ifMatch, String etag) {
        if (!matches(ifMatch, etag)) {
            throw failed("If-Match");
        }
    }

    /** Throws 412 PreconditionFailed or 304 NotModified (when {@code notModifiedAllowed}). */
    public void check(String etag, Instant lastModified, boolean notModifiedAllowed) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!matches(ifMatch, etag)) {
                throw failed("If-Match");
            }
        } else if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
            throw failed("If-Unmodified-Since");
        }
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, etag)) {
                throw notModifiedAllowed ? notModified(etag, modified) : failed("If-None-Match");
            }
        } else if (ifModifiedSince != null && !modified.isAfter(ifModifiedSince)) {
            throw notModifiedAllowed ? notModified(etag, modified) : failed("If-Modified-Since");
        }
    }

    /** 304 with the headers S3 sends on it: the object's ETag and Last-Modified. */
    private static S3Exception notModified(String etag, Instant modified) {
        return S3Error.NOT_MODIFIED.exception()
                .withHeader("ETag", etag.startsWith("\"") ? etag : "\"" + etag + "\"").withHeader("Last-Modified", HttpDates.format(modified));
    }

    private static S3Exception failed(String condition) {
        return S3Error.PRECONDITION_FAILED.exception().with("Condition", condition);
    }

    private static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (unquote(tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String tag) {
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }
}
