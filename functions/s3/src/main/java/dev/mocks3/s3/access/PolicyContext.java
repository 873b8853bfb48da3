package dev.mocks3.s3.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.tagging.TagSet;

/** The condition keys a request carries, keyed in lower case as IAM compares them, each with its values. */
final class PolicyContext {
    static final String EXISTING_OBJECT_TAG = "s3:existingobjecttag/";
    private PolicyContext() {
    }

    /**
     * @param existingTags the tags of the object version the request acts on, as {@code s3:ExistingObjectTag/<key>};
     *        empty when it names none or the policy asks for none
     */
    static Map<String, List<String>> of(S3Request request, Caller caller, Map<String, String> existingTags) {
        Map<String, List<String>> keys = new HashMap<>();
        // MockS3 speaks plain HTTP; a client-sent X-Forwarded-Proto is not trusted to say otherwise
        put(keys, "aws:securetransport", "false");
        put(keys, "aws:principaltype", caller.anonymous() ? "Anonymous" : "Account");
        if (!caller.anonymous()) {
            put(keys, "aws:principalaccount", caller.accountId());
            put(keys, "aws:username", caller.accessKey());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        put(keys, "aws:currenttime", now.toString());
        put(keys, "aws:epochtime", Long.toString(now.getEpochSecond()));
        if (request.remoteAddress() != null && request.remoteAddress().getAddress() != null) {
            put(keys, "aws:sourceip", request.remoteAddress().getAddress().getHostAddress());
        }
        put(keys, "aws:referer", request.header("Referer"));
        put(keys, "aws:useragent", request.header("User-Agent"));
        put(keys, "s3:prefix", request.queryParam("prefix"));
        put(keys, "s3:delimiter", request.queryParam("delimiter"));
        put(keys, "s3:max-keys", request.queryParam("max-keys"));
        for (String header : new String[] {"x-amz-acl", "x-amz-server-side-encryption", "x-amz-content-sha256",
                "x-amz-copy-source", "x-amz-metadata-directive", "x-amz-storage-class",
                "x-amz-server-side-encryption-aws-kms-key-id", "x-amz-server-side-encryption-customer-algorithm"}) {
            put(keys, "s3:" + header, request.header(header));
        }
        AclHeaders.GRANT_ORDER.forEach(header -> put(keys, "s3:" + header, request.header(header)));
        existingTags.forEach((key, value) -> put(keys, EXISTING_OBJECT_TAG + key, value));
        Map<String, String> requestTags = requestTags(request.header("x-amz-tagging"));
        requestTags.forEach((key, value) -> put(keys, "s3:requestobjecttag/" + key, value));
        if (!requestTags.isEmpty()) {
            keys.put("s3:requestobjecttagkeys", List.copyOf(requestTags.keySet()));
        }
        return keys;
    }

    /** The tags of {@code x-amz-tagging}; none when it is absent or malformed (the operation refuses that). */
    private static Map<String, String> requestTags(String header) {
        if (header == null) {
            return Map.of();
        }
        try {
            return TagSet.fromHeader(header);
        } catch (S3Exception | IllegalArgumentException malformed) {
            return Map.of();
        }
    }

    private static void put(Map<String, List<String>> keys, String key, String value) {
        if (value != null) {
            keys.put(key.toLowerCase(Locale.ROOT), List.of(value));
        }
    }
}
