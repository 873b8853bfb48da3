package dev.mocks3.core.auth;

import java.util.ArrayList;
import java.util.List;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.routing.CopySource;
import dev.mocks3.core.routing.S3Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code x-amz-expected-bucket-owner} (and {@code x-amz-source-expected-bucket-owner} on copies):
 * when the bucket exists and its owner's {@link AccountId} is not the one named, S3 refuses the
 * request with 403 AccessDenied. A missing bucket is left to the operation (NoSuchBucket).
 */
final class ExpectedBucketOwner {
    static final String HEADER = "x-amz-expected-bucket-owner";
    static final String SOURCE_HEADER = "x-amz-source-expected-bucket-owner";

    private final BucketOwners owners;

    ExpectedBucketOwner(BucketOwners owners) {
        this.owners = owners;
    }

    Mono<S3Call> check(S3Call call) {
        List<Expectation> expectations = expectations(call);
        if (expectations.isEmpty()) {
            return Mono.just(call);
        }
        return Flux.fromIterable(expectations)
                .concatMap(expected -> owners.ownerOf(expected.bucket())
                        .filter(owner -> !AccountId.of(CallOwner.resolve(owner, call)).equals(expected.accountId())))
                .next()
                .<S3Call>flatMap(owner -> Mono.error(S3Error.ACCESS_DENIED.at(call.request().resource())))
                .defaultIfEmpty(call);
    }

    private record Expectation(String bucket, String accountId) {
    }

    private static List<Expectation> expectations(S3Call call) {
        List<Expectation> pairs = new ArrayList<>(2);
        String bucket = call.request().bucket();
        String expected = call.request().header(HEADER);
        if (bucket != null && expected != null && call.operation() != S3Operation.CREATE_BUCKET) {
            pairs.add(new Expectation(bucket, expected.strip()));
        }
        String expectedSource = call.request().header(SOURCE_HEADER);
        String copySource = call.request().header("x-amz-copy-source");
        if (expectedSource != null && copySource != null && !copySource.isBlank()
                && (call.operation() == S3Operation.COPY_OBJECT || call.operation() == S3Operation.UPLOAD_PART_COPY)) {
            pairs.add(new Expectation(CopySource.parse(copySource).bucket(), expectedSource.strip()));
        }
        return pairs;
    }
}
