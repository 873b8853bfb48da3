package dev.mocks3.s3.bucket;

import dev.mocks3.core.xml.XmlWriter;

/** The GetBucketLocation answer: the region, empty for us-east-1 as S3 answers. */
public record LocationConstraint(String region) {

    public static LocationConstraint of(String bucketRegion) {
        return new LocationConstraint(CreateBucket.DEFAULT_REGION.equals(bucketRegion) ? null : bucketRegion);
    }

    public byte[] xml() {
        return XmlWriter.document("LocationConstraint").text(region).finishBytes("LocationConstraint");
    }
}
