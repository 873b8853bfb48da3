package dev.mocks3.state.metadata;

import java.util.List;

/**
 * One page of ListObjectVersions: versions and delete markers in key order, newest first within a
 * key, and the common prefixes; the next markers name the last entry when the page is truncated.
 */
public record VersionListing(List<ObjectVersion> versions, List<String> commonPrefixes, boolean truncated,
                             String nextKeyMarker, String nextVersionIdMarker) {
}
