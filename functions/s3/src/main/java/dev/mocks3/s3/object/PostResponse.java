package dev.mocks3.s3.object;

import dev.mocks3.core.xml.XmlWriter;

/** The answer of a form upload that asked for {@code success_action_status} 201: where the object is and its ETag. */
public record PostResponse(String location, String bucket, String key, String etag) {

    public byte[] xml() {
        // without a namespace, as S3 sends it (clients look the elements up by their bare names)
        return XmlWriter.plainDocument("PostResponse").element("Location", location).element("Bucket", bucket)
                .element("Key", key).element("ETag", etag).finishBytes("PostResponse");
    }
}
