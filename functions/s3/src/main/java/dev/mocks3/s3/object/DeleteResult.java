package dev.mocks3.s3.object;

import java.util.List;

import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.state.metadata.Deletion;

/** The DeleteObjects answer: each key deleted (unless quiet) or the error that kept it. */
public record DeleteResult(boolean quiet, List<Outcome> outcomes) {

    /**
     * One key's fate: {@code deletion} what was done, or {@code error} why nothing was.
     *
     * @param versionId the version the request named, or null
     */
    public record Outcome(String key, String versionId, Deletion deletion, S3Exception error) {
    }

    public byte[] xml() {
        XmlWriter xml = XmlWriter.document("DeleteResult");
        for (Outcome outcome : outcomes) {
            if (outcome.error() == null) {
                if (!quiet) {
                    Deletion deletion = outcome.deletion();
                    xml.open("Deleted").element("Key", outcome.key()).element("VersionId", outcome.versionId());
                    if (deletion != null && deletion.deleteMarker()) {
                        xml.element("DeleteMarker", true).element("DeleteMarkerVersionId", deletion.versionId());
                    }
                    xml.close("Deleted");
                }
            } else {
                xml.open("Error").element("Key", outcome.key()).element("VersionId", outcome.versionId())
                        .element("Code", outcome.error().code())
                        .element("Message", outcome.error().getMessage()).close("Error");
            }
        }
        return xml.finishBytes("DeleteResult");
    }
}
