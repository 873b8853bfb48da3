package dev.mocks3.s3.website;

import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlCopy;
import dev.mocks3.core.xml.XmlDocument;

/**
 * A PutBucketWebsite body checked as S3 checks it: an IndexDocument suffix (non-empty, no slash) unless
 * every request is redirected, RedirectAllRequestsTo alone, an ErrorDocument key, and routing rules whose
 * redirects say where to go. Kept as its content, answered by GetBucketWebsite.
 */
public final class WebsiteConfiguration {
    public static final String ROOT = "WebsiteConfiguration";
    private static final Set<String> PROTOCOLS = Set.of("http", "https");
    private static final int MAX_ROUTING_RULES = 50;

    private WebsiteConfiguration() {
    }

    /** The configuration's content to store; MalformedXML, InvalidArgument or InvalidRequest as S3 answers. */
    public static String check(byte[] body) {
        Element root = XmlDocument.parse(body, ROOT).root();
        Element redirectAll = XmlDocument.optionalChild(root, "RedirectAllRequestsTo");
        Element index = XmlDocument.optionalChild(root, "IndexDocument");
        Element error = XmlDocument.optionalChild(root, "ErrorDocument");
        Element routing = XmlDocument.optionalChild(root, "RoutingRules");
        if (redirectAll != null) {
            if (index != null || error != null || routing != null) {
                throw S3Error.INVALID_ARGUMENT.exception("RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.");
            }
            XmlDocument.requiredText(redirectAll, "HostName");
            checkProtocol(redirectAll);
            return XmlCopy.content(root);
        }
        if (index == null) {
            throw S3Error.INVALID_ARGUMENT.exception("A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty");
        }
        String suffix = XmlDocument.childText(index, "Suffix");
        if (suffix == null || suffix.isEmpty() || suffix.contains("/")) {
            throw S3Error.INVALID_ARGUMENT.exception("The IndexDocument Suffix is not well formed");
        }
        if (error != null) {
            String key = XmlDocument.childText(error, "Key");
            if (key == null || key.isEmpty()) {
                throw S3Error.INVALID_ARGUMENT.exception("The ErrorDocument Key is not well formed");
            }
        }
        if (routing != null) {
            checkRoutingRules(XmlDocument.children(routing, "RoutingRule"));
        }
        return XmlCopy.content(root);
    }

    private static void checkRoutingRules(List<Element> rules) {
        if (rules.isEmpty()) {
            throw S3Error.MALFORMED_XML.exception();
        }
        if (rules.size() > MAX_ROUTING_RULES) {
            throw S3Error.INVALID_REQUEST.exception("The number of routing rules must not exceed the allowed limit of 50.");
        }
        for (Element rule : rules) {
            Element condition = XmlDocument.optionalChild(rule, "Condition");
            if (condition != null) {
                String prefix = XmlDocument.childText(condition, "KeyPrefixEquals");
                String code = XmlDocument.childText(condition, "HttpErrorCodeReturnedEquals");
                if (prefix == null && code == null) {
                    throw S3Error.INVALID_REQUEST.exception(
                            "Condition cannot be empty. To redirect all requests without a condition, the condition element shouldn't be present.");
                }
                if (code != null && !httpCode(code, 400, 599)) {
                    throw S3Error.INVALID_ARGUMENT.exception("The provided HTTP error code (" + code + ") is not valid. "
                            + "Valid codes are 4XX or 5XX.");
                }
            }
            Element redirect = XmlDocument.onlyChild(rule, "Redirect");
            checkRedirect(redirect);
        }
    }

    private static void checkRedirect(Element redirect) {
        if (!hasAny(redirect)) {
            throw S3Error.INVALID_REQUEST.exception("Redirect cannot be empty. Specify a HostName, HttpRedirectCode, "
                    + "Protocol, ReplaceKeyPrefixWith or ReplaceKeyWith.");
        }
        if (XmlDocument.childText(redirect, "ReplaceKeyPrefixWith") != null && XmlDocument.childText(redirect, "ReplaceKeyWith") != null) {
            throw S3Error.INVALID_REQUEST.exception("You can only define ReplaceKeyPrefix or ReplaceKey but not both.");
        }
        String code = XmlDocument.childText(redirect, "HttpRedirectCode");
        if (code != null && !httpCode(code, 300, 399)) {
            throw S3Error.INVALID_ARGUMENT.exception("The provided HTTP redirect code (" + code + ") is not valid. "
                    + "Valid codes are 3XX except 300.");
        }
        checkProtocol(redirect);
    }

    private static boolean hasAny(Element redirect) {
        for (String name : List.of("HostName", "HttpRedirectCode", "Protocol", "ReplaceKeyPrefixWith", "ReplaceKeyWith")) {
            if (XmlDocument.childText(redirect, name) != null) {
                return true;
            }
        }
        return false;
    }

    private static void checkProtocol(Element parent) {
        String protocol = XmlDocument.childText(parent, "Protocol");
        if (protocol != null && !PROTOCOLS.contains(protocol.strip())) {
            throw S3Error.INVALID_REQUEST.exception("Invalid protocol, protocol can be http or https. "
                    + "If not defined the protocol will be selected automatically.");
        }
    }

    private static boolean httpCode(String text, int low, int high) {
        try {
            int code = Integer.parseInt(text.strip());
            return code >= low && code <= high && code != 300;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
