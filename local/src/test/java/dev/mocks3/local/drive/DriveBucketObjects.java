package dev.mocks3.local.drive;

import dev.mocks3.local.MockS3Fixture;

/** What the drive keeps in its bucket, seen through S3 as any client sees it. */
final class DriveBucketObjects {
    static final String BUCKET = "polaris-files";

    private DriveBucketObjects() {
    }

    /** How many objects the drive's bucket holds. */
    static int count(MockS3Fixture mocks3) {
        return (int) mocks3.s3().listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().count();
    }
}
