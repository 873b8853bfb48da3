package dev.mocks3.core.form;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;

/**
 * The policy document of a browser form upload: base64 JSON with an {@code expiration} and the
 * {@code conditions} every field of the form must meet. Malformed documents are 400
 * InvalidPolicyDocument; a form that breaks the policy is 403 AccessDenied "Invalid according to Policy".
 */
public record PostPolicy(Instant expiration, List<PolicyCondition> conditions) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields a policy need not name: the signature's own, the file, and anything the form marks {@code x-ignore-}. */
    private static final Set<String> EXEMPT = Set.of("policy", "x-amz-signature", "signature", "awsaccesskeyid", "file");

    public PostPolicy {
        conditions = List.copyOf(conditions);
    }

    public static PostPolicy parse(String base64) {
        JsonNode document;
        try {
            document = JSON.readTree(new String(Base64.getMimeDecoder().decode(base64.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw invalid("Invalid JSON.");
        }
        if (document == null || !document.isObject()) {
            throw invalid("Invalid JSON.");
        }
        JsonNode expiration = document.get("expiration");
        if (expiration == null) {
            throw invalid("Policy missing expiration.");
        }
        JsonNode conditions = document.get("conditions");
        if (conditions == null) {
            throw invalid("Policy missing conditions.");
        }
        if (!conditions.isArray()) {
            throw invalid("Invalid conditions: must be an array.");
        }
        List<PolicyCondition> parsed = new ArrayList<>();
        for (JsonNode condition : conditions) {
            parsed.add(condition(condition));
        }
        return new PostPolicy(instant(expiration), parsed);
    }

    /**
     * Checks the policy against the form sent to {@code bucket}: not expired, every condition met,
     * every field named by a condition. Answers the size range the file must keep to, or null for any size.
     */
    public PolicyCondition.LengthRange check(FormFields fields, String bucket, Instant now) {
        if (now.isAfter(expiration)) {
            throw refused("Policy expired.");
        }
        PolicyCondition.LengthRange range = null;
        for (PolicyCondition condition : conditions) {
            if (condition instanceof PolicyCondition.LengthRange length) {
                range = length;
            } else if (condition instanceof PolicyCondition.Match match
                    && !match.holds(match.field().equals("bucket") ? bucket : fields.get(match.field()))) {
                throw refused("Policy Condition failed: " + match.describe());
            }
        }
        List<String> extra = new ArrayList<>();
        for (FormFields.Field field : fields.all()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (!EXEMPT.contains(name) && !name.startsWith("x-ignore-") && !named(name)) {
                extra.add(field.name());
            }
        }
        if (!extra.isEmpty()) {
            throw refused("Extra input fields: " + String.join(", ", extra));
        }
        return range;
    }

    private boolean named(String field) {
        return conditions.stream().anyMatch(c -> c instanceof PolicyCondition.Match match && match.field().equals(field));
    }

    private static PolicyCondition condition(JsonNode condition) {
        if (condition.isObject()) {
            if (condition.size() != 1) {
                throw invalid("Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.");
            }
            Map.Entry<String, JsonNode> only = condition.fields().next();
            if (!only.getValue().isValueNode()) {
                throw invalid("Invalid Simple-Condition: value must be a string.");
            }
            return new PolicyCondition.Match(false, only.getKey(), only.getValue().asText());
        }
        if (!condition.isArray() || condition.isEmpty()) {
            throw invalid("Invalid Condition: must be an object or an array.");
        }
        String operator = condition.get(0).asText().toLowerCase(Locale.ROOT);
        return switch (operator) {
            case "eq", "starts-with" -> match(condition, operator);
            case "content-length-range" -> lengthRange(condition);
            default -> throw invalid("Invalid Condition: unknown operation '" + condition.get(0).asText() + "'.");
        };
    }

    private static PolicyCondition.Match match(JsonNode condition, String operator) {
        if (condition.size() != 3 || !condition.get(1).isTextual() || !condition.get(2).isValueNode()) {
            throw invalid("Invalid Condition: '" + operator + "' takes a field and a value.");
        }
        String field = condition.get(1).asText();
        if (!field.startsWith("$")) {
            throw invalid("Invalid Condition: the field '" + field + "' must start with '$'.");
        }
        return new PolicyCondition.Match(operator.equals("starts-with"), field.substring(1), condition.get(2).asText());
    }

    private static PolicyCondition.LengthRange lengthRange(JsonNode condition) {
        if (condition.size() != 3) {
            throw invalid("Invalid content-length-range: it takes a minimum and a maximum.");
        }
        long min = size(condition.get(1));
        long max = size(condition.get(2));
        if (min > max) {
            throw invalid("Invalid content-length-range: the minimum is above the maximum.");
        }
        return new PolicyCondition.LengthRange(min, max);
    }

    private static long size(JsonNode bound) {
        try {
            long value = bound.isIntegralNumber() ? bound.asLong() : Long.parseLong(bound.asText().strip());
            if (value >= 0 && (bound.isIntegralNumber() || bound.isTextual())) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("Invalid content-length-range: '" + bound.asText() + "' is not a size.");
    }

    private static Instant instant(JsonNode expiration) {
        try {
            if (expiration.isTextual()) {
                return Instant.parse(expiration.asText());
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw invalid("Invalid 'expiration' value: '" + expiration.asText() + "'");
    }

    private static S3Exception invalid(String reason) {
        return S3Error.INVALID_POLICY_DOCUMENT.exception("Invalid Policy: " + reason);
    }

    private static S3Exception refused(String reason) {
        return S3Error.ACCESS_DENIED.exception("Invalid according to Policy: " + reason);
    }
}
