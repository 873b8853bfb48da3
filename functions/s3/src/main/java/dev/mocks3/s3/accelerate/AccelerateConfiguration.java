package dev.mocks3.s3.accelerate;

import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlCopy;
import dev.mocks3.core.xml.XmlDocument;

/** Transfer Acceleration: Enabled or Suspended; S3 refuses it for bucket names with dots. Stored, not acted on. */
public final class AccelerateConfiguration {
    public static final String ROOT = "AccelerateConfiguration";
    private static final Set<String> STATUSES = Set.of("Enabled", "Suspended");

    private AccelerateConfiguration() {
    }

    /** The configuration's content to store; MalformedXML for another Status, InvalidRequest for a dotted name. */
    public static String check(byte[] body, String bucket) {
        if (bucket.contains(".")) {
            throw S3Error.INVALID_REQUEST.exception("S3 Transfer Acceleration is not supported for buckets with periods (.) in their names");
        }
        Element root = XmlDocument.parse(body, ROOT).root();
        if (!STATUSES.contains(XmlDocument.requiredText(root, "Status"))) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return XmlCopy.content(root);
    }
}
