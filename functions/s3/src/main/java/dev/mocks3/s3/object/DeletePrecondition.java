package dev.mocks3.s3.object;

import org.springframework.stereotype.Component;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.http.Preconditions;
import dev.mocks3.state.metadata.WriteCondition;
import reactor.core.publisher.Mono;

/**
 * If-Match on a delete (DeleteObject's header, the ETag element of a DeleteObjects entry), as S3's
 * conditional deletes evaluate it: against the key's current object only, 412 PreconditionFailed when
 * its ETag differs, 404 NoSuchKey when the key has no current object. It is checked twice: before the
 * delete, with the answer a read of the key gives (a delete marker's headers included), and again in the
 * deleting transaction with the key locked ({@link #underLock}), so that an object written between the
 * two is never deleted by a condition made for the one it replaced.
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

    /** The same condition, for the deleting transaction to check on the current object it finds with the key locked. */
    public static WriteCondition underLock(String bucket, String key, String ifMatch) {
        if (ifMatch == null) {
            return WriteCondition.NONE;
        }
        return currentEtag -> Preconditions.checkDelete(ifMatch, currentEtag.orElseThrow(
                () -> S3Error.NO_SUCH_KEY.at("/" + bucket + "/" + key).with("Key", key)));
    }
}
