package dev.mocks3.s3.lock;

import java.time.Instant;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.s3.access.GovernanceBypass;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.SmallBody;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket/key?retention — sets, extends, shortens or removes the retention of a version. COMPLIANCE
 * in force can only be extended; GOVERNANCE in force can be shortened, removed or changed only with
 * {@code x-amz-bypass-governance-retention: true}; anything else is 403 AccessDenied.
 */
@Component("putObjectRetention")
public class PutObjectRetention extends OperationFunction {
    private final VersionLocks locks;

    public PutObjectRetention(VersionLocks locks) {
        this.locks = locks;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        boolean bypass = GovernanceBypass.granted(call);
        return locks.change(call, SmallBody.read(call.request().body()).map(body -> {
            Instant now = Instant.now();
            ObjectRetention wanted = ObjectRetention.parse(body, now);
            UnaryOperator<ObjectLock> change = lock -> {
                lock.checkRetentionChange(wanted.mode(), wanted.retainUntil(), bypass, now);
                return lock.withRetention(wanted.mode(), wanted.retainUntil());
            };
            return change;
        }));
    }
}
