package dev.mocks3.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One MockS3 for the whole test run: the local runner on its embedded PostgreSQL and Redis
 * (or the ones MOCKS3_R2DBC_URL / MOCKS3_REDIS_URL name), on a free port, with a fresh data folder.
 * Tests share it and keep out of each other's way by using their own buckets.
 */
public final class MockS3Fixture {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    /** A second configured key: another owner (its buckets are not the default key's). */
    public static final String OTHER_KEY = "other";
    public static final String OTHER_SECRET = "other-secret";
    private static MockS3Fixture shared;

    private final LocalRunner runner;
    private final Path dataDir;
    private final S3Client s3;
    private final S3AsyncClient s3Async;
    private final S3AsyncClient s3AsyncMultipart;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MockS3Fixture() {
        dataDir = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
        // the drive's quota and multipart threshold are small, so that tests reach them with small files
        runner = LocalRunner.start(Map.of("server.port", "0", "mocks3.storage.data-dir", dataDir.toString(),
                "mocks3.faults.api-port", "0", "mocks3.drive.default-quota", "64MB", "mocks3.drive.multipart-threshold", "16MB",
                "mocks3.auth.keys." + ACCESS_KEY, SECRET_KEY, "mocks3.auth.keys." + OTHER_KEY, OTHER_SECRET));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        s3 = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
                .forcePathStyle(true).build();
        s3Async = S3AsyncClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).forcePathStyle(true).build();
        s3AsyncMultipart = S3AsyncClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).forcePathStyle(true).multipartEnabled(true).build();
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close));
    }

    public static synchronized MockS3Fixture shared() {
        if (shared == null) {
            shared = new MockS3Fixture();
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + runner.port());
    }

    public URI uri(String pathAndQuery) {
        return URI.create(endpoint() + pathAndQuery);
    }

    public S3Client s3() {
        return s3;
    }

    public S3AsyncClient s3Async() {
        return s3Async;
    }

    /** The async client with the SDK's own multipart transfers: a download reads the object part by part (partNumber). */
    public S3AsyncClient s3AsyncMultipart() {
        return s3AsyncMultipart;
    }

    /**
     * A client of the MockS3 at {@code endpoint} that makes one attempt per request (no retries),
     * so each request's fate is seen as is.
     */
    public static S3Client singleAttemptClient(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    /** A client of this MockS3 signing with another key (one attempt per request). */
    public S3Client client(String accessKey, String secret) {
        return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    public S3Presigner presigner() {
        return S3Presigner.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    public HttpClient http() {
        return http;
    }

    public LocalRunner runner() {
        return runner;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The settings of another MockS3 on this one's PostgreSQL, Redis and data folder, on ports of its own. */
    public Map<String, Object> anotherInstanceSettings() {
        org.springframework.core.env.Environment env = runner.context().getEnvironment();
        Map<String, Object> settings = new java.util.HashMap<>();
        for (String key : java.util.List.of("spring.r2dbc.url", "spring.r2dbc.username", "spring.r2dbc.password",
                "spring.flyway.url", "spring.flyway.user", "spring.flyway.password", "mocks3.redis.address", "mocks3.redis.password",
                "mocks3.storage.data-dir")) {
            settings.put(key, env.getRequiredProperty(key));
        }
        settings.put("server.port", "0");
        settings.put("mocks3.faults.api-port", "0");
        return settings;
    }

    public <T> T bean(Class<T> type) {
        return runner.context().getBean(type);
    }

    /** A bucket name no other test uses. */
    public static String uniqueBucket(String purpose) {
        return (purpose + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
    }

    /** Creates a fresh bucket through the SDK and returns its name. */
    public String newBucket(String purpose) {
        String name = uniqueBucket(purpose);
        s3.createBucket(b -> b.bucket(name));
        return name;
    }
}
