package dev.mocks3.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one deployable application. Which functions an instance serves is chosen by
 * {@code spring.cloud.function.definition}; locally every function runs in this JVM. Each module
 * (state, s3, faults, events) contributes its beans through its own auto-configuration, which
 * builds only what the selected functions need; this class scans the gateway only.
 */
@SpringBootApplication
@ConfigurationPropertiesScan("dev.mocks3")
public class MockS3Application {
    public static void main(String[] args) {
        EventLoopThreads.onePerCore();
        SpringApplication.run(MockS3Application.class, args);
    }
}
