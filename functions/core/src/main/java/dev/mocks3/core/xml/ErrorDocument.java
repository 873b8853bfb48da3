package dev.mocks3.core.xml;

import java.util.Map;

import dev.mocks3.core.error.S3Exception;

/** The S3 error body: {@code <Error><Code/><Message/><Resource/><RequestId/></Error>}. */
public final class ErrorDocument {
    private ErrorDocument() {
    }

    public static byte[] render(S3Exception error, String resource, String requestId) {
        XmlWriter xml = XmlWriter.plainDocument("Error")
                .element("Code", error.code())
                .element("Message", error.getMessage());
        for (Map.Entry<String, String> field : error.fields().entrySet()) {
            xml.element(field.getKey(), field.getValue());
        }
        return xml.element("Resource", error.resource() != null ? error.resource() : resource)
                .element("RequestId", requestId)
                .finishBytes("Error");
    }
}
