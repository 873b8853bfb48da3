package dev.mocks3.s3.multipart;

import dev.mocks3.core.xml.XmlWriter;

/** The CompleteMultipartUpload answer: the new object's path, bucket, key and multipart ETag. */
public record CompleteMultipartUploadResult(String bucket, String key, String quotedEtag) {

    public byte[] xml() {
        return XmlWriter.document("CompleteMultipartUploadResult")
                .element("Location", "/" + bucket + "/" + key)
                .element("Bucket", bucket).element("Key", key)
                .element("ETag", quotedEtag)
                .finishBytes("CompleteMultipartUploadResult");
    }
}
