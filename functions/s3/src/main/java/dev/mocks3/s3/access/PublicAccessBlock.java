package dev.mocks3.s3.access;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.core.xml.XmlWriter;

/** A bucket's PublicAccessBlock configuration; {@link #NONE} when it has none. */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {
    public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);
    private static final String ROOT = "PublicAccessBlockConfiguration";

    public static PublicAccessBlock parse(byte[] body) {
        XmlDocument doc = XmlDocument.parse(body, ROOT);
        return new PublicAccessBlock(flag(doc, "BlockPublicAcls"), flag(doc, "IgnorePublicAcls"),
                flag(doc, "BlockPublicPolicy"), flag(doc, "RestrictPublicBuckets"));
    }

    /** The stored document, or {@link #NONE} for null. */
    public static PublicAccessBlock of(String stored) {
        return stored == null ? NONE : parse(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean flag(XmlDocument doc, String name) {
        String value = XmlDocument.childText(doc.root(), name);
        if (value == null) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw S3Error.MALFORMED_XML.exception();
        };
    }

    public String xml() {
        return XmlWriter.document(ROOT).element("BlockPublicAcls", blockPublicAcls).element("IgnorePublicAcls", ignorePublicAcls)
                .element("BlockPublicPolicy", blockPublicPolicy).element("RestrictPublicBuckets", restrictPublicBuckets)
                .finish(ROOT);
    }
}
