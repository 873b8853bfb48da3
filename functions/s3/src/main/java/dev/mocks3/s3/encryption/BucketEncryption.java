package dev.mocks3.s3.encryption;

import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.core.xml.XmlWriter;

/**
 * A bucket's default encryption (PutBucketEncryption): applied to every object written without
 * encryption headers of its own.
 *
 * @param kmsKeyId null: the account's default KMS key
 */
public record BucketEncryption(String algorithm, String kmsKeyId, boolean bucketKeyEnabled) {
    static final Set<String> ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");
    private static final String ROOT = "ServerSideEncryptionConfiguration";

    /** Parses and checks a {@code ServerSideEncryptionConfiguration} document as S3 does. */
    public static BucketEncryption parse(byte[] body) {
        Element rule = XmlDocument.onlyChild(XmlDocument.parse(body, ROOT).root(), "Rule");
        Element byDefault = XmlDocument.onlyChild(rule, "ApplyServerSideEncryptionByDefault");
        String algorithm = text(byDefault, "SSEAlgorithm");
        if (algorithm == null || !ALGORITHMS.contains(algorithm)) {
            throw S3Error.MALFORMED_XML.exception();
        }
        String keyId = text(byDefault, "KMSMasterKeyID");
        if (keyId != null && algorithm.equals("AES256")) {
            throw S3Error.INVALID_ARGUMENT.exception("a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse")
                    .with("ArgumentName", "ApplyServerSideEncryptionByDefault");
        }
        String bucketKey = text(rule, "BucketKeyEnabled");
        if (bucketKey != null && !bucketKey.equals("true") && !bucketKey.equals("false")) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return new BucketEncryption(algorithm, keyId, "true".equals(bucketKey));
    }

    public byte[] xml() {
        XmlWriter xml = XmlWriter.document(ROOT).open("Rule").open("ApplyServerSideEncryptionByDefault")
                .element("SSEAlgorithm", algorithm).element("KMSMasterKeyID", kmsKeyId)
                .close("ApplyServerSideEncryptionByDefault").element("BucketKeyEnabled", bucketKeyEnabled).close("Rule");
        return xml.finishBytes(ROOT);
    }

    private static String text(Element parent, String name) {
        String value = XmlDocument.childText(parent, name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
