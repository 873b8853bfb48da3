package dev.mocks3.s3.cors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;

/** A bucket's CORSConfiguration: its rules, checked as S3 checks them; the first rule that allows a request answers it. */
public record CorsConfiguration(List<CorsRule> rules) {
    private static final Set<String> METHODS = Set.of("GET", "PUT", "HEAD", "POST", "DELETE");
    private static final int MAX_RULES = 100;

    public static CorsConfiguration parse(byte[] body) {
        XmlDocument doc = XmlDocument.parse(body, "CORSConfiguration");
        List<CorsRule> rules = new ArrayList<>();
        for (Element rule : XmlDocument.children(doc.root(), "CORSRule")) {
            rules.add(rule(rule));
        }
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return new CorsConfiguration(rules);
    }

    public static CorsConfiguration parse(String stored) {
        return parse(stored.getBytes(StandardCharsets.UTF_8));
    }

    private static CorsRule rule(Element rule) {
        List<String> origins = texts(rule, "AllowedOrigin");
        List<String> methods = texts(rule, "AllowedMethod");
        if (origins.isEmpty() || methods.isEmpty()) {
            throw S3Error.MALFORMED_XML.exception();
        }
        for (String method : methods) {
            if (!METHODS.contains(method)) {
                throw S3Error.INVALID_REQUEST.exception("Found unsupported HTTP method in CORS config. Unsupported method is " + method);
            }
        }
        for (String origin : origins) {
            if (origin.indexOf('*') != origin.lastIndexOf('*')) {
                throw S3Error.INVALID_REQUEST.exception("AllowedOrigin \"" + origin + "\" can not have more than one wildcard.");
            }
        }
        List<String> headers = texts(rule, "AllowedHeader");
        for (String header : headers) {
            if (header.indexOf('*') != header.lastIndexOf('*')) {
                throw S3Error.INVALID_REQUEST.exception("AllowedHeader \"" + header + "\" can not have more than one wildcard.");
            }
        }
        String maxAge = XmlDocument.childText(rule, "MaxAgeSeconds");
        Integer seconds = null;
        if (maxAge != null) {
            try {
                seconds = Integer.valueOf(maxAge.strip());
            } catch (NumberFormatException e) {
                throw S3Error.MALFORMED_XML.exception();
            }
        }
        return new CorsRule(origins, methods, headers, texts(rule, "ExposeHeader"), seconds);
    }

    private static List<String> texts(Element parent, String name) {
        return XmlDocument.children(parent, name).stream().map(e -> e.getTextContent().strip()).toList();
    }

    /** The first rule that lets {@code origin} send {@code method} with {@code requestHeaders}. */
    public Optional<CorsRule> match(String origin, String method, List<String> requestHeaders) {
        return rules.stream().filter(rule -> rule.allows(origin, method, requestHeaders)).findFirst();
    }
}
