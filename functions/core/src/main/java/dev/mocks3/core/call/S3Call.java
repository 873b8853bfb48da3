package dev.mocks3.core.call;

import java.util.HashMap;
import java.util.Map;

import dev.mocks3.core.routing.S3Operation;

/**
 * One S3 request travelling through the composed functions ({@code authCheck|faultCheck|putObject|faultRespond}).
 * Each stage returns a new call: the operation fills in the response, checks may add attributes
 * for later stages (e.g. a fault to apply after the operation).
 *
 * @param accessKey the verified access key, or null for an anonymous request
 */
public record S3Call(S3Request request, S3Operation operation, String accessKey, S3Response response,
                     Map<String, Object> attributes) {

    public S3Call {
        attributes = Map.copyOf(attributes);
    }

    public static S3Call of(S3Request request, S3Operation operation) {
        return new S3Call(request, operation, null, null, Map.of());
    }

    public S3Call withAccessKey(String key) {
        return new S3Call(request, operation, key, response, attributes);
    }

    public S3Call withRequest(S3Request newRequest) {
        return new S3Call(newRequest, operation, accessKey, response, attributes);
    }

    public S3Call withResponse(S3Response newResponse) {
        return new S3Call(request, operation, accessKey, newResponse, attributes);
    }

    public S3Call withAttribute(String name, Object value) {
        if (attributes.isEmpty()) {
            // the common case (the auth check's first attribute): no map to copy
            return new S3Call(request, operation, accessKey, response, Map.of(name, value));
        }
        Map<String, Object> copy = new HashMap<>(attributes);
        copy.put(name, value);
        return new S3Call(request, operation, accessKey, response, copy);
    }

    @SuppressWarnings("unchecked")
    public <T> T attribute(String name) {
        return (T) attributes.get(name);
    }
}
