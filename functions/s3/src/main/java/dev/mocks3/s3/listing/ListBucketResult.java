package dev.mocks3.s3.listing;

import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.state.metadata.Listing;

/** The ListObjects (version 1) answer: one page, echoing the request's prefix, marker and delimiter. */
public record ListBucketResult(String bucket, ListingRequest request, String marker, Listing listing) implements ListingResult {

    @Override
    public ListBucketResult withListing(Listing page) {
        return new ListBucketResult(bucket, request, marker, page);
    }

    @Override
    public byte[] xml() {
        XmlWriter xml = XmlWriter.document("ListBucketResult")
                .element("Name", bucket)
                .element("Prefix", request.encode(request.prefix()))
                .element("Marker", request.encode(marker == null ? "" : marker))
                .element("MaxKeys", request.maxKeys())
                .element("Delimiter", request.encode(request.delimiter()))
                .element("IsTruncated", listing.truncated());
        if (listing.truncated() && request.delimiter() != null) {
            xml.element("NextMarker", request.encode(listing.lastReturned()));
        }
        ListingXml.entries(xml, listing, request, true);
        return xml.finishBytes("ListBucketResult");
    }
}
