package dev.mocks3.core.lifecycle;

import java.util.Map;

/**
 * Which objects a lifecycle rule applies to: all of the predicates hold (S3's {@code Filter},
 * {@code And}, or a legacy rule {@code Prefix}).
 *
 * @param prefix          keys starting with it ("" is every key)
 * @param tags            tags the object must carry, every one with this value
 * @param sizeGreaterThan the object must be larger, or null
 * @param sizeLessThan    the object must be smaller, or null
 */
public record LifecycleFilter(String prefix, Map<String, String> tags, Long sizeGreaterThan, Long sizeLessThan) {

    public static final LifecycleFilter EVERYTHING = new LifecycleFilter("", Map.of(), null, null);

    public LifecycleFilter {
        prefix = prefix == null ? "" : prefix;
        tags = Map.copyOf(tags);
    }

    public boolean hasTags() {
        return !tags.isEmpty();
    }

    public boolean matches(String key, long size, Map<String, String> objectTags) {
        return key.startsWith(prefix)
                && tags.entrySet().stream().allMatch(tag -> tag.getValue().equals(objectTags.get(tag.getKey())))
                && (sizeGreaterThan == null || size > sizeGreaterThan)
                && (sizeLessThan == null || size < sizeLessThan);
    }
}
