package dev.mocks3.s3.multipart;

import dev.mocks3.core.xml.XmlWriter;

/** The CreateMultipartUpload answer: where the upload goes and its id. */
public record InitiateMultipartUploadResult(String bucket, String key, String uploadId) {

    public byte[] xml() {
        return XmlWriter.document("InitiateMultipartUploadResult").element("Bucket", bucket).element("Key", key)
                .element("UploadId", uploadId).finishBytes("InitiateMultipartUploadResult");
    }
}
