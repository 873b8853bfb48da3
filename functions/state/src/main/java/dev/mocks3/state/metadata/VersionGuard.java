package dev.mocks3.state.metadata;

import java.util.Map;

/**
 * A check on a version about to be removed for good (a delete naming its version id), made inside the
 * deleting transaction with the key locked: Object Lock refuses to remove a version under retention or
 * legal hold. Delete markers and deletes without a version id (which add a marker) are not checked.
 */
@FunctionalInterface
public interface VersionGuard {
    VersionGuard NONE = storedHeaders -> { };

    /** Throws the S3 error to answer when the version whose stored headers these are must stay. */
    void check(Map<String, String> storedHeaders);
}
