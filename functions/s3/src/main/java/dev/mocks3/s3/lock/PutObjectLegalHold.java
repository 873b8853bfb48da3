package dev.mocks3.s3.lock;

import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.SmallBody;
import reactor.core.publisher.Mono;

/** PUT /bucket/key?legal-hold — turns the legal hold of a version ON or OFF; no bypass lifts one. */
@Component("putObjectLegalHold")
public class PutObjectLegalHold extends OperationFunction {
    private final VersionLocks locks;

    public PutObjectLegalHold(VersionLocks locks) {
        this.locks = locks;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return locks.change(call, SmallBody.read(call.request().body()).map(body -> {
            boolean on = LegalHold.parse(body);
            UnaryOperator<ObjectLock> change = lock -> lock.withLegalHold(on);
            return change;
        }));
    }
}
