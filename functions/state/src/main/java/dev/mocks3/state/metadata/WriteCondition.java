package dev.mocks3.state.metadata;

import java.util.Optional;

/**
 * A condition on the object a write replaces (If-Match / If-None-Match on PUT), checked inside the
 * writing transaction with the key locked, so concurrent creators cannot both pass it.
 */
@FunctionalInterface
public interface WriteCondition {
    WriteCondition NONE = current -> { };

    /** Throws the S3 error to answer when the write must not happen; {@code currentEtag} empty: no object. */
    void check(Optional<String> currentEtag);
}
