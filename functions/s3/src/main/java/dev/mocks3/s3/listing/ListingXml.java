package dev.mocks3.s3.listing;

import java.time.Instant;

import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.s3.restore.ArchiveState;
import dev.mocks3.state.metadata.Listing;
import dev.mocks3.state.metadata.ObjectRecord;

/** The Contents and CommonPrefixes elements both list operations write. */
final class ListingXml {
    private ListingXml() {
    }

    /** @param owner the Owner written in each Contents, or null for none */
    static void entries(XmlWriter xml, Listing listing, ListingRequest request, Owner owner) {
        Instant now = Instant.now();
        for (ObjectRecord object : listing.contents()) {
            xml.open("Contents")
                    .element("Key", request.encode(object.key()))
                    .element("LastModified", object.lastModified())
                    .element("ETag", object.quotedEtag())
                    .element("Size", object.size());
            if (owner != null) {
                owner.writeTo(xml, "Owner");
            }
            if (request.restoreStatus()) {
                ArchiveState.writeRestoreStatus(object, xml, now);
            }
            xml.element("StorageClass", object.storageClass()).close("Contents");
        }
        for (String prefix : listing.commonPrefixes()) {
            xml.open("CommonPrefixes").element("Prefix", request.encode(prefix)).close("CommonPrefixes");
        }
        if (request.urlEncoded()) {
            xml.element("EncodingType", "url");
        }
    }
}
