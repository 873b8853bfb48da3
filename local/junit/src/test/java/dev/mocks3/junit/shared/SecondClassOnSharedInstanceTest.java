package dev.mocks3.junit.shared;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import dev.mocks3.junit.MockS3Buckets;
import dev.mocks3.junit.MockS3Extension;

@Execution(ExecutionMode.CONCURRENT)
@MockS3Buckets("shared-second")
class SecondClassOnSharedInstanceTest extends ClassesOnOneSharedInstance {
    @RegisterExtension
    static MockS3Extension s3 = MockS3Extension.builder().sharedPerJvm().build();

    SecondClassOnSharedInstanceTest() {
        super("shared-second", "shared-first", 503, "SlowDown");
    }

    @Override
    MockS3Extension s3() {
        return s3;
    }
}
