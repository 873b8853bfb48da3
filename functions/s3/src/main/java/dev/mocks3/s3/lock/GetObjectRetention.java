package dev.mocks3.s3.lock;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import reactor.core.publisher.Mono;

/** GET /bucket/key?retention — the version's retention, or 404 NoSuchObjectLockConfiguration when it has none. */
@Component("getObjectRetention")
public class GetObjectRetention extends OperationFunction {
    private final VersionLocks locks;

    public GetObjectRetention(VersionLocks locks) {
        this.locks = locks;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return locks.read(call).map(lock -> {
            if (!lock.hasRetention()) {
                throw S3Error.NO_SUCH_OBJECT_LOCK_CONFIGURATION.exception();
            }
            return Responses.xml(ObjectRetention.xml(lock));
        });
    }
}
