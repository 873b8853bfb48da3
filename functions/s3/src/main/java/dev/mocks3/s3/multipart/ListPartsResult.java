package dev.mocks3.s3.multipart;

import java.util.List;

import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.state.metadata.MultipartUpload;
import dev.mocks3.state.metadata.UploadedPart;

/** The ListParts answer: one page of an upload's parts after {@code partNumberMarker}, with their checksums. */
public record ListPartsResult(MultipartUpload upload, int partNumberMarker, int maxParts, boolean truncated,
                              List<UploadedPart> parts) {

    public byte[] xml() {
        XmlWriter xml = XmlWriter.document("ListPartsResult")
                .element("Bucket", upload.draft().bucket()).element("Key", upload.draft().key())
                .element("UploadId", upload.uploadId());
        Owner owner = Owner.of(upload.draft().owner());
        owner.writeTo(xml, "Initiator");
        owner.writeTo(xml, "Owner");
        UploadChecksum checksum = UploadChecksum.of(upload);
        if (!checksum.isNone()) {
            xml.element("ChecksumAlgorithm", checksum.algorithm().name()).element("ChecksumType", checksum.type().name());
        }
        xml.element("StorageClass", upload.draft().storageClass())
                .element("PartNumberMarker", partNumberMarker)
                .element("NextPartNumberMarker", parts.isEmpty() ? partNumberMarker : parts.get(parts.size() - 1).partNumber())
                .element("MaxParts", maxParts).element("IsTruncated", truncated);
        parts.forEach(part -> {
            xml.open("Part").element("PartNumber", part.partNumber())
                    .element("LastModified", part.lastModified()).element("ETag", part.quotedEtag())
                    .element("Size", part.size());
            if (!checksum.isNone()) {
                xml.element(checksum.algorithm().xmlElement(), part.checksums().get(checksum.algorithm().name()));
            }
            xml.close("Part");
        });
        return xml.finishBytes("ListPartsResult");
    }
}
