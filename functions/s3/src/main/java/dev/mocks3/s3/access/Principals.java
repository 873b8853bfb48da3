package dev.mocks3.s3.access;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.core.error.S3Error;

/**
 * A statement's {@code Principal} (or {@code NotPrincipal}): everyone ({@code "*"}, {@code {"AWS": "*"}}),
 * accounts ({@code {"AWS": "111122223333"}}, {@code "arn:aws:iam::111122223333:root"}), users of an
 * account ({@code "arn:aws:iam::111122223333:user/<access key>"}) and canonical users
 * ({@code {"CanonicalUser": "<64 hex>"}}). Roles, assumed roles, service and federated principals are
 * valid but name no MockS3 caller.
 */
record Principals(boolean everyone, List<String> accounts, List<String> users, List<String> canonicalIds, boolean not) {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern IAM_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):(root|user/(.+))");
    /** Roles, assumed-role sessions, federated users: valid principals that name no MockS3 caller. */
    private static final Pattern OTHER_ARN = Pattern.compile("arn:aws:(iam|sts)::\\d{12}:.+");

    static Principals parse(JsonNode node, boolean not) {
        if (node.isTextual()) {
            if (!node.asText().equals("*")) {
                throw invalid();
            }
            return new Principals(true, List.of(), List.of(), List.of(), not);
        }
        if (!node.isObject() || node.isEmpty()) {
            throw invalid();
        }
        boolean everyone = false;
        List<String> accounts = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<String> canonicalIds = new ArrayList<>();
        for (JsonNode aws : values(node.get("AWS"))) {
            String name = aws.asText();
            Matcher arn = IAM_ARN.matcher(name);
            if (name.equals("*")) {
                everyone = true;
            } else if (ACCOUNT.matcher(name).matches()) {
                accounts.add(name);
            } else if (arn.matches() && arn.group(3) == null) {
                accounts.add(arn.group(1));
            } else if (arn.matches()) {
                users.add(arn.group(1) + ":" + arn.group(3));
            } else if (!OTHER_ARN.matcher(name).matches()) {
                throw invalid();
            }
        }
        for (JsonNode id : values(node.get("CanonicalUser"))) {
            canonicalIds.add(id.asText());
        }
        return new Principals(everyone, accounts, users, canonicalIds, not);
    }

    private static Iterable<JsonNode> values(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        return node.isArray() ? node : List.of(node);
    }

    private static RuntimeException invalid() {
        return S3Error.MALFORMED_POLICY.exception("Invalid principal in policy");
    }

    /** True when the statement applies to this caller (NotPrincipal: to every caller it does not name). */
    boolean apply(Caller caller) {
        return names(caller) != not;
    }

    private boolean names(Caller caller) {
        if (everyone) {
            return true;
        }
        if (caller.anonymous()) {
            return false;
        }
        return accounts.contains(caller.accountId()) || canonicalIds.contains(caller.canonicalId())
                || users.contains(caller.accountId() + ":" + caller.accessKey());
    }

    /** Names every caller, anonymous ones included: what makes an Allow public. */
    boolean includesEveryone() {
        return everyone != not;
    }
}
