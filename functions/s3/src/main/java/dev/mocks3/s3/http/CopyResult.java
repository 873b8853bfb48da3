package dev.mocks3.s3.http;

import java.time.Instant;

import dev.mocks3.core.checksum.ObjectChecksum;
import dev.mocks3.core.xml.XmlWriter;

/**
 * What a server-side copy answers: CopyObjectResult for CopyObject, CopyPartResult for
 * UploadPartCopy, both the new copy's time and ETag, and its checksum when it has one.
 *
 * @param checksum null for none
 */
public record CopyResult(String root, Instant lastModified, String quotedEtag, ObjectChecksum checksum) {

    public static CopyResult ofObject(Instant lastModified, String quotedEtag, ObjectChecksum checksum) {
        return new CopyResult("CopyObjectResult", lastModified, quotedEtag, checksum);
    }

    public static CopyResult ofPart(Instant lastModified, String quotedEtag, ObjectChecksum checksum) {
        return new CopyResult("CopyPartResult", lastModified, quotedEtag, checksum);
    }

    public byte[] xml() {
        XmlWriter xml = XmlWriter.document(root).element("LastModified", lastModified).element("ETag", quotedEtag);
        if (checksum != null) {
            // a part's checksum is its own; the type belongs to objects only
            xml.element(checksum.algorithm().xmlElement(), checksum.value());
            if (root.equals("CopyObjectResult")) {
                xml.element("ChecksumType", checksum.type().name());
            }
        }
        return xml.finishBytes(root);
    }
}
