package dev.mocks3.s3.object;

import java.util.List;

import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.xml.XmlWriter;

/** The DeleteObjects answer: each key deleted (unless quiet) or the error that kept it. */
public record DeleteResult(boolean quiet, List<Outcome> outcomes) {

    /** One key's fate; {@code error} null when it was deleted. */
    public record Outcome(String key, S3Exception error) {
    }

    public byte[] xml() {
        XmlWriter xml = XmlWriter.document("DeleteResult");
        for (Outcome outcome : outcomes) {
            if (outcome.error() == null) {
                if (!quiet) {
                    xml.open("Deleted").element("Key", outcome.key()).close("Deleted");
                }
            } else {
                xml.open("Error").element("Key", outcome.key()).element("Code", outcome.error().code())
                        .element("Message", outcome.error().getMessage()).close("Error");
            }
        }
        return xml.finishBytes("DeleteResult");
    }
}
