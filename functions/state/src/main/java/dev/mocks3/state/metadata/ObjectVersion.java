package dev.mocks3.state.metadata;

/**
 * One version of a key: an object, or a delete marker (whose record has no blob, size 0 and no ETag).
 *
 * @param latest true for the key's newest version
 * @param seq    orders the versions of a key; the current object sorts after all others
 */
public record ObjectVersion(ObjectRecord object, boolean deleteMarker, boolean latest, long seq) {
    static final long CURRENT = Long.MAX_VALUE;
}
