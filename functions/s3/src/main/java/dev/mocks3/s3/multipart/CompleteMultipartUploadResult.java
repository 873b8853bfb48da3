package dev.mocks3.s3.multipart;

import dev.mocks3.core.checksum.ObjectChecksum;
import dev.mocks3.core.xml.XmlWriter;

/**
 * The CompleteMultipartUpload answer: the new object's path, bucket, key, multipart ETag and checksum.
 *
 * @param checksum null for none
 */
public record CompleteMultipartUploadResult(String bucket, String key, String quotedEtag, ObjectChecksum checksum) {

    public CompleteMultipartUploadResult(String bucket, String key, String quotedEtag) {
        this(bucket, key, quotedEtag, null);
    }

    public byte[] xml() {
        XmlWriter xml = XmlWriter.document("CompleteMultipartUploadResult")
                .element("Location", "/" + bucket + "/" + key)
                .element("Bucket", bucket).element("Key", key)
                .element("ETag", quotedEtag);
        if (checksum != null) {
            checksum.writeTo(xml);
        }
        return xml.finishBytes("CompleteMultipartUploadResult");
    }
}
