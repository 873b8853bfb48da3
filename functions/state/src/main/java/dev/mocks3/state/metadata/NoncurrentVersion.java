package dev.mocks3.state.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * A version that is not the current one of its key, as lifecycle weighs it.
 *
 * @param noncurrentSince when its successor was written, which made it noncurrent
 * @param newerNoncurrent how many noncurrent versions of its key are newer than it
 */
public record NoncurrentVersion(String key, String versionId, long seq, boolean deleteMarker, long size,
                                String storageClass, Map<String, String> tags, Instant noncurrentSince,
                                long newerNoncurrent) {
}
