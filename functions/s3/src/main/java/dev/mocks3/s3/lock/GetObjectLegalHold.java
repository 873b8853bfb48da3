package dev.mocks3.s3.lock;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import reactor.core.publisher.Mono;

/** GET /bucket/key?legal-hold — the version's legal hold, or 404 NoSuchObjectLockConfiguration when none was set. */
@Component("getObjectLegalHold")
public class GetObjectLegalHold extends OperationFunction {
    private final VersionLocks locks;

    public GetObjectLegalHold(VersionLocks locks) {
        this.locks = locks;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return locks.read(call).map(lock -> {
            if (lock.legalHold() == null) {
                throw S3Error.NO_SUCH_OBJECT_LOCK_CONFIGURATION.exception();
            }
            return Responses.xml(LegalHold.xml(lock.legalHold()));
        });
    }
}
