package dev.mocks3.s3.object;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import reactor.core.publisher.Mono;

/** HEAD /bucket/key — GetObject's headers without the body. */
@Component("headObject")
public class HeadObject extends OperationFunction {
    private final ObjectReader reader;

    public HeadObject(ObjectReader reader) {
        this.reader = reader;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return reader.read(call, false);
    }
}
