package dev.mocks3.state.metadata;

import java.util.List;

/**
 * One page of a bucket listing.
 *
 * @param lastReturned the last key or common prefix in this page: where the next page starts
 */
public record Listing(List<ObjectRecord> contents, List<String> commonPrefixes, boolean truncated,
                      String lastReturned) {
}
