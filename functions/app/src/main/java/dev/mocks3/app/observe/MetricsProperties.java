package dev.mocks3.app.observe;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mocks3.metrics.*}.
 *
 * @param buckets               buckets whose S3 requests carry their name in a {@code bucket} label; every other
 *                              request is {@code bucket="other"}. Empty (the default): request metrics have no bucket label
 * @param storageSampleInterval how often objects and bytes per bucket and the multipart uploads in flight are read
 *                              from PostgreSQL; zero or negative: never
 * @param bucketLimit           how many buckets (the largest) get a per-bucket storage series
 * @param probeInterval         how often PostgreSQL, Redis and the blob store are probed for {@code mocks3_dependency_up}
 */
@ConfigurationProperties("mocks3.metrics")
public record MetricsProperties(@DefaultValue List<String> buckets,
                                @DefaultValue("30s") Duration storageSampleInterval,
                                @DefaultValue("100") int bucketLimit,
                                @DefaultValue("15s") Duration probeInterval) {
}
