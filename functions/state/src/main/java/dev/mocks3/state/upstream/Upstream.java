package dev.mocks3.state.upstream;

import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a bucket's missing keys are read from (the seed's third-party service): another S3
 * endpoint through the AWS SDK v2 ({@code type: s3}, objects {@code <prefix><key>} of {@code bucket}),
 * or an HTTP base URL ({@code type: http}, objects at {@code <endpoint>/<prefix><key>}).
 *
 * @param endpoint for s3 the endpoint URL (blank: AWS itself), for http the base URL
 * @param pathStyle s3 only: path-style addressing (default true, as other S3-compatible stores want)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Upstream(@JsonProperty("type") String type, @JsonProperty("endpoint") String endpoint,
                       @JsonProperty("bucket") String bucket, @JsonProperty("region") String region,
                       @JsonProperty("access_key") String accessKey, @JsonProperty("secret_key") String secretKey,
                       @JsonProperty("prefix") String prefix, @JsonProperty("path_style") Boolean pathStyle) {
    public static final String S3 = "s3";
    public static final String HTTP = "http";

    public Upstream {
        type = type == null ? null : type.toLowerCase(Locale.ROOT);
        prefix = prefix == null ? "" : prefix;
        region = region == null || region.isBlank() ? "us-east-1" : region;
        pathStyle = pathStyle == null || pathStyle;
    }

    /** Checks the settings; the message says what is wrong. */
    public Upstream validated() {
        if (S3.equals(type)) {
            require(bucket != null && !bucket.isBlank(), "an s3 upstream needs its bucket");
            require(endpoint == null || endpoint.isBlank() || isHttpUrl(endpoint), "endpoint must be an http(s) URL");
            require((accessKey == null) == (secretKey == null), "access_key and secret_key go together");
        } else if (HTTP.equals(type)) {
            require(endpoint != null && isHttpUrl(endpoint), "an http upstream needs its endpoint, an http(s) URL");
        } else {
            throw new IllegalArgumentException("type must be \"s3\" or \"http\"");
        }
        return this;
    }

    /** As shown to whoever asks: without the secret key. */
    public Upstream withoutSecret() {
        return new Upstream(type, endpoint, bucket, region, accessKey, secretKey == null ? null : "****", prefix, pathStyle);
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void require(boolean holds, String message) {
        if (!holds) {
            throw new IllegalArgumentException(message);
        }
    }
}
