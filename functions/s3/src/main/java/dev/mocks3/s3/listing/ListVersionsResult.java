package dev.mocks3.s3.listing;

import java.time.Instant;

import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.s3.restore.ArchiveState;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectVersion;
import dev.mocks3.state.metadata.VersionListing;

/** The ListObjectVersions answer: Version and DeleteMarker entries in order, then the common prefixes. */
record ListVersionsResult(String bucket, ListingRequest request, String keyMarker, String versionIdMarker,
                          VersionListing listing) {

    byte[] xml() {
        XmlWriter xml = XmlWriter.document("ListVersionsResult")
                .element("Name", bucket)
                .element("Prefix", request.encode(request.prefix()))
                .element("KeyMarker", request.encode(keyMarker == null ? "" : keyMarker))
                .element("VersionIdMarker", versionIdMarker == null ? "" : versionIdMarker);
        if (listing.truncated()) {
            xml.element("NextKeyMarker", request.encode(listing.nextKeyMarker()))
                    .element("NextVersionIdMarker", listing.nextVersionIdMarker());
        }
        xml.element("MaxKeys", request.maxKeys())
                .element("Delimiter", request.encode(request.delimiter()))
                .element("IsTruncated", listing.truncated());
        Instant now = Instant.now();
        for (ObjectVersion version : listing.versions()) {
            ObjectRecord object = version.object();
            String element = version.deleteMarker() ? "DeleteMarker" : "Version";
            xml.open(element)
                    .element("Key", request.encode(object.key()))
                    .element("VersionId", object.versionIdOrNull())
                    .element("IsLatest", version.latest())
                    .element("LastModified", object.lastModified());
            if (!version.deleteMarker()) {
                xml.element("ETag", object.quotedEtag()).element("Size", object.size())
                        .element("StorageClass", object.storageClass());
            }
            Owner.of(object.owner()).writeTo(xml, "Owner");
            if (!version.deleteMarker() && request.restoreStatus()) {
                ArchiveState.writeRestoreStatus(object, xml, now);
            }
            xml.close(element);
        }
        for (String prefix : listing.commonPrefixes()) {
            xml.open("CommonPrefixes").element("Prefix", request.encode(prefix)).close("CommonPrefixes");
        }
        if (request.urlEncoded()) {
            xml.element("EncodingType", "url");
        }
        return xml.finishBytes("ListVersionsResult");
    }
}
