package dev.mocks3.s3.payment;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlCopy;
import dev.mocks3.core.xml.XmlDocument;

/** Who pays for requests and downloads: BucketOwner (S3's default) or Requester. Stored, not acted on. */
public final class RequestPaymentConfiguration {
    public static final String ROOT = "RequestPaymentConfiguration";
    /** What GetBucketRequestPayment answers for a bucket never configured. */
    public static final String DEFAULT = "<Payer>BucketOwner</Payer>";
    private static final Set<String> PAYERS = Set.of("BucketOwner", "Requester");

    private RequestPaymentConfiguration() {
    }

    /** The configuration's content to store; MalformedXML for a missing or unknown Payer. */
    public static String check(byte[] body) {
        Element root = XmlDocument.parse(body, ROOT).root();
        if (!PAYERS.contains(XmlDocument.requiredText(root, "Payer"))) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return XmlCopy.content(root);
    }

    /** Whether a stored configuration (the content {@link #check} kept) makes the requester pay. */
    public static boolean requesterPays(String stored) {
        byte[] document = ("<" + ROOT + ">" + stored + "</" + ROOT + ">").getBytes(StandardCharsets.UTF_8);
        return "Requester".equals(XmlDocument.requiredText(XmlDocument.parse(document, ROOT).root(), "Payer"));
    }
}
