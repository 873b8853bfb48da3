package dev.mocks3.s3.http;

import java.time.Instant;

import dev.mocks3.core.xml.XmlWriter;

/**
 * What a server-side copy answers: CopyObjectResult for CopyObject, CopyPartResult for
 * UploadPartCopy, both the new copy's time and ETag.
 */
public record CopyResult(String root, Instant lastModified, String quotedEtag) {

    public static CopyResult ofObject(Instant lastModified, String quotedEtag) {
        return new CopyResult("CopyObjectResult", lastModified, quotedEtag);
    }

    public static CopyResult ofPart(Instant lastModified, String quotedEtag) {
        return new CopyResult("CopyPartResult", lastModified, quotedEtag);
    }

    public byte[] xml() {
        return XmlWriter.document(root).element("LastModified", lastModified).element("ETag", quotedEtag).finishBytes(root);
    }
}
