package dev.mocks3.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one deployable application. Which functions an instance serves is chosen by
 * {@code spring.cloud.function.definition}; locally every function runs in this JVM.
 */
@SpringBootApplication(scanBasePackages = "dev.mocks3")
@ConfigurationPropertiesScan("dev.mocks3")
public class MockS3Application {
    public static void main(String[] args) {
        SpringApplication.run(MockS3Application.class, args);
    }
}
