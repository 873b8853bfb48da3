package dev.mocks3.s3.object;

import org.springframework.stereotype.Component;

import dev.mocks3.s3.http.Preconditions;
import reactor.core.publisher.Mono;

/**
 * If-Match on a delete (DeleteObject's header, the ETag element of a DeleteObjects entry), as S3's
 * conditional deletes evaluate it: against the key's current object only, 412 PreconditionFailed when
 * its ETag differs, 404 NoSuchKey when the key has no current object.
 */
@Component
public class DeletePrecondition {
    private final Lookups lookups;

    public DeletePrecondition(Lookups lookups) {
        this.lookups = lookups;
    }

    /** Empty when there is no condition or it holds; else the error S3 answers. */
    public Mono<Void> check(String bucket, String key, String ifMatch) {
        if (ifMatch == null) {
            return Mono.empty();
        }
        return lookups.object(bucket, key).doOnNext(current -> Preconditions.checkDelete(ifMatch, current.etag())).then();
    }
}
