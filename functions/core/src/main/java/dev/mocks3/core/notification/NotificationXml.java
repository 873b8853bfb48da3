package dev.mocks3.core.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.core.xml.XmlWriter;

/**
 * The {@code NotificationConfiguration} document of {@code PUT|GET /bucket?notification}: read with
 * S3's checks (known event names, at most one prefix and one suffix rule), written back in the order
 * given. A rule without an {@code Id} gets a generated one, as S3 does.
 */
public final class NotificationXml {
    private static final String ROOT = "NotificationConfiguration";

    private NotificationXml() {
    }

    public static NotificationConfiguration parse(byte[] body) {
        XmlDocument doc = XmlDocument.parse(body);
        if (!ROOT.equals(doc.rootName())) {
            throw S3Error.MALFORMED_XML.exception();
        }
        List<NotificationRule> rules = new ArrayList<>();
        for (NotificationRule.Kind kind : NotificationRule.Kind.values()) {
            for (Element element : XmlDocument.children(doc.root(), kind.element())) {
                rules.add(rule(kind, element));
            }
        }
        return new NotificationConfiguration(rules);
    }

    private static NotificationRule rule(NotificationRule.Kind kind, Element element) {
        String arn = trimmed(XmlDocument.childText(element, kind.arnElement()));
        if (arn == null || arn.isEmpty()) {
            throw S3Error.MALFORMED_XML.exception();
        }
        List<String> events = XmlDocument.children(element, "Event").stream().map(e -> e.getTextContent().trim()).toList();
        if (events.isEmpty()) {
            throw S3Error.MALFORMED_XML.exception();
        }
        for (String event : events) {
            if (!S3EventNames.isKnown(event)) {
                throw S3Error.INVALID_ARGUMENT.exception("The event is not supported for notifications")
                        .with("ArgumentName", "Event").with("ArgumentValue", event);
            }
        }
        String id = trimmed(XmlDocument.childText(element, "Id"));
        String prefix = null;
        String suffix = null;
        for (Element filter : XmlDocument.children(element, "Filter")) {
            for (Element s3Key : XmlDocument.children(filter, "S3Key")) {
                for (Element filterRule : XmlDocument.children(s3Key, "FilterRule")) {
                    String name = trimmed(XmlDocument.childText(filterRule, "Name"));
                    String value = XmlDocument.childText(filterRule, "Value");
                    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
                    if (lower.equals("prefix") && prefix == null) {
                        prefix = value == null ? "" : value;
                    } else if (lower.equals("suffix") && suffix == null) {
                        suffix = value == null ? "" : value;
                    } else {
                        throw S3Error.INVALID_ARGUMENT.exception(lower.equals("prefix") || lower.equals("suffix")
                                        ? "Cannot specify more than one " + lower + " rule in a filter."
                                        : "filter rule name must be either prefix or suffix")
                                .with("ArgumentName", "FilterRule").with("ArgumentValue", name);
                    }
                }
            }
        }
        return new NotificationRule(id == null || id.isEmpty() ? UUID.randomUUID().toString() : id, kind, arn, events,
                prefix, suffix);
    }

    public static byte[] render(NotificationConfiguration configuration) {
        XmlWriter xml = XmlWriter.document(ROOT);
        for (NotificationRule.Kind kind : NotificationRule.Kind.values()) {
            for (NotificationRule rule : configuration.rules()) {
                if (rule.kind() == kind) {
                    write(xml, rule);
                }
            }
        }
        return xml.finishBytes(ROOT);
    }

    private static void write(XmlWriter xml, NotificationRule rule) {
        xml.open(rule.kind().element()).element("Id", rule.id()).element(rule.kind().arnElement(), rule.arn());
        rule.events().forEach(event -> xml.element("Event", event));
        if (rule.prefix() != null || rule.suffix() != null) {
            xml.open("Filter").open("S3Key");
            filterRule(xml, "prefix", rule.prefix());
            filterRule(xml, "suffix", rule.suffix());
            xml.close("S3Key").close("Filter");
        }
        xml.close(rule.kind().element());
    }

    private static void filterRule(XmlWriter xml, String name, String value) {
        if (value != null) {
            xml.open("FilterRule").element("Name", name).element("Value", value).close("FilterRule");
        }
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }
}
