package dev.mocks3.state.metadata;

import java.util.Map;

/** What a writer says about an object before its bytes are known: type, headers, metadata, tags. */
public record ObjectDraft(String bucket, String key, String contentType, Map<String, String> headers,
                         Map<String, String> userMetadata, String storageClass, String owner, Map<String, String> tags) {

    public ObjectDraft {
        headers = Map.copyOf(headers);
        userMetadata = Map.copyOf(userMetadata);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** An untagged object's draft. */
    public ObjectDraft(String bucket, String key, String contentType, Map<String, String> headers,
                       Map<String, String> userMetadata, String storageClass, String owner) {
        this(bucket, key, contentType, headers, userMetadata, storageClass, owner, Map.of());
    }
}
