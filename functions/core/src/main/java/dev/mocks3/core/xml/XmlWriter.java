package dev.mocks3.core.xml;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes the small XML documents S3 answers with. Hand-written rather than data-bound so the
 * element order, namespaces and empty elements are exactly the ones S3 clients parse.
 */
public final class XmlWriter {
    public static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ISO_INSTANT;

    private final StringBuilder out = new StringBuilder(256);

    private XmlWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** Starts a document whose root element carries the S3 namespace. */
    public static XmlWriter document(String root) {
        XmlWriter writer = new XmlWriter();
        writer.out.append('<').append(root).append(" xmlns=\"").append(S3_NAMESPACE).append("\">");
        return writer;
    }

    /** Starts a document whose root element has no namespace (S3 error documents). */
    public static XmlWriter plainDocument(String root) {
        XmlWriter writer = new XmlWriter();
        writer.out.append('<').append(root).append('>');
        return writer;
    }

    public XmlWriter open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    /** Opens an element with attributes, given as name, value, name, value... */
    public XmlWriter open(String name, String... attributes) {
        out.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1]);
            out.append('"');
        }
        out.append('>');
        return this;
    }

    public XmlWriter close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes {@code <name>text</name>}; a null value writes nothing. */
    public XmlWriter element(String name, Object value) {
        if (value == null) {
            return this;
        }
        out.append('<').append(name).append('>');
        escape(value.toString());
        out.append("</").append(name).append('>');
        return this;
    }

    public XmlWriter element(String name, Instant time) {
        return element(name, time == null ? null : (Object) timestamp(time));
    }

    /** Escaped text inside the element that is open; null writes nothing. */
    public XmlWriter text(String value) {
        if (value != null) {
            escape(value);
        }
        return this;
    }

    /** Appends markup as it is: an element {@link XmlCopy} wrote from a checked configuration document. */
    public XmlWriter raw(String markup) {
        out.append(markup);
        return this;
    }

    public String finish(String root) {
        out.append("</").append(root).append('>');
        return out.toString();
    }

    public byte[] finishBytes(String root) {
        return finish(root).getBytes(StandardCharsets.UTF_8);
    }

    /** S3's timestamp form: ISO-8601 in UTC with milliseconds. */
    public static String timestamp(Instant time) {
        Instant millis = time.truncatedTo(ChronoUnit.MILLIS);
        String text = ISO_MILLIS.format(millis);
        return millis.getNano() == 0 ? text.replace("Z", ".000Z") : text;
    }

    private void escape(String text) {
        escape(text, out);
    }

    /** Appends text escaped for element content and attribute values. */
    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
