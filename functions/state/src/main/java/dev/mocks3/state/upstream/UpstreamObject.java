package dev.mocks3.state.upstream;

import java.time.Instant;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;

/**
 * An object as the upstream answered it: its metadata and, for a GET, its bytes as they arrive.
 *
 * @param contentRange the upstream's Content-Range when it answered a range (206), else null
 * @param etag         unquoted, or null when the upstream sent none
 */
public record UpstreamObject(long contentLength, String contentType, String etag, Instant lastModified,
                             Map<String, String> userMetadata, String contentRange, Flux<DataBuffer> body) {
    public UpstreamObject {
        userMetadata = Map.copyOf(userMetadata);
    }
}
