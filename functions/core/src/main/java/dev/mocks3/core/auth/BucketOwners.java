package dev.mocks3.core.auth;

import reactor.core.publisher.Mono;

/** Who owns a bucket: the access key that created it; reactive because buckets live in the database. */
@FunctionalInterface
public interface BucketOwners {

    /** The owner's access key (empty string for a bucket created anonymously), or empty when there is no such bucket. */
    Mono<String> ownerOf(String bucket);
}
