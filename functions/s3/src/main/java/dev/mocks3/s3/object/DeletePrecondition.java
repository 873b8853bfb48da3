package dev.mocks3.s3.object;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.http.Preconditions;
import dev.mocks3.state.metadata.WriteCondition;

/**
 * If-Match on a delete (DeleteObject's header, the ETag element of a DeleteObjects entry), as S3's
 * conditional deletes evaluate it: against the key's current object only, 412 PreconditionFailed when
 * its ETag differs, 404 NoSuchKey when the key has no current object. The deleting transaction checks it
 * on the current object it finds with the key locked, so an object written meanwhile is never deleted by
 * a condition made for the one it replaced.
 */
final class DeletePrecondition {

    private DeletePrecondition() {
    }

    /** The condition {@code ifMatch} (null: none) sets on the key's current object. */
    static WriteCondition of(String bucket, String key, String ifMatch) {
        if (ifMatch == null) {
            return WriteCondition.NONE;
        }
        return currentEtag -> Preconditions.checkDelete(ifMatch, currentEtag.orElseThrow(
                () -> S3Error.NO_SUCH_KEY.at("/" + bucket + "/" + key).with("Key", key)));
    }
}
