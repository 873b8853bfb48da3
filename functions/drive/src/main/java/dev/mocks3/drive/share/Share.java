package dev.mocks3.drive.share;

import java.time.Instant;

/** A share as stored: its public key, its owner, its code, when it ends (null: never), its counts. */
record Share(long id, String key, long userId, String code, Instant createdAt, Instant expiresAt, Long downloadLimit,
             long downloads, long saves) {

    boolean expiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
