package dev.mocks3.s3;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.routing.S3Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** S3 calls as the gateway hands them to an operation function, and the bodies operations answer. */
public final class Calls {
    private Calls() {
    }

    public static S3Call call(S3Operation operation, String method, String bucket, String key, Map<String, String> query,
                              String body) {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        query.forEach(params::add);
        Flux<org.springframework.core.io.buffer.DataBuffer> bytes = body == null ? Flux.empty()
                : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body.getBytes(StandardCharsets.UTF_8)));
        String path = "/" + bucket + (key == null ? "" : "/" + key);
        S3Request request = new S3Request("test-request", method, "localhost", path, null, bucket, key, params,
                new HttpHeaders(), bytes, null, Instant.now());
        return S3Call.of(request, operation).withAccessKey("AKIAIOSFODNN7EXAMPLE");
    }

    /** Runs the operation function on one call. */
    public static S3Call run(OperationFunction operation, S3Call call) {
        return operation.apply(Mono.just(call)).block();
    }

    public static String body(S3Call answered) {
        return DataBufferUtils.join(answered.response().body()).map(buffer -> {
            String text = buffer.toString(StandardCharsets.UTF_8);
            DataBufferUtils.release(buffer);
            return text;
        }).defaultIfEmpty("").block();
    }
}
