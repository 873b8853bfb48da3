package dev.mocks3.junit;

import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.mocks3.junit.faults.FaultRules;
import dev.mocks3.junit.faults.RulesApiAuth;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * MockS3 for a JUnit 5 test class:
 * <pre>{@code
 * @RegisterExtension
 * static MockS3Extension s3 = MockS3Extension.builder().build();
 * }</pre>
 * Before the class's first test it starts MockS3 in this JVM (embedded PostgreSQL and Redis, free ports),
 * or takes the JVM's shared one, or connects to a running one; it creates the {@link MockS3Buckets}.
 * After each test it removes every fault rule the test added through {@link #faults()} (and empties the
 * buckets when asked); after the last test it deletes the buckets and stops what it started.
 */
public final class MockS3Extension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final Region REGION = Region.US_EAST_1;
    private final Builder settings;
    private volatile Started started;
    private long startupMillis = -1;

    private MockS3Extension(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What one class holds while its tests run. */
    private record Started(MockS3Instance instance, Credentials credentials, SharedMockS3 shared, S3Client client,
                           S3AsyncClient asyncClient, FaultRules faults, List<String> classBuckets) {
    }

    // --- what a test uses ---

    /** The S3 endpoint, e.g. {@code http://localhost:41234} (path-style addressing). */
    public URI endpoint() {
        return started().instance().s3Endpoint();
    }

    /** The rules API, e.g. {@code http://localhost:41235}. */
    public URI rulesEndpoint() {
        return started().instance().rulesEndpoint();
    }

    /** The access key and secret this class signs with. */
    public Credentials credentials() {
        return started().credentials();
    }

    public Region region() {
        return REGION;
    }

    /** A client set up for this MockS3 (the SDK's default retries); closed after the class. */
    public S3Client client() {
        return started().client();
    }

    /** An asynchronous client set up for this MockS3; closed after the class. */
    public S3AsyncClient asyncClient() {
        return started().asyncClient();
    }

    /** A client builder with endpoint, region, credentials and path-style set, for clients of your own. */
    public S3ClientBuilder clientBuilder() {
        return S3Client.builder().endpointOverride(endpoint()).region(REGION)
                .credentialsProvider(credentials().provider()).forcePathStyle(true);
    }

    public S3AsyncClientBuilder asyncClientBuilder() {
        return S3AsyncClient.builder().endpointOverride(endpoint()).region(REGION)
                .credentialsProvider(credentials().provider()).forcePathStyle(true);
    }

    /** The fault-rules client; rules added through it are removed after each test. */
    public FaultRules faults() {
        return started().faults();
    }

    /** Deletes every object of the bucket. */
    public void emptyBucket(String bucket) {
        new BucketCleaner(client()).empty(bucket);
    }

    /** How long the class waited for MockS3 before its first test, in milliseconds. */
    public long startupMillis() {
        return startupMillis;
    }

    // --- the life cycle ---

    @Override
    public void beforeAll(ExtensionContext context) {
        long begin = System.nanoTime();
        Started ready = start(context);
        started = ready;
        startupMillis = (System.nanoTime() - begin) / 1_000_000;
        System.out.printf("[mocks3-junit] %s: MockS3 ready in %d ms (%s)%n",
                context.getRequiredTestClass().getSimpleName(), startupMillis, settings.describe());
        List<String> buckets = buckets(context.getRequiredTestClass());
        BucketCleaner cleaner = new BucketCleaner(ready.client());
        buckets.forEach(cleaner::create);
        ready.classBuckets().addAll(buckets);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (started == null) {
            throw new IllegalStateException("register the MockS3Extension in a static field, so it starts before the class");
        }
        BucketCleaner cleaner = new BucketCleaner(client());
        context.getTestMethod().map(MockS3Extension::buckets).orElse(List.of()).forEach(cleaner::create);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        faults().removeAdded();
        BucketCleaner cleaner = new BucketCleaner(client());
        context.getTestMethod().map(MockS3Extension::buckets).orElse(List.of()).forEach(cleaner::delete);
        if (settings.emptyBucketsAfterEach) {
            started().classBuckets().forEach(cleaner::empty);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Started done = started;
        started = null;
        if (done == null) {
            return;
        }
        try {
            done.faults().removeAdded();
            BucketCleaner cleaner = new BucketCleaner(done.client());
            if (done.shared() != null) {
                cleaner.deleteAll(); // in strict mode: every bucket of this key, so the next class gets it clean
            } else if (settings.s3Endpoint != null) {
                done.classBuckets().forEach(cleaner::delete);
            }
        } finally {
            done.client().close();
            done.asyncClient().close();
            if (done.shared() != null) {
                done.shared().release(done.credentials());
            } else {
                done.instance().close();
            }
        }
    }

    private Started start(ExtensionContext context) {
        if (settings.s3Endpoint != null) {
            MockS3Instance running = new MockS3Instance.Running(settings.s3Endpoint, settings.rulesEndpoint);
            return connect(running, settings.credentials, null, settings.rulesAuth(settings.credentials), null);
        }
        if (settings.shared) {
            SharedMockS3 shared = SharedMockS3.of(context);
            Credentials key = shared.lease();
            MockS3Instance view = new MockS3Instance.Running(shared.s3Endpoint(), shared.rulesEndpoint());
            return connect(view, key, shared, RulesApiAuth.signedWith(key.accessKey(), key.secretKey()), key.accessKey());
        }
        Map<String, String> properties = new LinkedHashMap<>(settings.properties);
        if (settings.strict) {
            properties.put("mocks3.auth.strict", "true");
        }
        EmbeddedMockS3 own = EmbeddedMockS3.start(properties);
        Credentials key = Credentials.defaults();
        return connect(own, key, null, RulesApiAuth.signedWith(key.accessKey(), key.secretKey()), null);
    }

    private static Started connect(MockS3Instance instance, Credentials key, SharedMockS3 shared, RulesApiAuth auth,
                                   String scopeAccessKey) {
        S3Client client = S3Client.builder().endpointOverride(instance.s3Endpoint()).region(REGION)
                .credentialsProvider(key.provider()).forcePathStyle(true).build();
        S3AsyncClient asyncClient = S3AsyncClient.builder().endpointOverride(instance.s3Endpoint()).region(REGION)
                .credentialsProvider(key.provider()).forcePathStyle(true).build();
        FaultRules faults = new FaultRules(instance.rulesEndpoint(), auth, scopeAccessKey);
        return new Started(instance, key, shared, client, asyncClient, faults, new CopyOnWriteArrayList<>());
    }

    private Started started() {
        Started s = started;
        if (s == null) {
            throw new IllegalStateException("MockS3 is not running: use it from a test of the class that registers it");
        }
        return s;
    }

    private static List<String> buckets(AnnotatedElement element) {
        MockS3Buckets buckets = element.getAnnotation(MockS3Buckets.class);
        return buckets == null ? List.of() : List.of(buckets.value());
    }

    /** How to get a MockS3 and what to do between tests. */
    public static final class Builder {
        private boolean shared;
        private boolean strict;
        private boolean emptyBucketsAfterEach;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private URI s3Endpoint;
        private URI rulesEndpoint;
        private Credentials credentials = Credentials.defaults();
        private String bearerToken;

        private Builder() {
        }

        /** One MockS3 for the test class (the default), started before its first test and stopped after its last. */
        public Builder perClass() {
            shared = false;
            return this;
        }

        /**
         * One MockS3 for every test class of the JVM that asks for it, started once. It runs in strict mode and
         * each class gets an access key of its own: its buckets and fault rules are its own, so classes may run
         * in parallel. Bucket names are still one namespace: parallel classes must not use the same names.
         */
        public Builder sharedPerJvm() {
            shared = true;
            return this;
        }

        /** Strict mode for a class's own MockS3: signed requests only, each key owns its buckets. */
        public Builder strict() {
            strict = true;
            return this;
        }

        /** A Spring property for a class's own MockS3, e.g. {@code mocks3.faults.seed}. */
        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        /** Empties the class's {@link MockS3Buckets} after each test, not only after the last. */
        public Builder emptyBucketsAfterEach() {
            emptyBucketsAfterEach = true;
            return this;
        }

        /** A MockS3 that is already running (started by hand, in a container, on a cluster). */
        public Builder running(URI s3Endpoint, URI rulesEndpoint) {
            this.s3Endpoint = s3Endpoint;
            this.rulesEndpoint = rulesEndpoint;
            return this;
        }

        /** The key to sign with on a running MockS3 (default {@code test}/{@code test}). */
        public Builder credentials(String accessKey, String secretKey) {
            this.credentials = new Credentials(accessKey, secretKey);
            return this;
        }

        /** Authenticates to a running MockS3's rules API with its bearer token instead of a signature. */
        public Builder rulesApiToken(String token) {
            this.bearerToken = token;
            return this;
        }

        public MockS3Extension build() {
            if (s3Endpoint != null && (shared || strict || !properties.isEmpty())) {
                throw new IllegalStateException("running(...) connects to a MockS3 as it is: no sharedPerJvm, strict or property");
            }
            return new MockS3Extension(this);
        }

        private RulesApiAuth rulesAuth(Credentials key) {
            return bearerToken != null ? RulesApiAuth.bearer(bearerToken) : RulesApiAuth.signedWith(key.accessKey(), key.secretKey());
        }

        private String describe() {
            return s3Endpoint != null ? "running at " + s3Endpoint : shared ? "shared by the JVM" : "own, per class";
        }
    }
}
