package dev.mocks3.core.lifecycle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import dev.mocks3.core.xml.XmlDocument;

/**
 * S3 names every lifecycle rule: a rule sent without an {@code ID} (or with an empty one) is stored,
 * and answered by GetBucketLifecycleConfiguration, with an ID S3 made up for it.
 */
public final class RuleIds {

    private RuleIds() {
    }

    /** The checked document with an ID given to each rule that has none; the same bytes when every rule has one. */
    public static byte[] assign(byte[] document) {
        Element root = XmlDocument.parse(document).root();
        boolean changed = false;
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element rule) {
                changed |= name(rule, root);
            }
        }
        return changed ? serialize(root) : document;
    }

    private static boolean name(Element rule, Element root) {
        Element id = XmlDocument.optionalChild(rule, "ID");
        if (id != null && !id.getTextContent().isEmpty()) {
            return false;
        }
        if (id == null) {
            id = root.getOwnerDocument().createElementNS(rule.getNamespaceURI(), "ID");
            rule.insertBefore(id, rule.getFirstChild());
        }
        id.setTextContent(newId());
        return true;
    }

    /** Like S3's: base64 of a random UUID's text, 48 characters. */
    static String newId() {
        return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] serialize(Element root) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(root.getOwnerDocument()), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
