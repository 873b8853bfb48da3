package dev.mocks3.s3.access;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.core.auth.CallerAccess.Decision;
import dev.mocks3.core.error.S3Error;

/**
 * A bucket policy document (JSON, read with Jackson), checked as S3 checks it on PutBucketPolicy,
 * and evaluated for a caller (anonymous or an access key): an explicit Deny wins, then an Allow. A
 * statement applies only when its principals name the caller and each test of its {@code Condition}
 * holds ({@link PolicyCondition}).
 */
public record BucketPolicy(List<Statement> statements, boolean readsExistingObjectTags) {
    public BucketPolicy(List<Statement> statements) {
        this(statements, namesExistingObjectTags(statements));
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN_PREFIX = "arn:aws:s3:::";

    /** With NotAction / NotResource the statement applies to everything but the actions / resources listed. */
    record Statement(boolean allow, Principals principals, List<String> actions, boolean notAction,
                     List<String> resources, boolean notResource, List<PolicyCondition> conditions) {

        boolean conditional() {
            return !conditions.isEmpty();
        }

        boolean appliesTo(Caller caller, String action, String resource, Map<String, List<String>> context) {
            if (!principals.apply(caller) || !conditions.stream().allMatch(condition -> condition.holds(context))) {
                return false;
            }
            boolean actionListed = actions.stream().anyMatch(a -> Wildcards.matches(a.toLowerCase(Locale.ROOT),
                    action.toLowerCase(Locale.ROOT)));
            boolean resourceListed = resources.stream().anyMatch(r -> Wildcards.matches(r, resource));
            return actionListed != notAction && resourceListed != notResource;
        }
    }

    public static BucketPolicy parse(String document, String bucket) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw S3Error.MALFORMED_POLICY.exception();
        }
        if (root == null || !root.isObject()) {
            throw S3Error.MALFORMED_POLICY.exception();
        }
        JsonNode statementNode = root.get("Statement");
        if (statementNode == null) {
            throw malformed("Missing required field Statement");
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode node : statementNode.isArray() ? statementNode : List.of(statementNode)) {
            statements.add(statement(node, bucket));
        }
        if (statements.isEmpty()) {
            throw malformed("Could not parse the policy: Statement is empty!");
        }
        return new BucketPolicy(statements);
    }

    private static Statement statement(JsonNode node, String bucket) {
        if (!node.isObject()) {
            throw S3Error.MALFORMED_POLICY.exception();
        }
        String effect = node.path("Effect").asText(null);
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw malformed("Invalid effect: " + effect);
        }
        JsonNode principal = node.has("Principal") ? node.get("Principal") : node.get("NotPrincipal");
        if (principal == null) {
            throw malformed("Missing required field Principal");
        }
        Principals principals = Principals.parse(principal, !node.has("Principal"));
        boolean notAction = !node.has("Action") && node.has("NotAction");
        List<String> actions = strings(node.get(notAction ? "NotAction" : "Action"), "Action");
        for (String action : actions) {
            if (!action.equals("*") && !action.toLowerCase(Locale.ROOT).startsWith("s3:")) {
                throw malformed("Policy has invalid action");
            }
        }
        boolean notResource = !node.has("Resource") && node.has("NotResource");
        List<String> resources = strings(node.get(notResource ? "NotResource" : "Resource"), "Resource");
        for (String resource : resources) {
            if (!resource.equals("*") && !inBucket(resource, bucket)) {
                throw malformed("Policy has invalid resource");
            }
        }
        return new Statement("Allow".equals(effect), principals, actions, notAction, resources, notResource,
                conditions(node.get("Condition")));
    }

    private static List<PolicyCondition> conditions(JsonNode node) {
        List<PolicyCondition> conditions = new ArrayList<>();
        if (node == null) {
            return conditions;
        }
        if (!node.isObject()) {
            throw malformed("Invalid Condition block");
        }
        node.fields().forEachRemaining(operator -> {
            if (!operator.getValue().isObject()) {
                throw malformed("Invalid Condition block");
            }
            operator.getValue().fields().forEachRemaining(test -> conditions.add(new PolicyCondition(operator.getKey(),
                    test.getKey(), strings(test.getValue(), "Condition value"))));
        });
        return conditions;
    }

    private static boolean inBucket(String resource, String bucket) {
        if (!resource.startsWith(ARN_PREFIX)) {
            return false;
        }
        String path = resource.substring(ARN_PREFIX.length());
        int slash = path.indexOf('/');
        return Wildcards.matches(slash < 0 ? path : path.substring(0, slash), bucket);
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node == null) {
            throw malformed("Missing required field " + field);
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(each -> values.add(each.asText()));
        } else if (node.isValueNode() && !node.isNull()) {
            values.add(node.asText());
        }
        if (values.isEmpty()) {
            throw malformed("Missing required field " + field);
        }
        return values;
    }

    private static RuntimeException malformed(String message) {
        return S3Error.MALFORMED_POLICY.exception(message);
    }

    /** What the policy says of the caller's request for {@code action} on {@code resource} (an ARN). */
    Decision decide(Caller caller, String action, String resource, Map<String, List<String>> context) {
        boolean allowed = false;
        for (Statement statement : statements) {
            if (statement.appliesTo(caller, action, resource, context)) {
                if (!statement.allow()) {
                    return Decision.DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.NONE;
    }

    /**
     * Whether a condition names {@code s3:ExistingObjectTag/<key>}: only then is the object read to decide
     * (worked out once, when the policy is parsed: the snapshot keeps the policy for every request).
     */
    private static boolean namesExistingObjectTags(List<Statement> statements) {
        return statements.stream().flatMap(s -> s.conditions().stream())
                .anyMatch(c -> c.key().toLowerCase(Locale.ROOT).startsWith(PolicyContext.EXISTING_OBJECT_TAG));
    }

    /** Public as S3 means it: some unconditional Allow names every caller. */
    public boolean isPublic() {
        return statements.stream().anyMatch(s -> s.allow() && s.principals().includesEveryone() && !s.conditional());
    }

    public static String arn(String bucket, String key) {
        return ARN_PREFIX + bucket + (key == null ? "" : "/" + key);
    }
}
