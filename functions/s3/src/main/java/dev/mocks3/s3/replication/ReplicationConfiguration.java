package dev.mocks3.s3.replication;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlCopy;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.config.BucketArn;

/**
 * A PutBucketReplication body: a Role and 1 to 1000 rules, each Enabled or Disabled with a destination
 * bucket ARN; a rule with a Filter (the V2 schema) must say whether delete markers are replicated, as S3
 * insists. {@code destinations} are the bucket names the rules name.
 */
public record ReplicationConfiguration(Set<String> destinations, String content) {
    public static final String ROOT = "ReplicationConfiguration";
    private static final Set<String> STATUSES = Set.of("Enabled", "Disabled");
    private static final int MAX_RULES = 1000;
    private static final int MAX_ID_LENGTH = 255;

    public static ReplicationConfiguration parse(byte[] body) {
        Element root = XmlDocument.parse(body, ROOT).root();
        XmlDocument.requiredText(root, "Role");
        List<Element> rules = XmlDocument.children(root, "Rule");
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw S3Error.MALFORMED_XML.exception();
        }
        Set<String> destinations = new LinkedHashSet<>();
        for (Element rule : rules) {
            destinations.add(checkRule(rule));
        }
        return new ReplicationConfiguration(destinations, XmlCopy.content(root));
    }

    /** The destination bucket's name. */
    private static String checkRule(Element rule) {
        if (!STATUSES.contains(XmlDocument.requiredText(rule, "Status"))) {
            throw S3Error.MALFORMED_XML.exception();
        }
        String id = XmlDocument.childText(rule, "ID");
        if (id != null && id.length() > MAX_ID_LENGTH) {
            throw S3Error.INVALID_ARGUMENT.exception("The ID must be less than or equal to 255 characters in length.");
        }
        String priority = XmlDocument.childText(rule, "Priority");
        if (priority != null && !priority.strip().matches("\\d{1,9}")) {
            throw S3Error.MALFORMED_XML.exception();
        }
        boolean filtered = XmlDocument.optionalChild(rule, "Filter") != null;
        if (filtered && XmlDocument.optionalChild(rule, "Prefix") != null) {
            throw S3Error.MALFORMED_XML.exception();
        }
        if (filtered && XmlDocument.optionalChild(rule, "DeleteMarkerReplication") == null) {
            throw S3Error.INVALID_REQUEST.exception(
                    "DeleteMarkerReplication must be specified for this version of Cross Region Replication configuration schema.");
        }
        String arn = XmlDocument.requiredText(XmlDocument.onlyChild(rule, "Destination"), "Bucket");
        return BucketArn.bucketName(arn);
    }
}
