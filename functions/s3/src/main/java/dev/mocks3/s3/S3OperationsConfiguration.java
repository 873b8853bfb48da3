package dev.mocks3.s3;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import dev.mocks3.s3.restore.RestoreProperties;
import dev.mocks3.state.StateConfiguration;

/**
 * The S3 module's auto-configuration: scans {@code dev.mocks3.s3} for the operation functions and
 * what they share, registering only the operations {@code spring.cloud.function.definition} names
 * (all when it is blank). The scan is lazy, so helpers and stores no selected operation uses are never built.
 */
@AutoConfiguration(after = StateConfiguration.class)
@ComponentScan(lazyInit = true, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = UnselectedOperations.class)})
@EnableConfigurationProperties(RestoreProperties.class)
public class S3OperationsConfiguration {
}
