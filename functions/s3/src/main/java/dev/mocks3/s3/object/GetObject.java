package dev.mocks3.s3.object;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import reactor.core.publisher.Mono;

/** GET /bucket/key — the object's bytes, or one range of them. */
@Component("getObject")
public class GetObject extends OperationFunction {
    private final ObjectReader reader;

    public GetObject(ObjectReader reader) {
        this.reader = reader;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return reader.read(call, true);
    }
}
