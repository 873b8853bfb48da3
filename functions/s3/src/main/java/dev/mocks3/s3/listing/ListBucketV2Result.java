package dev.mocks3.s3.listing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.state.metadata.Listing;

/**
 * The ListObjectsV2 answer: one page, paged by an opaque continuation token; owners (the bucket
 * owner's, as under BucketOwnerEnforced) only when fetch-owner asked for them.
 */
public record ListBucketV2Result(String bucket, ListingRequest request, String continuationToken, String startAfter,
                                 boolean fetchOwner, Listing listing, Owner owner) implements ListingResult {

    @Override
    public ListBucketV2Result withListing(Listing page) {
        return new ListBucketV2Result(bucket, request, continuationToken, startAfter, fetchOwner, page, owner);
    }

    /** Element order as in the ListObjectsV2 examples of the S3 API Reference. */
    @Override
    public byte[] xml() {
        XmlWriter xml = XmlWriter.document("ListBucketResult")
                .element("Name", bucket)
                .element("Prefix", request.encode(request.prefix()))
                .element("ContinuationToken", continuationToken)
                .element("StartAfter", request.encode(startAfter));
        if (listing.truncated()) {
            xml.element("NextContinuationToken", encodeToken(listing.lastReturned()));
        }
        xml.element("KeyCount", listing.contents().size() + listing.commonPrefixes().size())
                .element("MaxKeys", request.maxKeys())
                .element("Delimiter", request.encode(request.delimiter()))
                .element("IsTruncated", listing.truncated());
        ListingXml.entries(xml, listing, request, fetchOwner ? owner : null);
        return xml.finishBytes("ListBucketResult");
    }

    static String encodeToken(String lastReturned) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + lastReturned).getBytes(StandardCharsets.UTF_8));
    }

    /** The key a continuation token says to list after; InvalidArgument for a token we did not issue. */
    static String decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("v1:")) {
                throw new IllegalArgumentException();
            }
            return text.substring(3);
        } catch (IllegalArgumentException e) {
            throw S3Error.INVALID_ARGUMENT.exception("The continuation token provided is incorrect")
                    .with("ArgumentName", "continuation-token");
        }
    }
}
