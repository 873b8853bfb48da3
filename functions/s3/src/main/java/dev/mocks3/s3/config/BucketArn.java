package dev.mocks3.s3.config;

import dev.mocks3.core.error.S3Error;

/** A bucket named by ARN in a configuration ({@code arn:aws:s3:::name}): replication and report destinations. */
public final class BucketArn {
    private static final String PREFIX = "arn:aws:s3:::";

    private BucketArn() {
    }

    /** The bucket's name; InvalidArgument for anything but a bucket ARN. */
    public static String bucketName(String arn) {
        if (!arn.startsWith(PREFIX) || arn.length() == PREFIX.length() || arn.indexOf('/', PREFIX.length()) >= 0) {
            throw S3Error.INVALID_ARGUMENT.exception("Invalid bucket ARN.").with("ArgumentName", "Bucket")
                    .with("ArgumentValue", arn);
        }
        return arn.substring(PREFIX.length());
    }
}
