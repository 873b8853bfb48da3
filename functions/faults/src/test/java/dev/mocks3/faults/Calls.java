package dev.mocks3.faults;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.routing.S3Operation;
import reactor.core.publisher.Flux;

/** S3 calls as the dispatcher would hand them to faultCheck, for tests. */
public final class Calls {
    private static int sequence;

    private Calls() {
    }

    public static S3Call call(S3Operation op, String bucket, String key) {
        return call(op, bucket, key, Map.of(), Map.of());
    }

    public static S3Call call(S3Operation op, String bucket, String key, Map<String, String> headers,
                              Map<String, String> query) {
        HttpHeaders h = new HttpHeaders();
        headers.forEach(h::add);
        MultiValueMap<String, String> q = new LinkedMultiValueMap<>();
        query.forEach(q::add);
        String method = switch (op) {
            case PUT_OBJECT, UPLOAD_PART, CREATE_BUCKET, COPY_OBJECT, UPLOAD_PART_COPY -> "PUT";
            case DELETE_OBJECT, DELETE_BUCKET, ABORT_MULTIPART_UPLOAD -> "DELETE";
            case HEAD_OBJECT, HEAD_BUCKET -> "HEAD";
            case CREATE_MULTIPART_UPLOAD, COMPLETE_MULTIPART_UPLOAD, DELETE_OBJECTS -> "POST";
            default -> "GET";
        };
        String path = "/" + (bucket == null ? "" : bucket + (key == null ? "" : "/" + key));
        S3Request request = new S3Request("req-" + (++sequence), method, "localhost", path, null, bucket, key, q, h,
                Flux.empty(), new InetSocketAddress("127.0.0.1", 50000), Instant.now());
        return S3Call.of(request, op);
    }

    public static Flux<DataBuffer> body(String text) {
        return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }
}
