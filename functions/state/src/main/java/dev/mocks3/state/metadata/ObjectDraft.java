package dev.mocks3.state.metadata;

import java.util.Map;

/** What a writer says about an object before its bytes are known: type, headers, metadata. */
public record ObjectDraft(String bucket, String key, String contentType, Map<String, String> headers,
                         Map<String, String> userMetadata, String storageClass, String owner) {

    public ObjectDraft {
        headers = Map.copyOf(headers);
        userMetadata = Map.copyOf(userMetadata);
    }
}
