package dev.mocks3.state;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where bytes live: {@code mocks3.storage.data-dir} (blobs and in-flight uploads), or an
 * upstream S3 bucket when {@code mocks3.storage.upstream.bucket} is set.
 *
 * @param sweepInterval how often unreferenced blobs and dead processes' temporary files are removed (also at start)
 * @param orphanGrace how old a blob without a reference must be before a sweep deletes it
 * @param smallBodiesInRows whether a PutObject body of up to 8,000 bytes is kept in its blob's row (state V21) instead
 *                          of a file; off while instances of a release before V21 still serve, which read files only
 */
@ConfigurationProperties("mocks3.storage")
public record StorageProperties(@DefaultValue("data") Path dataDir, @DefaultValue Upstream upstream,
                                @DefaultValue("10m") Duration sweepInterval, @DefaultValue("1m") Duration orphanGrace,
                                @DefaultValue("true") boolean smallBodiesInRows) {

    public Path blobDir() {
        return dataDir.resolve("blobs");
    }

    public Path tmpDir() {
        return dataDir.resolve("tmp");
    }

    /** An S3 bucket that holds the blobs instead of the data folder (production). */
    public record Upstream(String bucket, String endpoint, @DefaultValue("us-east-1") String region,
                           String accessKey, String secretKey, @DefaultValue("blobs/") String prefix,
                           @DefaultValue("false") boolean pathStyle) {
        public boolean enabled() {
            return bucket != null && !bucket.isBlank();
        }
    }
}
