package dev.mocks3.drive.upload;

import java.time.Duration;
import java.util.UUID;

import org.redisson.api.RBucketReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;

import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveException;
import reactor.core.publisher.Mono;

/**
 * Multipart callbacks that outlast the request (a 5 GiB object is re-read to hash it), in Redis: a
 * lease says which instance is verifying an upload now (renewed while it works, so a crashed one's
 * lease runs out and the next callback starts again), and the outcome waits for the client's next
 * callback. Every value names the user: another user's upload id finds nothing here.
 */
public final class UploadVerifications {
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration KEPT = Duration.ofHours(24);
    private static final String PREFIX = "mocks3:drive:verify:";
    private final RedissonReactiveClient redis;
    private final String instance = UUID.randomUUID().toString();

    public UploadVerifications(RedissonReactiveClient redis) {
        this.redis = redis;
    }

    /** How a verification ended: the file's id, or the error the callback answers. */
    record Outcome(Long fileId, DriveError error, String message) {
    }

    /** True when this instance now holds the upload's lease (nobody else is verifying it). */
    Mono<Boolean> claim(long user, String uploadId) {
        return lease(uploadId).setIfAbsent(user + ":" + instance, LEASE);
    }

    /** Whether some instance is verifying the user's upload now (another user's lease is nobody's business). */
    Mono<Boolean> underway(long user, String uploadId) {
        return lease(uploadId).get().map(owner -> owner.startsWith(user + ":")).defaultIfEmpty(false);
    }

    Mono<Void> renew(String uploadId) {
        return lease(uploadId).expire(LEASE).then();
    }

    Mono<Void> release(String uploadId) {
        return lease(uploadId).delete().then();
    }

    Mono<Void> finished(long user, String uploadId, long fileId) {
        return outcome(uploadId).set(user + ":file:" + fileId, KEPT);
    }

    Mono<Void> failed(long user, String uploadId, DriveException e) {
        return outcome(uploadId).set(user + ":error:" + e.error().name() + ":" + e.getMessage(), KEPT);
    }

    /**
     * The outcome of a finished verification of the user's upload. A file stays the answer of every
     * later callback; an error is answered once, and the callback after it starts again (quota or name
     * may have been freed meanwhile; refused bytes are gone with their upload, so that one answers 300008).
     */
    Mono<Outcome> take(long user, String uploadId) {
        return outcome(uploadId).get().flatMap(value -> {
            String[] parts = value.split(":", 4);
            if (parts.length < 3 || !parts[0].equals(Long.toString(user))) {
                return Mono.empty();
            }
            if (parts[1].equals("file")) {
                return Mono.just(new Outcome(Long.parseLong(parts[2]), null, null));
            }
            return forget(uploadId).thenReturn(new Outcome(null, DriveError.valueOf(parts[2]), parts.length > 3 ? parts[3] : ""));
        });
    }

    Mono<Void> forget(String uploadId) {
        return outcome(uploadId).delete().then();
    }

    private RBucketReactive<String> lease(String uploadId) {
        return redis.getBucket(PREFIX + "lease:" + uploadId, StringCodec.INSTANCE);
    }

    private RBucketReactive<String> outcome(String uploadId) {
        return redis.getBucket(PREFIX + "outcome:" + uploadId, StringCodec.INSTANCE);
    }
}
