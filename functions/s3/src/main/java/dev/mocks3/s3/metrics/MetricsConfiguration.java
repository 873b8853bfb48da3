package dev.mocks3.s3.metrics;

import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.s3.config.ConfigurationFilter;
import dev.mocks3.s3.config.ConfigurationsById;
import dev.mocks3.state.config.BucketSetting;

/** A CloudWatch request metrics configuration: an id and a filter. Stored; no metrics are published. */
public final class MetricsConfiguration {
    public static final ConfigurationsById.Kind KIND = new ConfigurationsById.Kind(BucketSetting.METRICS,
            "MetricsConfiguration", "ListMetricsConfigurationsResult");

    private MetricsConfiguration() {
    }

    public static void check(Element configuration) {
        ConfigurationFilter.check(configuration, Set.of("Prefix", "Tag", "AccessPointArn", "And"));
    }
}
