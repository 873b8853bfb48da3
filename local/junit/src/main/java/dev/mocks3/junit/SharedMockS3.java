package dev.mocks3.junit;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One MockS3 for every test class of the JVM that asks for it, in strict mode: each class leases an
 * access key of its own, so its buckets are its own (another key gets 403) and its fault rules apply
 * to its requests only. It stops when JUnit closes the root context, at the end of the run.
 */
final class SharedMockS3 implements ExtensionContext.Store.CloseableResource {
    static final int KEYS = 32;
    private static final long LEASE_TIMEOUT_MINUTES = 10;
    private final EmbeddedMockS3 instance;
    private final BlockingQueue<Credentials> keys;

    private SharedMockS3(EmbeddedMockS3 instance, BlockingQueue<Credentials> keys) {
        this.instance = instance;
        this.keys = keys;
    }

    /** The JVM's shared MockS3, started by the first class that asks. */
    static SharedMockS3 of(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedMockS3.class))
                .getOrComputeIfAbsent(SharedMockS3.class, type -> start(), SharedMockS3.class);
    }

    private static SharedMockS3 start() {
        SecureRandom random = new SecureRandom();
        BlockingQueue<Credentials> keys = new LinkedBlockingQueue<>();
        Map<String, String> settings = new HashMap<>();
        settings.put("mocks3.auth.strict", "true");
        for (int i = 1; i <= KEYS; i++) {
            byte[] secret = new byte[20];
            random.nextBytes(secret);
            Credentials key = new Credentials(String.format("mocks3-junit-%02d", i), HexFormat.of().formatHex(secret));
            settings.put("mocks3.auth.keys." + key.accessKey(), key.secretKey());
            keys.add(key);
        }
        return new SharedMockS3(EmbeddedMockS3.start(settings), keys);
    }

    URI s3Endpoint() {
        return instance.s3Endpoint();
    }

    URI rulesEndpoint() {
        return instance.rulesEndpoint();
    }

    /** A key no other running class holds; waits while all are taken. */
    Credentials lease() {
        try {
            Credentials key = keys.poll(LEASE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (key == null) {
                throw new IllegalStateException("all " + KEYS + " access keys of the shared MockS3 stayed leased for "
                        + LEASE_TIMEOUT_MINUTES + " minutes");
            }
            return key;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an access key", e);
        }
    }

    void release(Credentials key) {
        keys.add(key);
    }

    @Override
    public void close() {
        instance.close();
    }
}
