package dev.mocks3.events;

import java.net.URI;

/** The CloudEvent {@code source} of each producer inside MockS3. */
public final class EventSources {

    public static final URI FAULTS = URI.create("/mocks3/faults");
    public static final URI RULES_API = URI.create("/mocks3/faults/rules");

    /** Bucket notifications: the source is this followed by the bucket name, e.g. {@code /mocks3/s3/photos}. */
    public static final String S3_BUCKETS = "/mocks3/s3/";

    private EventSources() {
    }
}
