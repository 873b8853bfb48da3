package dev.mocks3.core.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.mocks3.core.call.S3Request;

import reactor.core.publisher.Flux;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests with the AWS SDK v2's own SigV4 signer, as S3 clients do, and turns them into
 * the {@link S3Request} MockS3 sees. Shared by the auth and aws-chunked tests.
 */
public final class SdkSigning {
    public static final Instant NOW = Instant.parse("2024-05-24T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String ACCESS_KEY = "test";
    public static final String SECRET = "test";

    private SdkSigning() {
    }

    public static SigV4Verifier verifier() {
        return verifier(CLOCK);
    }

    public static SigV4Verifier verifier(Clock clock) {
        return new SigV4Verifier(AccessKeys.defaults(), clock);
    }

    public static SdkHttpFullRequest.Builder request(SdkHttpMethod method, String pathAndQuery) {
        URI uri = URI.create("https://localhost:9000" + pathAndQuery);
        SdkHttpFullRequest.Builder builder = SdkHttpFullRequest.builder().method(method).uri(uri);
        return builder;
    }

    /** Signs in the Authorization header; the payload hash is signed unless the options turn it off. */
    public static SignedRequest sign(SdkHttpRequest request, byte[] payload,
                                     Consumer<SignRequest.Builder<AwsCredentialsIdentity>> options) {
        return sign(request, payload, SECRET, options);
    }

    public static SignedRequest sign(SdkHttpRequest request, byte[] payload, String secret,
                                     Consumer<SignRequest.Builder<AwsCredentialsIdentity>> options) {
        return AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(ACCESS_KEY, secret))
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-3")
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK);
            if (payload != null) {
                r.payload(ContentStreamProvider.fromByteArray(payload));
            }
            options.accept(r);
        });
    }

    /** The bytes the SDK would send as the body of {@code signed} (aws-chunked encoded when chunking). */
    public static byte[] wireBody(SignedRequest signed) {
        return signed.payload().map(provider -> {
            try (InputStream in = provider.newStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(new byte[0]);
    }

    /** The request as the dispatcher hands it to the functions: path-style bucket and key. */
    public static S3Request toS3Request(SdkHttpRequest signed, Flux<DataBuffer> body) {
        URI uri = signed.getUri();
        HttpHeaders headers = new HttpHeaders();
        signed.forEachHeader(headers::addAll);
        if (!headers.containsKey(HttpHeaders.HOST)) {
            headers.set(HttpHeaders.HOST, uri.getHost() + ":" + uri.getPort());
        }
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        signed.forEachRawQueryParameter((name, values) -> values.forEach(v -> query.add(name, v == null ? "" : v)));
        String path = uri.getPath();
        String[] parts = path.substring(1).split("/", 2);
        String bucket = parts[0].isEmpty() ? null : parts[0];
        String key = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        return new S3Request("req-1", signed.method().name(), headers.getFirst(HttpHeaders.HOST), uri.getRawPath(),
                uri.getRawQuery(), bucket, key, query, headers, body, null, NOW);
    }
}
