package dev.mocks3.state.metadata;

/**
 * What a delete did.
 *
 * @param found        false when there was nothing to delete (no object, no such version)
 * @param versionId    the version deleted or the delete marker created ({@code null} for the null
 *                     version); Java null when the bucket is not versioned and no version was named
 * @param deleteMarker the version deleted, or the one created, is a delete marker
 */
public record Deletion(boolean found, String versionId, boolean deleteMarker) {
    static final Deletion NOTHING = new Deletion(false, null, false);
}
