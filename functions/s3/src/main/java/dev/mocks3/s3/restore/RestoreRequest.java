package dev.mocks3.s3.restore;

import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;

/**
 * A {@code RestoreRequest} document for an archived object: {@code Days} (required, positive); an
 * optional {@code GlacierJobParameters} {@code Tier} is checked but changes nothing (every tier takes
 * {@code mocks3.restore.delay}). Restores for S3 Select (Type SELECT, an output
 * location) are not implemented.
 */
record RestoreRequest(int days) {
    private static final Set<String> TIERS = Set.of("Standard", "Bulk", "Expedited");
    private static final Set<String> KNOWN = Set.of("Days", "GlacierJobParameters", "Description", "Tier");
    private static final Set<String> SELECT = Set.of("Type", "SelectParameters", "OutputLocation");

    static RestoreRequest parse(byte[] body) {
        Element root = XmlDocument.parse(body, "RestoreRequest").root();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                String name = element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
                if (SELECT.contains(name)) {
                    throw S3Error.NOT_IMPLEMENTED.exception("RestoreObject for S3 Select is not implemented");
                }
                if (!KNOWN.contains(name) || XmlDocument.children(root, name).size() > 1) {
                    throw S3Error.MALFORMED_XML.exception();
                }
            }
        }
        String days = XmlDocument.childText(root, "Days");
        if (days == null) {
            throw S3Error.MALFORMED_XML.exception();
        }
        int value;
        try {
            value = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw S3Error.MALFORMED_XML.exception();
        }
        if (value <= 0) {
            throw S3Error.INVALID_ARGUMENT.exception("Days must be a positive integer").with("ArgumentName", "Days");
        }
        if (!XmlDocument.children(root, "GlacierJobParameters").isEmpty() && !TIERS.contains(XmlDocument.onlyChild(
                XmlDocument.onlyChild(root, "GlacierJobParameters"), "Tier").getTextContent().strip())) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return new RestoreRequest(value);
    }
}
