package dev.mocks3.core.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.routing.PercentDecoding;

/**
 * The SigV4 canonical request of an S3 request. S3 encodes the path once (no double encoding,
 * no {@code ./..} normalisation); query keys and values are decoded and re-encoded the AWS way,
 * sorted by key then value.
 */
record CanonicalRequest(String method, String uri, String query, String headers, String signedHeaders,
                        String payloadHash) {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String SIGNATURE_PARAMETER = "X-Amz-Signature";

    /**
     * @param uri the canonical URI, from {@link #canonicalUri} or the path as sent
     * @param presigned drops X-Amz-Signature from the canonical query
     */
    static CanonicalRequest of(S3Request request, String uri, List<String> signedHeaders, String payloadHash,
                               boolean presigned) {
        StringBuilder headers = new StringBuilder(256);
        for (String name : signedHeaders) {
            headers.append(name).append(':').append(headerValue(request, name)).append('\n');
        }
        return new CanonicalRequest(request.method(), uri, canonicalQuery(request.rawQuery(), presigned),
                headers.toString(), String.join(";", signedHeaders), payloadHash);
    }

    String text() {
        return method + "\n" + uri + "\n" + query + "\n" + headers + "\n" + signedHeaders + "\n" + payloadHash;
    }

    /** The path with each segment re-encoded the AWS way, so that clients that leave e.g. {@code !} raw still match. */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String[] segments = rawPath.split("/", -1);
        StringBuilder uri = new StringBuilder(rawPath.length() + 16);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                uri.append('/');
            }
            uri.append(UriEncoding.encode(PercentDecoding.decode(segments[i]), false));
        }
        return uri.toString();
    }

    static String canonicalQuery(String rawQuery, boolean dropSignature) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            String key = PercentDecoding.decodeQueryComponent(eq < 0 ? parameter : parameter.substring(0, eq));
            String value = eq < 0 ? "" : PercentDecoding.decodeQueryComponent(parameter.substring(eq + 1));
            if (dropSignature && key.equals(SIGNATURE_PARAMETER)) {
                continue;
            }
            pairs.add(Map.entry(UriEncoding.encode(key, false), UriEncoding.encode(value, false)));
        }
        pairs.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringBuilder query = new StringBuilder(rawQuery.length() + 16);
        for (Map.Entry<String, String> pair : pairs) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(pair.getKey()).append('=').append(pair.getValue());
        }
        return query.toString();
    }

    private static String headerValue(S3Request request, String name) {
        List<String> values = request.headers().get(name);
        if ((values == null || values.isEmpty()) && name.equals("host") && request.host() != null) {
            values = List.of(request.host());
        }
        if (values == null) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            if (!joined.isEmpty()) {
                joined.append(',');
            }
            joined.append(SPACES.matcher(value.strip()).replaceAll(" "));
        }
        return joined.toString();
    }
}
