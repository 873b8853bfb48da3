package dev.mocks3.core.lifecycle;

import java.util.List;

/** A bucket's lifecycle configuration: its rules, in document order. */
public record LifecycleConfiguration(List<LifecycleRule> rules) {

    public LifecycleConfiguration {
        rules = List.copyOf(rules);
    }

    /** Parses and validates a {@code PutBucketLifecycleConfiguration} body, with S3's errors for what is wrong. */
    public static LifecycleConfiguration parse(byte[] xml) {
        return LifecycleXml.parse(xml);
    }
}
