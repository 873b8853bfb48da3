package dev.mocks3.s3.bucket;

import java.util.List;

import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.state.metadata.BucketRecord;

/**
 * The ListBuckets answer: the caller as owner, one page of buckets by name, the token of the next
 * page when there is one, and the prefix asked for (if any).
 */
public record ListAllMyBucketsResult(Owner owner, List<BucketRecord> buckets, String continuationToken, String prefix) {

    public ListAllMyBucketsResult(Owner owner, List<BucketRecord> buckets, String prefix) {
        this(owner, buckets, null, prefix);
    }

    public byte[] xml() {
        XmlWriter xml = XmlWriter.document("ListAllMyBucketsResult");
        owner.writeTo(xml, "Owner").open("Buckets");
        buckets.forEach(b -> xml.open("Bucket").element("Name", b.name()).element("CreationDate", b.createdAt())
                .element("BucketRegion", b.region()).close("Bucket"));
        return xml.close("Buckets").element("ContinuationToken", continuationToken).element("Prefix", prefix)
                .finishBytes("ListAllMyBucketsResult");
    }
}
