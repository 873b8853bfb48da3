package dev.mocks3.core.xml;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A checked request document written back as markup by local names, without namespaces: stored
 * configurations are answered inside an S3-namespaced root whatever namespace (or none) the client
 * sent. {@code xsi:type} (grantees) is kept, with its namespace declared where it is used.
 */
public final class XmlCopy {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private XmlCopy() {
    }

    /** Only what is inside the element, for a root the answer writes itself. */
    public static String content(Element element) {
        StringBuilder out = new StringBuilder(256);
        writeContent(element, out);
        return out.toString();
    }

    private static void write(Element element, StringBuilder out) {
        String name = localName(element);
        out.append('<').append(name);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XSI.equals(attribute.getNamespaceURI()) && "type".equals(attribute.getLocalName())) {
                out.append(" xmlns:xsi=\"").append(XSI).append("\" xsi:type=\"");
                XmlWriter.escape(attribute.getValue(), out);
                out.append('"');
            }
        }
        out.append('>');
        writeContent(element, out);
        out.append("</").append(name).append('>');
    }

    private static void writeContent(Element element, StringBuilder out) {
        NodeList nodes = element.getChildNodes();
        boolean hasElements = false;
        for (int i = 0; i < nodes.getLength(); i++) {
            hasElements |= nodes.item(i) instanceof Element;
        }
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element child) {
                write(child, out);
            } else if (!hasElements && (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE)) {
                XmlWriter.escape(node.getNodeValue(), out);
            }
        }
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    }
}
