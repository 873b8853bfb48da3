package dev.mocks3.s3.listing;

import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.state.metadata.Listing;

/**
 * The ListObjects (version 1) answer: one page, echoing the request's prefix, marker and delimiter.
 * With encoding-type=url S3 encodes Delimiter, Marker, NextMarker and the keys, but leaves the
 * version 1 Prefix as sent (botocore decodes exactly those fields). Each entry's Owner is the
 * bucket owner's, as under S3's default object ownership (BucketOwnerEnforced).
 */
public record ListBucketResult(String bucket, ListingRequest request, String marker, Listing listing, Owner owner)
        implements ListingResult {

    @Override
    public ListBucketResult withListing(Listing page) {
        return new ListBucketResult(bucket, request, marker, page, owner);
    }

    @Override
    public byte[] xml() {
        XmlWriter xml = XmlWriter.document("ListBucketResult")
                .element("Name", bucket)
                .element("Prefix", request.prefix())
                .element("Marker", request.encode(marker == null ? "" : marker))
                .element("MaxKeys", request.maxKeys())
                .element("Delimiter", request.encode(request.delimiter()))
                .element("IsTruncated", listing.truncated());
        if (listing.truncated() && request.delimiter() != null) {
            xml.element("NextMarker", request.encode(listing.lastReturned()));
        }
        ListingXml.entries(xml, listing, request, owner);
        return xml.finishBytes("ListBucketResult");
    }
}
