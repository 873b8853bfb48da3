package dev.mocks3.s3.multipart;

import java.util.List;

import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.state.metadata.MultipartUpload;

/**
 * The ListMultipartUploads answer: one page of a bucket's open uploads after {@code keyMarker};
 * element order as in the S3 API Reference's examples.
 */
public record ListMultipartUploadsResult(String bucket, String keyMarker, String prefix, int maxUploads,
                                         boolean truncated, List<MultipartUpload> uploads) {

    public byte[] xml() {
        XmlWriter xml = XmlWriter.document("ListMultipartUploadsResult")
                .element("Bucket", bucket).element("KeyMarker", keyMarker == null ? "" : keyMarker)
                .element("UploadIdMarker", "");
        if (truncated) {
            MultipartUpload last = uploads.get(uploads.size() - 1);
            xml.element("NextKeyMarker", last.draft().key()).element("NextUploadIdMarker", last.uploadId());
        }
        xml.element("Prefix", prefix).element("MaxUploads", maxUploads).element("IsTruncated", truncated);
        uploads.forEach(upload -> {
            xml.open("Upload").element("Key", upload.draft().key()).element("UploadId", upload.uploadId());
            Owner owner = Owner.of(upload.draft().owner());
            owner.writeTo(xml, "Initiator");
            owner.writeTo(xml, "Owner");
            xml.element("StorageClass", upload.draft().storageClass())
                    .element("Initiated", upload.initiated()).close("Upload");
        });
        return xml.finishBytes("ListMultipartUploadsResult");
    }
}
