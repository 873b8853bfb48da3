package dev.mocks3.core.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.mocks3.core.error.S3Error;

/**
 * A parsed request body (DeleteObjects, CompleteMultipartUpload). Parsing refuses DTDs and
 * external entities; anything that is not well-formed XML is MalformedXML.
 */
public final class XmlDocument {
    private final Element root;

    private XmlDocument(Element root) {
        this.root = root;
    }

    public static XmlDocument parse(byte[] body) {
        if (body.length == 0) {
            throw S3Error.MALFORMED_XML.exception();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return new XmlDocument(builder.parse(new ByteArrayInputStream(body)).getDocumentElement());
        } catch (Exception e) {
            throw S3Error.MALFORMED_XML.exception();
        }
    }

    /** Parses a document whose root element must be {@code root}; another root is MalformedXML. */
    public static XmlDocument parse(byte[] body, String root) {
        XmlDocument doc = parse(body);
        if (!root.equals(doc.rootName())) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return doc;
    }

    /** The one child of {@code parent} with this name; none or several are MalformedXML. */
    public static Element onlyChild(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() != 1) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return found.get(0);
    }

    /** The child of {@code parent} with this name, or null when there is none; several are MalformedXML. */
    public static Element optionalChild(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() > 1) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The stripped text of the one child with this name; none, several or an empty one are MalformedXML. */
    public static String requiredText(Element parent, String name) {
        String text = onlyChild(parent, name).getTextContent().strip();
        if (text.isEmpty()) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return text;
    }

    public String rootName() {
        return root.getLocalName() != null ? root.getLocalName() : root.getNodeName();
    }

    public Element root() {
        return root;
    }

    /** Direct children of {@code parent} with this local name. */
    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(localName(element))) {
                found.add(element);
            }
        }
        return found;
    }

    /** Text of the first child with this name, or null. */
    public static String childText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    }
}
