package dev.mocks3.s3.lock;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.core.xml.XmlWriter;

/** A {@code LegalHold} document: Status ON or OFF. */
final class LegalHold {
    static final String ROOT = "LegalHold";

    private LegalHold() {
    }

    /** True for ON, false for OFF; anything else is MalformedXML. */
    static boolean parse(byte[] body) {
        String status = XmlDocument.childText(XmlDocument.parse(body, ROOT).root(), "Status");
        status = status == null ? "" : status.trim();
        return switch (status) {
            case "ON" -> true;
            case "OFF" -> false;
            default -> throw S3Error.MALFORMED_XML.exception();
        };
    }

    static byte[] xml(boolean on) {
        return XmlWriter.document(ROOT).element("Status", on ? "ON" : "OFF").finishBytes(ROOT);
    }
}
