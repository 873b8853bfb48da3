package dev.mocks3.app.admin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

import dev.mocks3.core.auth.AccessKeys;
import dev.mocks3.faults.api.ApiAccess;

/**
 * The guard of MockS3's own endpoints on the S3 port ({@code /_mocks3/jobs...},
 * {@code /_mocks3/buckets/{bucket}/upstream}), the rules API's: no cross-origin browser requests,
 * JSON bodies only, and a SigV4 signature with an S3 key or the bearer token when strict mode is on,
 * the port is not loopback or {@code mocks3.faults.api-auth=required}.
 */
final class AdminAccess {
    private AdminAccess() {
    }

    static ApiAccess of(ObjectProvider<AccessKeys> keys, Environment env) {
        return ApiAccess.of(keys.getIfAvailable(AccessKeys::defaults),
                env.getProperty("mocks3.faults.api-token"), env.getProperty("mocks3.faults.api-auth", "auto"),
                env.getProperty("mocks3.auth.strict", Boolean.class, false), env.getProperty("server.address", "0.0.0.0"));
    }
}
