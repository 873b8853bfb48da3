package dev.mocks3.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;

import reactor.core.publisher.Mono;

/**
 * Legacy AWS Signature Version 2 ({@code Authorization: AWS key:signature}, and presigned
 * {@code ?AWSAccessKeyId=&Expires=&Signature=}), still sent by old tools. HMAC-SHA1, base64.
 */
final class SigV2Verifier {
    static final String SCHEME = "AWS ";

    /** The query parameters that are part of the signed resource; everything else is not. */
    private static final Set<String> SUB_RESOURCES = Set.of("acl", "accelerate", "analytics", "cors", "delete",
            "encryption", "intelligent-tiering", "inventory", "legal-hold", "lifecycle", "location", "logging",
            "metrics", "notification", "object-lock", "ownershipControls", "partNumber", "policy", "publicAccessBlock",
            "replication", "requestPayment", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
            "restore", "retention", "select", "select-type", "tagging", "torrent", "uploadId", "uploads", "versionId",
            "versioning", "versions", "website");

    private final AccessKeys keys;
    private final Clock clock;

    SigV2Verifier(AccessKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    static boolean isPresigned(S3Request request) {
        return request.hasQuery("AWSAccessKeyId") && request.hasQuery("Signature");
    }

    Mono<Verification> verifyHeader(S3Request request, String authorization) {
        String credentials = authorization.substring(SCHEME.length()).strip();
        int colon = credentials.lastIndexOf(':');
        if (colon <= 0) {
            throw S3Error.INVALID_ARGUMENT.exception("AWS authorization header is invalid.  Expected AwsAccessKeyId:signature")
                    .with("ArgumentName", "Authorization").with("ArgumentValue", authorization);
        }
        String amzDate = request.header("x-amz-date");
        String date = amzDate != null ? amzDate : request.header(HttpHeaders.DATE);
        Instant time = date == null ? null : AmzDate.parseHttpDate(date);
        if (time == null && date != null) {
            time = AmzDate.parse(date);
        }
        if (time == null) {
            throw S3Error.ACCESS_DENIED.exception("AWS authentication requires a valid Date or x-amz-date header");
        }
        SigV4Verifier.checkSkew(clock, time);
        // With x-amz-date present it is signed among the amz headers and the Date line stays empty.
        String dateLine = amzDate != null ? "" : date;
        return verified(request, credentials.substring(0, colon), credentials.substring(colon + 1), dateLine);
    }

    Mono<Verification> verifyPresigned(S3Request request) {
        String expires = request.queryParam("Expires");
        long expiresEpoch;
        try {
            expiresEpoch = Long.parseLong(expires == null ? "" : expires.strip());
        } catch (NumberFormatException e) {
            throw S3Error.ACCESS_DENIED.exception("Query-string authentication requires the Signature, Expires and "
                    + "AWSAccessKeyId parameters");
        }
        Instant now = clock.instant();
        if (now.getEpochSecond() > expiresEpoch) {
            throw S3Error.EXPIRED_TOKEN.exception()
                    .with("Expires", Instant.ofEpochSecond(expiresEpoch).toString())
                    .with("ServerTime", now.toString());
        }
        return verified(request, request.queryParam("AWSAccessKeyId"), request.queryParam("Signature"), expires);
    }

    private Mono<Verification> verified(S3Request request, String accessKey, String signature, String dateLine) {
        return keys.secretFor(accessKey)
                .switchIfEmpty(Mono.error(() -> S3Error.INVALID_ACCESS_KEY_ID.exception()
                        .with("AWSAccessKeyId", accessKey)))
                .map(secret -> {
                    String stringToSign = stringToSign(request, dateLine);
                    String bucketRootForm = bucketRootForm(request, dateLine);
                    if (!SigV4Verifier.matches(hmacSha1Base64(secret, stringToSign), signature)
                            && (bucketRootForm == null || !SigV4Verifier.matches(hmacSha1Base64(secret, bucketRootForm), signature))) {
                        throw S3Error.SIGNATURE_DOES_NOT_MATCH.exception()
                                .with("AWSAccessKeyId", accessKey)
                                .with("StringToSign", stringToSign)
                                .with("SignatureProvided", signature);
                    }
                    return new Verification(accessKey, PayloadMode.UNSIGNED, null, null);
                });
    }

    static String stringToSign(S3Request request, String dateLine) {
        return stringToSign(request, dateLine, request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath());
    }

    /**
     * For a path-style request to a bucket itself, the string to sign with the bucket's path the other
     * way round ({@code /bucket} and {@code /bucket/}): S3 takes both, and botocore signs {@code /bucket/}
     * while it sends {@code /bucket}. Null for any other request.
     */
    static String bucketRootForm(S3Request request, String dateLine) {
        String bucket = request.bucket();
        String path = request.rawPath();
        if (bucket == null || request.key() != null || path == null) {
            return null;
        }
        if (path.equals("/" + bucket)) {
            return stringToSign(request, dateLine, path + "/");
        }
        return path.equals("/" + bucket + "/") ? stringToSign(request, dateLine, "/" + bucket) : null;
    }

    private static String stringToSign(S3Request request, String dateLine, String path) {
        StringBuilder text = new StringBuilder(256)
                .append(request.method()).append('\n')
                .append(orEmpty(request.header("Content-MD5"))).append('\n')
                .append(orEmpty(request.header(HttpHeaders.CONTENT_TYPE))).append('\n')
                .append(dateLine).append('\n');
        Map<String, String> amzHeaders = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : request.headers().headerSet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-amz-")) {
                List<String> values = header.getValue().stream().map(String::strip).toList();
                amzHeaders.merge(name, String.join(",", values), (a, b) -> a + "," + b);
            }
        }
        amzHeaders.forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
        return text.append(resource(request, path)).toString();
    }

    private static String resource(S3Request request, String path) {
        StringBuilder resource = new StringBuilder();
        String bucket = request.bucket();
        String host = request.host() == null ? "" : request.host().toLowerCase(Locale.ROOT);
        if (bucket != null && host.startsWith(bucket.toLowerCase(Locale.ROOT) + ".")) {
            resource.append('/').append(bucket);
        }
        resource.append(path);
        Map<String, List<String>> signed = new TreeMap<>();
        request.query().forEach((name, values) -> {
            if (SUB_RESOURCES.contains(name)) {
                signed.put(name, values);
            }
        });
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : signed.entrySet()) {
            resource.append(separator).append(parameter.getKey());
            String value = parameter.getValue().isEmpty() ? null : parameter.getValue().get(0);
            if (value != null && !value.isEmpty()) {
                resource.append('=').append(value);
            }
            separator = '&';
        }
        return resource.toString();
    }

    static String hmacSha1Base64(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK ships HmacSHA1", e);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
