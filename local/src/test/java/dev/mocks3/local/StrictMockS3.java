package dev.mocks3.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.mocks3.faults.api.FaultsApiServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A MockS3 of a test class's own in strict mode, with two access keys ({@code a}, {@code b}) and a
 * rules API token, on free ports and a fresh data folder under target/.
 */
public final class StrictMockS3 implements AutoCloseable {
    public static final String KEY_A = "key-a";
    public static final String SECRET_A = "secret-a";
    public static final String KEY_B = "key-b";
    public static final String SECRET_B = "secret-b";
    public static final String API_TOKEN = "token-for-tests";
    private final LocalRunner runner;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public StrictMockS3() {
        Path dataDir = Path.of("target", "it-data", "strict-" + UUID.randomUUID()).toAbsolutePath();
        runner = LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString(), "mocks3.auth.strict", "true",
                "mocks3.auth.keys." + KEY_A, SECRET_A, "mocks3.auth.keys." + KEY_B, SECRET_B,
                "mocks3.faults.api-token", API_TOKEN));
    }

    public URI s3(String pathAndQuery) {
        return URI.create("http://localhost:" + runner.port() + pathAndQuery);
    }

    public URI api(String path) {
        return URI.create("http://localhost:" + runner.context().getBean(FaultsApiServer.class).port() + path);
    }

    /** An S3 client signing with this key, one attempt per request. */
    public S3Client client(String key, String secret) {
        return S3Client.builder().endpointOverride(s3("")).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    public SignedHttp signed(String key, String secret, String service) {
        return new SignedHttp(http, key, secret, service);
    }

    public HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        runner.close();
    }
}
