package dev.mocks3.s3.logging;

import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlCopy;
import dev.mocks3.core.xml.XmlDocument;

/**
 * A PutBucketLogging body: a {@code LoggingEnabled} with the target bucket and prefix (its grants and key
 * format checked too), or nothing, which turns logging off. {@code targetBucket} is null then.
 */
public record BucketLoggingStatus(String targetBucket, String content) {
    public static final String ROOT = "BucketLoggingStatus";
    private static final Set<String> PERMISSIONS = Set.of("FULL_CONTROL", "READ", "WRITE");
    private static final Set<String> DATE_SOURCES = Set.of("EventTime", "DeliveryTime");

    public static BucketLoggingStatus parse(byte[] body) {
        Element root = XmlDocument.parse(body, ROOT).root();
        Element enabled = XmlDocument.optionalChild(root, "LoggingEnabled");
        if (enabled == null) {
            return new BucketLoggingStatus(null, "");
        }
        String target = XmlDocument.requiredText(enabled, "TargetBucket");
        XmlDocument.onlyChild(enabled, "TargetPrefix");
        Element grants = XmlDocument.optionalChild(enabled, "TargetGrants");
        if (grants != null) {
            for (Element grant : XmlDocument.children(grants, "Grant")) {
                XmlDocument.onlyChild(grant, "Grantee");
                if (!PERMISSIONS.contains(XmlDocument.requiredText(grant, "Permission"))) {
                    throw S3Error.MALFORMED_XML.exception();
                }
            }
        }
        Element keyFormat = XmlDocument.optionalChild(enabled, "TargetObjectKeyFormat");
        if (keyFormat != null) {
            Element partitioned = XmlDocument.optionalChild(keyFormat, "PartitionedPrefix");
            boolean simple = XmlDocument.optionalChild(keyFormat, "SimplePrefix") != null;
            if (simple == (partitioned != null)) {
                throw S3Error.MALFORMED_XML.exception();
            }
            String source = partitioned == null ? null : XmlDocument.childText(partitioned, "PartitionDateSource");
            if (source != null && !DATE_SOURCES.contains(source.strip())) {
                throw S3Error.MALFORMED_XML.exception();
            }
        }
        return new BucketLoggingStatus(target, XmlCopy.content(root));
    }
}
