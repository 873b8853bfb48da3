package dev.mocks3.s3.lock;

import java.time.Instant;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.core.xml.XmlWriter;

/**
 * A {@code Retention} document (PutObjectRetention, GetObjectRetention): a mode and a retain-until date,
 * or neither, which asks to remove the retention.
 */
record ObjectRetention(RetentionMode mode, Instant retainUntil) {
    static final String ROOT = "Retention";

    static ObjectRetention parse(byte[] body, Instant now) {
        Element root = XmlDocument.parse(body, ROOT).root();
        String mode = XmlDocument.childText(root, "Mode");
        String until = XmlDocument.childText(root, "RetainUntilDate");
        if (mode == null && until == null) {
            return new ObjectRetention(null, null);
        }
        RetentionMode named = mode == null ? null : RetentionMode.named(mode.trim());
        Instant date = until == null ? null : WriteLock.date(until);
        if (named == null || date == null) {
            throw S3Error.MALFORMED_XML.exception();
        }
        WriteLock.requireFuture(date, now);
        return new ObjectRetention(named, date);
    }

    static byte[] xml(ObjectLock lock) {
        return XmlWriter.document(ROOT).element("Mode", lock.mode().name()).element("RetainUntilDate", lock.retainUntil())
                .finishBytes(ROOT);
    }
}
