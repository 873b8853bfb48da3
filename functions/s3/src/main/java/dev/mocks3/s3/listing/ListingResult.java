package dev.mocks3.s3.listing;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.state.metadata.Listing;
import dev.mocks3.state.metadata.RenderedListing;

/** What both list operations answer: a page of entries, rendered as their own document. */
sealed interface ListingResult permits ListBucketResult, ListBucketV2Result {

    Listing listing();

    /** The same answer showing another page of entries. */
    ListingResult withListing(Listing page);

    byte[] xml();

    default S3Response response() {
        return Responses.xml(xml());
    }

    /** The call answered, with the page kept on it for the stages after the operation. */
    default S3Call answer(S3Call call) {
        return call.withResponse(response())
                .withAttribute(RenderedListing.ATTRIBUTE, new RenderedListing(listing(), page -> withListing(page).xml()));
    }
}
