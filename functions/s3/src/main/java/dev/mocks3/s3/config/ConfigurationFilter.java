package dev.mocks3.s3.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;

/**
 * The {@code Filter} of an analytics, metrics, inventory or intelligent-tiering configuration: absent, or
 * exactly one of the predicates the kind allows ({@code Prefix}, {@code Tag}, {@code AccessPointArn},
 * {@code And} of several); anything else is MalformedXML.
 */
public final class ConfigurationFilter {
    private ConfigurationFilter() {
    }

    public static void check(Element configuration, Set<String> allowed) {
        Element filter = XmlDocument.optionalChild(configuration, "Filter");
        if (filter == null) {
            return;
        }
        List<Element> predicates = elements(filter);
        if (predicates.size() != 1 || !allowed.contains(name(predicates.get(0)))) {
            throw S3Error.MALFORMED_XML.exception();
        }
        Element predicate = predicates.get(0);
        switch (name(predicate)) {
            case "Tag" -> checkTag(predicate);
            case "And" -> {
                List<Element> parts = elements(predicate);
                if (parts.isEmpty()) {
                    throw S3Error.MALFORMED_XML.exception();
                }
                for (Element part : parts) {
                    if (name(part).equals("Tag")) {
                        checkTag(part);
                    } else if (name(part).equals("And") || !allowed.contains(name(part))) {
                        throw S3Error.MALFORMED_XML.exception();
                    }
                }
            }
            default -> { // Prefix, AccessPointArn: any text
            }
        }
    }

    private static void checkTag(Element tag) {
        XmlDocument.requiredText(tag, "Key");
        XmlDocument.onlyChild(tag, "Value");
    }

    private static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    private static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }
}
